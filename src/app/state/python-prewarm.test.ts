import { describe, expect, it } from 'vitest';
import { browserEnvironment, prewarmWhenSettled, shouldPrewarmPython } from './python-prewarm.ts';

describe('python prewarm', () => {
  it('is skipped when the browser asks to save data or has little memory', () => {
    expect(shouldPrewarmPython({})).toBe(true);
    expect(shouldPrewarmPython({ deviceMemory: 8 })).toBe(true);
    expect(shouldPrewarmPython({ deviceMemory: 4 })).toBe(true);
    expect(shouldPrewarmPython({ deviceMemory: 2 })).toBe(false);
    expect(shouldPrewarmPython({ saveData: true, deviceMemory: 8 })).toBe(false);
  });

  it('reads the signals a browser gives', () => {
    expect(browserEnvironment({ connection: { saveData: true }, deviceMemory: 2 } as unknown as Navigator)).toEqual({ saveData: true, deviceMemory: 2 });
    expect(browserEnvironment({} as Navigator)).toEqual({});
    expect(browserEnvironment(undefined)).toEqual({});
  });

  it('starts only after the page settled and an idle moment, once', async () => {
    const log: string[] = [];
    let settle!: () => void;
    const settled = new Promise<void>((r) => (settle = r));
    let idleCb: (() => void) | null = null;
    const done = prewarmWhenSettled(
      async () => void log.push('start'),
      settled,
      {},
      (cb) => {
        log.push('idle asked');
        idleCb = cb;
      },
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual([]);
    settle();
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['idle asked']);
    idleCb!();
    expect(await done).toBe(true);
    expect(log).toEqual(['idle asked', 'start']);
  });

  it('still starts when the editor failed to load, and never when the environment says no', async () => {
    let started = 0;
    expect(await prewarmWhenSettled(async () => void started++, Promise.reject(new Error('no editor')), {}, (cb) => cb())).toBe(true);
    expect(await prewarmWhenSettled(async () => void started++, Promise.resolve(), { saveData: true }, (cb) => cb())).toBe(false);
    expect(started).toBe(1);
  });
});
