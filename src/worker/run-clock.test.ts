import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunClock, StartupBudget } from './run-clock.ts';

/** A worker that has run user code already: its 'loading' reports draw on the start-up budget. */
const used = (remainingMs: number) => Object.assign(new StartupBudget(remainingMs), { started: true });

describe('RunClock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clock = (limit: number, budget: StartupBudget) => {
    let fired = 0;
    const c = new RunClock(limit, budget, () => fired++, () => Date.now());
    return { c, fired: () => fired };
  };

  it('stops a run that overruns its limit', () => {
    const { fired } = clock(100, new StartupBudget(1000));
    vi.advanceTimersByTime(99);
    expect(fired()).toBe(0);
    vi.advanceTimersByTime(2);
    expect(fired()).toBe(1);
  });

  it('does not count loading against the limit, within the budget', () => {
    const budget = used(1000);
    const { c, fired } = clock(100, budget);
    vi.advanceTimersByTime(10);
    c.report('loading');
    vi.advanceTimersByTime(800);
    c.report('exec');
    vi.advanceTimersByTime(85);
    expect(fired()).toBe(0);
    expect(budget.remainingMs).toBe(200);
    vi.advanceTimersByTime(10);
    expect(fired()).toBe(1);
  });

  it('a grader that keeps reporting loading is stopped when the worker budget runs out', () => {
    const budget = used(1000);
    const t0 = Date.now();
    const { c, fired } = clock(100, budget);
    for (let i = 0; i < 200 && fired() === 0; i++) {
      c.report('loading');
      vi.advanceTimersByTime(20);
      c.report('exec');
      c.report('loading');
    }
    expect(fired()).toBe(1);
    // 1,000 ms of budget and at most 100 ms of the limit: stopped by 1,100 ms, whatever was reported.
    expect(Date.now() - t0).toBeLessThanOrEqual(1100);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
  });

  it('alternating exec and loading never refills the run limit', () => {
    const { c, fired } = clock(100, new StartupBudget(0));
    for (let i = 0; i < 20; i++) {
      c.report('exec');
      vi.advanceTimersByTime(10);
    }
    expect(fired()).toBe(1);
  });

  it('the budget is once per worker: a second run on the same worker gets what is left', () => {
    const budget = used(500);
    const first = clock(100, budget);
    first.c.report('loading');
    vi.advanceTimersByTime(400);
    first.c.report('exec');
    first.c.stop();
    const second = clock(100, budget);
    second.c.report('loading');
    vi.advanceTimersByTime(101);
    expect(second.fired()).toBe(1);
  });

  it('restart gives a new line a fresh limit but keeps the budget; stop disarms', () => {
    const budget = new StartupBudget(50);
    const { c, fired } = clock(100, budget);
    vi.advanceTimersByTime(90);
    c.restart();
    vi.advanceTimersByTime(90);
    expect(fired()).toBe(0);
    c.stop();
    vi.advanceTimersByTime(1000);
    expect(fired()).toBe(0);
  });

  it("a worker's first start, before any user code ran, draws on its own larger allowance", () => {
    const budget = new StartupBudget(100, 5000);
    const { c, fired } = clock(100, budget);
    c.report('loading');
    vi.advanceTimersByTime(4000); // far beyond the start-up budget, within the first start's allowance
    expect(fired()).toBe(0);
    c.report('exec');
    expect(budget.started).toBe(true);
    expect(budget.remainingMs).toBe(100);
    vi.advanceTimersByTime(99);
    expect(fired()).toBe(0);
    vi.advanceTimersByTime(2);
    expect(fired()).toBe(1);
  });

  it('a first start that never ends is stopped when its allowance runs out', () => {
    const { c, fired } = clock(100, new StartupBudget(100, 5000));
    c.report('loading');
    vi.advanceTimersByTime(4999);
    expect(fired()).toBe(0);
    vi.advanceTimersByTime(2);
    expect(fired()).toBe(1);
  });

  it('after the first exec, reporting loading again never reaches the first start allowance', () => {
    const budget = new StartupBudget(1000, 1_000_000);
    const t0 = Date.now();
    const { c, fired } = clock(100, budget);
    c.report('loading');
    vi.advanceTimersByTime(50);
    c.report('exec');
    for (let i = 0; i < 200 && fired() === 0; i++) {
      c.report('loading');
      vi.advanceTimersByTime(20);
    }
    expect(fired()).toBe(1);
    // 50 ms of first start, then 1,000 ms of budget: the grader's 'loading' claims got nothing more.
    expect(Date.now() - t0).toBeLessThanOrEqual(1050);
  });
});
