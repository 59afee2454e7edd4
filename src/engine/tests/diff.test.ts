import { describe, expect, it } from 'vitest';
import { diffRewards } from './diff.ts';

describe('diffRewards', () => {
  const rows = [
    { row: 0, a: 1, b: 1 },
    { row: 1, a: 0.8, b: 0.4 },
    { row: 2, a: 0.2, b: 0.9 },
    { row: 3, a: 0, b: 0, bError: true },
    { row: 4, a: 0.5, b: 0.5 },
  ];
  const d = diffRewards(rows, { threshold: 0.5, top: 2 });

  it('counts changed rows and errors', () => {
    expect(d).toMatchObject({ rows: 5, changed: 2, errorsA: 0, errorsB: 1 });
  });
  it('lists the biggest changes first', () => {
    expect(d.biggest.map((r) => r.row)).toEqual([2, 1]);
    expect(d.biggest[0]!.delta).toBeCloseTo(0.7, 15);
  });
  it('finds threshold flips both ways', () => {
    expect(d.flips).toEqual([
      { row: 1, a: 0.8, b: 0.4, direction: 'lost' },
      { row: 2, a: 0.2, b: 0.9, direction: 'gained' },
    ]);
  });
  it('shifts of mean and spread', () => {
    // A: 1, .8, .2, 0, .5 → mean .5; B: 1, .4, .9, 0, .5 → mean .56
    expect(d.meanShift).toBeCloseTo(0.06, 14);
    expect(d.a!.mean).toBeCloseTo(0.5, 15);
    expect(d.b!.stdPopulation - d.a!.stdPopulation).toBe(d.stdShift);
  });
  it('rank correlations of the two reward lists', () => {
    // Ranks A: 5,4,2,1,3; B: 5,2,4,1,3 → Spearman 1 − 6·8/(5·24) = 0.6; tau-b: 7 concordant, 3 discordant → 0.4
    expect(d.spearman).toBeCloseTo(0.6, 14);
    expect(d.kendall).toBeCloseTo(0.4, 14);
  });
  it('no threshold: no flips; epsilon hides tiny changes', () => {
    const e = diffRewards([{ row: 0, a: 0.5, b: 0.5 + 1e-13 }], { epsilon: 1e-12 });
    expect(e.flips).toEqual([]);
    expect(e.changed).toBe(0);
    expect(e.biggest).toEqual([]);
  });
});
