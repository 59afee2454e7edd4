import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { averageRanks, kendallTauB, spearman } from './rank.ts';

const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/tests/rank-scipy.json', import.meta.url), 'utf8')) as {
  scipy: string;
  cases: { name: string; x: number[]; y: number[]; spearman: number | null; kendall: number | null }[];
};

const close = (got: number, want: number | null) => {
  if (want === null) expect(got).toBeNaN();
  else expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12);
};

describe('rank correlation against scipy.stats (scripts/gen-rank-fixtures.py)', () => {
  it('has the cases', () => expect(fixture.cases.length).toBeGreaterThanOrEqual(10));
  for (const c of fixture.cases) {
    it(`${c.name}: spearmanr and kendalltau (tau-b)`, () => {
      close(spearman(c.x, c.y), c.spearman);
      close(kendallTauB(c.x, c.y), c.kendall);
    });
  }
});

describe('rank helpers', () => {
  it('average ranks share ties', () => {
    expect(Array.from(averageRanks([0.5, 0, 0.5, 1]))).toEqual([2.5, 1, 2.5, 4]);
  });
  it('fewer than two rows or unequal lengths give NaN', () => {
    expect(spearman([1], [1])).toBeNaN();
    expect(kendallTauB([1, 2], [1])).toBeNaN();
  });
  it('tau-b against the quadratic definition on a small case', () => {
    const x = [1, 2, 2, 3, 4, 4, 4, 5];
    const y = [2, 1, 3, 3, 5, 4, 4, 1];
    let c = 0, d = 0, tx = 0, ty = 0;
    for (let i = 0; i < x.length; i++)
      for (let j = i + 1; j < x.length; j++) {
        const s = Math.sign(x[i]! - x[j]!) * Math.sign(y[i]! - y[j]!);
        if (s > 0) c++;
        else if (s < 0) d++;
        else if (x[i] === x[j] && y[i] !== y[j]) tx++;
        else if (y[i] === y[j] && x[i] !== x[j]) ty++;
      }
    const want = (c - d) / Math.sqrt((c + d + tx) * (c + d + ty));
    expect(Math.abs(kendallTauB(x, y) - want)).toBeLessThan(1e-15);
  });
});
