import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, MIN_WIDTH, moveBorder, moveSplit, parseLayout } from './pane-layout.ts';

describe('parseLayout', () => {
  it('reads a saved layout and falls back to the defaults on anything odd', () => {
    const saved = { widths: [50, 20, 30], split: 70, collapsed: [false, true, false] };
    expect(parseLayout(JSON.stringify(saved))).toEqual(saved);
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout(JSON.stringify({ widths: [90, 5, 5], split: 99, collapsed: 'x' }))).toEqual({ ...DEFAULT_LAYOUT, split: 85 });
    expect(parseLayout(JSON.stringify({ widths: [40, 40, 40] })).widths).toEqual(DEFAULT_LAYOUT.widths);
  });

  it('never restores all three columns collapsed', () => {
    expect(parseLayout(JSON.stringify({ collapsed: [true, true, true] })).collapsed).toEqual([false, true, true]);
  });
});

describe('moveBorder and moveSplit', () => {
  it('trade width between two neighbours, keeping each at least MIN_WIDTH and the sum at 100', () => {
    expect(moveBorder([40, 30, 30], 0, 10)).toEqual([50, 20, 30]);
    expect(moveBorder([40, 30, 30], 1, -5)).toEqual([40, 25, 35]);
    const far = moveBorder([40, 30, 30], 0, 50);
    expect(far).toEqual([58, MIN_WIDTH, 30]);
    expect(moveBorder([40, 30, 30], 0, -50)).toEqual([MIN_WIDTH, 58, 30]);
    expect(far.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('keeps the sample/item split between 15 and 85 percent', () => {
    expect(moveSplit(50, 10)).toBe(60);
    expect(moveSplit(50, 60)).toBe(85);
    expect(moveSplit(50, -60)).toBe(15);
  });
});
