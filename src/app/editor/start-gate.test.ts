import { describe, expect, it } from 'vitest';
import { startGate } from './start-gate.ts';

function fakeTimers() {
  const timers: { at: number; cb: () => void }[] = [];
  const painted: (() => void)[] = [];
  return {
    timers: {
      setTimeout: ((cb: () => void, ms: number) => timers.push({ at: ms, cb })) as unknown as typeof setTimeout,
      afterPaint: (cb: () => void) => painted.push(cb),
    },
    fire: (ms: number) => timers.filter((t) => t.at <= ms).forEach((t) => t.cb()),
    paint: () => painted.splice(0).forEach((cb) => cb()),
  };
}

const settledNow = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('startGate', () => {
  it('opens on open(), after the next paint, and only once', async () => {
    const t = fakeTimers();
    const gate = startGate(4000, t.timers);
    expect(await settledNow(gate.opened)).toBe(false);
    gate.open();
    expect(await settledNow(gate.opened)).toBe(false); // the frame with the score is not painted yet
    t.paint();
    expect(await settledNow(gate.opened)).toBe(true);
    gate.open();
    t.fire(4000);
    t.paint(); // nothing more was scheduled
  });

  it('opens by itself after the fallback time when nothing opens it', async () => {
    const t = fakeTimers();
    const gate = startGate(4000, t.timers);
    t.fire(3999);
    t.paint();
    expect(await settledNow(gate.opened)).toBe(false);
    t.fire(4000);
    t.paint();
    expect(await settledNow(gate.opened)).toBe(true);
  });
});
