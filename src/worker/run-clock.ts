/**
 * The time limit of one run (or one dataset line) on a grader worker. Starting Pyodide and loading packages do
 * not count against the grader's limit: the worker reports 'loading' and 'exec' phases. But those reports come
 * from the sandbox, so they are only hints: time spent 'loading' draws on the worker's start-up budget, granted
 * once per worker and never refilled; all other time draws on the run's limit, which no report refills either.
 * A grader that keeps reporting 'loading' (or alternates) is stopped when the budget runs out.
 */
import type { RunProgress } from './protocol.ts';

/** Start-up time (Pyodide, packages) one worker may use over its whole life. */
export const STARTUP_BUDGET_MS = 60_000;

/** One worker's start-up allowance: shared by every run on that worker. */
export class StartupBudget {
  constructor(public remainingMs = STARTUP_BUDGET_MS) {}
}

export class RunClock {
  private phase: RunProgress = 'exec';
  private since: number;
  private left: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private limitMs: number,
    private readonly budget: StartupBudget,
    private readonly onTimeout: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.since = now();
    this.left = limitMs;
    this.arm();
  }

  /** The worker says a phase started (untrusted: it only decides which allowance the time is drawn from). */
  report(phase: RunProgress) {
    if (this.stopped) return;
    this.account();
    this.phase = phase;
    this.arm();
  }

  /** The host starts a new unit of work (a dataset line): a fresh run limit; the start-up budget is unchanged. */
  restart(limitMs = this.limitMs) {
    if (this.stopped) return;
    this.account();
    this.limitMs = limitMs;
    this.left = limitMs;
    this.arm();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private account() {
    const t = this.now();
    const spent = t - this.since;
    this.since = t;
    if (this.phase === 'loading') this.budget.remainingMs -= spent;
    else this.left -= spent;
  }

  private arm() {
    clearTimeout(this.timer);
    const ms = Math.max(0, this.phase === 'loading' ? this.budget.remainingMs : this.left);
    this.timer = setTimeout(() => {
      this.account();
      const over = this.phase === 'loading' ? this.budget.remainingMs : this.left;
      if (over > 1) this.arm(); // a timer that fired early
      else if (!this.stopped) {
        this.stopped = true;
        this.onTimeout();
      }
    }, ms);
  }
}
