import { describe, expect, it } from 'vitest';
import { agreement, averageRanks, repeatStats } from './judge-check.ts';

describe('repeatStats', () => {
  it('mean, population std, min, max, distinct values and bins', () => {
    // Reference values from Python's statistics.mean / pstdev.
    const s = repeatStats([0.9, 0.5, 0.7, 0.2, 1.0, 0.5], { bins: 4, range: [0, 1] })!;
    expect(s.count).toBe(6);
    expect(s.mean).toBeCloseTo(0.6333333333333333, 15);
    expect(s.std).toBeCloseTo(0.26874192494328497, 15);
    expect([s.min, s.max]).toEqual([0.2, 1.0]);
    expect(s.values).toEqual([
      { value: 0.2, count: 1 },
      { value: 0.5, count: 2 },
      { value: 0.7, count: 1 },
      { value: 0.9, count: 1 },
      { value: 1.0, count: 1 },
    ]);
    expect(s.bins).toEqual([
      { from: 0, to: 0.25, count: 1 },
      { from: 0.25, to: 0.5, count: 0 },
      { from: 0.5, to: 0.75, count: 3 },
      { from: 0.75, to: 1, count: 2 },
    ]);
  });

  it('one bin when every run gave the same reward; null for no runs; non-numbers are refused', () => {
    const s = repeatStats([1, 1, 1])!;
    expect(s.std).toBe(0);
    expect(s.bins).toEqual([{ from: 1, to: 1, count: 3 }]);
    expect(repeatStats([])).toBeNull();
    expect(() => repeatStats([0.5, NaN])).toThrow(/rewards\[1\]/);
  });

  it('a range narrower than the data widens to hold it', () => {
    const s = repeatStats([-1, 2], { bins: 3, range: [0, 1] })!;
    expect(s.bins[0]!.from).toBe(-1);
    expect(s.bins.at(-1)!.to).toBe(2);
    expect(s.bins.map((b) => b.count)).toEqual([1, 0, 1]);
  });
});

describe('agreement', () => {
  it('matches scipy on Pearson and Spearman (with ties), and the mean absolute error', () => {
    // scipy.stats.pearsonr / spearmanr on the same lists.
    const a = agreement([0.9, 0.5, 0.7, 0.2, 1.0, 0.5], [1, 0.5, 0.5, 0, 1, 0.75]);
    expect(a.n).toBe(6);
    expect(a.pearson.value).toBeCloseTo(0.8959216401473294, 14);
    expect(a.spearman.value).toBeCloseTo(0.8508410434878082, 14);
    expect(a.mae).toBeCloseTo(0.125, 15);
    const b = agreement([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(b.pearson.value).toBeCloseTo(0.7745966692414834, 14);
    expect(b.spearman.value).toBeCloseTo(0.7378647873726218, 14);
  });

  it('perfect and inverse agreement', () => {
    expect(agreement([0, 0.5, 1], [0, 0.5, 1])).toEqual({ n: 3, pearson: { value: 1 }, spearman: { value: 1 }, mae: 0 });
    expect(agreement([0, 0.5, 1], [1, 0.25, 0]).spearman.value).toBe(-1);
  });

  it('a constant series or too few pairs: correlation null with the reason, MAE still given', () => {
    const c = agreement([1, 1, 1], [0, 0.5, 1]);
    expect(c.pearson).toEqual({ value: null, reason: 'the model scores are constant, so the correlation is undefined' });
    expect(c.spearman.value).toBeNull();
    expect(c.mae).toBeCloseTo(0.5, 15);
    expect(agreement([1, 1], [0, 0]).pearson.reason).toMatch(/model scores and the human scores are constant/);
    expect(agreement([1], [0]).pearson.reason).toMatch(/at least 2 pairs/);
    expect(agreement([], [])).toMatchObject({ n: 0, mae: null });
    expect(() => agreement([1, 2], [1])).toThrow(/must pair up/);
  });

  it('average ranks share ties', () => {
    expect(averageRanks([2, 4, 5, 4, 5])).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
  });
});
