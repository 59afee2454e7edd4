import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advantages } from './advantages.ts';
import type { GradedSample } from './types.ts';

const g = (itemKey: string, reward: number, sampleIndex = 0, extra: Partial<GradedSample> = {}): GradedSample => ({
  row: Number(itemKey.replace(/\D/g, '')) || 0,
  sampleIndex,
  itemKey,
  reward,
  errorFlags: [],
  ...extra,
});

const group = (itemKey: string, rewards: number[]) => rewards.map((r, i) => g(itemKey, r, i));

describe('advantages', () => {
  it("matches TRL's GRPO: (r − mean) / (unbiased std + 1e-4), per item", () => {
    // Expected values from numpy: (r - r.mean()) / (r.std(ddof=1) + 1e-4).
    const a = advantages([...group('a', [1, 0, 0, 1]), ...group('b', [0.2, 0.5, 0.9])]);
    const expected = [
      0.8658754297607016, -0.8658754297607016, -0.8658754297607016, 0.8658754297607016,
      -0.9488878024190774, -0.09488878024190772, 1.0437765826609853,
    ];
    a.forEach((x, i) => expect(x.advantage).toBeCloseTo(expected[i]!, 12));
    expect(a.every((x) => x.flag === undefined)).toBe(true);
    expect(a[4]).toMatchObject({ row: 0, sampleIndex: 0, itemKey: 'b', reward: 0.2 });
  });

  it('switches to the population std and another epsilon, or to mean-centering only', () => {
    const rs = group('b', [0.2, 0.5, 0.9]);
    const biased = advantages(rs, { std: 'biased', epsilon: 1e-3 });
    // numpy: (r - r.mean()) / (r.std(ddof=0) + 1e-3)
    [-1.1584364224757633, -0.11584364224757632, 1.2742800647233399].forEach((e, i) => expect(biased[i]!.advantage).toBeCloseTo(e, 12));
    const centred = advantages(rs, { scale: 'none' });
    centred.forEach((x, i) => expect(x.advantage).toBeCloseTo([0.2, 0.5, 0.9][i]! - 1.6 / 3, 14));
    expect(() => advantages(rs, { epsilon: -1 })).toThrow(RangeError);
  });

  it('gives 0 with a flag to items whose samples all agree, to single samples and to non-finite rewards', () => {
    const a = advantages([...group('same', [0.1, 0.1, 0.1]), g('one', 1), ...group('nan', [NaN, 0, 1])]);
    expect(a.slice(0, 3).map((x) => [x.advantage, x.flag])).toEqual([
      [0, 'no-variance'],
      [0, 'no-variance'],
      [0, 'no-variance'],
    ]);
    expect(a[3]).toMatchObject({ advantage: 0, flag: 'single-sample' });
    expect(a[4]).toMatchObject({ advantage: 0, flag: 'non-finite' });
    // The NaN is left out of its item's mean and std: the other two are ±1/√2 / (std + ε) with std = 1/√2.
    expect(a[5]!.advantage).toBeCloseTo(-0.5 / (Math.SQRT1_2 + 1e-4), 12);
    expect(a[6]!.advantage).toBeCloseTo(0.5 / (Math.SQRT1_2 + 1e-4), 12);
  });

  it('skips probes, keeps input order across interleaved items, and counts errored samples at their reward', () => {
    const a = advantages([
      g('x1', 1, 0),
      g('y2', 0, 0, { errorFlags: ['other_error'] }),
      g('x1', 0, 1),
      g('x1', 1, 2, { probe: 'empty' }),
      g('y2', 1, 1),
    ]);
    expect(a.map((x) => [x.itemKey, x.sampleIndex])).toEqual([
      ['x1', 0],
      ['y2', 0],
      ['x1', 1],
      ['y2', 1],
    ]);
    expect(a[1]!.advantage).toBeLessThan(0);
  });

  it('property: within an item with spread, advantages sum to 0; scaled by the std they have unit sample variance', () => {
    fc.assert(
      fc.property(
        // Rewards on a 0.001 grid: differences whose squares underflow are a float curiosity, not a reward.
        fc.array(fc.array(fc.integer({ min: -10_000, max: 10_000 }).map((i) => i / 1000), { minLength: 2, maxLength: 12 }), {
          minLength: 1,
          maxLength: 10,
        }),
        (groups) => {
          const results = groups.flatMap((rs, k) => group(`i${k}`, rs));
          const a = advantages(results, { epsilon: 0 });
          groups.forEach((rs, k) => {
            const mine = a.filter((x) => x.itemKey === `i${k}`);
            expect(mine).toHaveLength(rs.length);
            if (rs.every((r) => r === rs[0])) {
              expect(mine.every((x) => x.advantage === 0 && x.flag === 'no-variance')).toBe(true);
              return;
            }
            const sum = mine.reduce((s, x) => s + x.advantage, 0);
            expect(Math.abs(sum)).toBeLessThan(1e-9 * rs.length);
            const meanA = sum / rs.length;
            const varA = mine.reduce((s, x) => s + (x.advantage - meanA) ** 2, 0) / (rs.length - 1);
            expect(varA).toBeCloseTo(1, 6);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
