import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctSorted, histogram, lowerBound, moments, passRateCurve, quantileSorted, sortedFinite } from './stats.ts';

// Expected values computed with numpy 2.4 (np.mean, np.std, np.std(ddof=1), np.quantile, np.histogram).
const v = [0.1, 0.4, 0.4, 0.7, 1.0, 0.0, 0.3, 0.9, 0.55, 0.2];

describe('moments and quantiles', () => {
  it('match numpy: mean, population and sample std, linear quantiles', () => {
    const m = moments(v)!;
    expect(m.count).toBe(10);
    expect(m.mean).toBeCloseTo(0.45500000000000007, 14);
    expect(m.stdPopulation).toBeCloseTo(0.31499999999999995, 14);
    expect(m.stdSample).toBeCloseTo(0.33203915431767983, 14);
    const s = sortedFinite(v);
    expect(quantileSorted(s, 0.1)).toBeCloseTo(0.09, 14);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(0.4, 14);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(0.91, 14);
    expect(quantileSorted(s, 0)).toBe(0);
    expect(quantileSorted(s, 1)).toBe(1);
  });

  it('skip non-finite values and say null where a figure does not exist', () => {
    expect(moments([])).toBeNull();
    expect(moments([NaN, Infinity])).toBeNull();
    expect(moments([NaN, 3])).toEqual({ count: 1, mean: 3, stdPopulation: 0, stdSample: null });
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNull();
    expect([...sortedFinite([3, NaN, -1, -Infinity, 2])]).toEqual([-1, 2, 3]);
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });

  it('count distinct values and binary-search a threshold', () => {
    const s = sortedFinite(v);
    expect(distinctSorted(s)).toBe(9);
    expect(lowerBound(s, 0.4)).toBe(4);
    expect(lowerBound(s, 2)).toBe(10);
    expect(lowerBound(s, -1)).toBe(0);
  });
});

describe('histogram', () => {
  it('matches numpy.histogram: half-open bins, the last one closed', () => {
    expect(histogram(v, 4)).toMatchObject({ edges: [0, 0.25, 0.5, 0.75, 1], counts: [3, 3, 2, 2] });
    expect(histogram([1, 2, 2, 3], 2)).toMatchObject({ edges: [1, 2, 3], counts: [1, 3] });
  });

  it('widens an all-equal sample to ±0.5 like numpy', () => {
    expect(histogram([5, 5, 5], 4)).toEqual({ edges: [4.5, 4.75, 5, 5.25, 5.5], counts: [0, 0, 3, 0], below: 0, above: 0, nonFinite: 0 });
    const h = histogram([1, 1], 20);
    expect(h.counts.reduce((a, b) => a + b)).toBe(2);
    expect(h.edges[0]).toBe(0.5);
    expect(h.edges[20]).toBe(1.5);
  });

  it('counts values outside an explicit range and non-finite values apart', () => {
    const h = histogram([...v, NaN, Infinity], 5, [0.2, 0.8]);
    expect(h.counts).toEqual([2, 2, 1, 0, 1]); // numpy, same range and bins
    expect(h.edges.map((e) => Number(e.toFixed(12)))).toEqual([0.2, 0.32, 0.44, 0.56, 0.68, 0.8]);
    expect(h.below).toBe(2);
    expect(h.above).toBe(2);
    expect(h.nonFinite).toBe(2);
  });

  it('handles no data and rejects bad arguments', () => {
    expect(histogram([], 2)).toEqual({ edges: [0, 0.5, 1], counts: [0, 0], below: 0, above: 0, nonFinite: 0 });
    expect(() => histogram(v, 0)).toThrow(RangeError);
    expect(() => histogram(v, 2.5)).toThrow(RangeError);
    expect(() => histogram(v, 2, [1, 0])).toThrow(RangeError);
  });

  it('property: every value lands in exactly one bin, whose edges contain it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -5, max: 5 }).map((i) => i / 4)), { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (values, bins) => {
          const h = histogram(values, bins);
          const total = h.counts.reduce((a, b) => a + b, 0) + h.below + h.above + h.nonFinite;
          expect(total).toBe(values.length);
          expect(h.below + h.above).toBe(0); // the data's own range holds every finite value
          expect(h.counts).toHaveLength(bins);
          expect(h.edges).toHaveLength(bins + 1);
          for (let i = 1; i < h.edges.length; i++) expect(h.edges[i]!).toBeGreaterThanOrEqual(h.edges[i - 1]!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: with an explicit range, counts + below + above + non-finite = n, and bins agree with the edges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 3, noNaN: true }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: -1, max: 0, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (values, bins, lo, width) => {
          const hi = lo + width;
          const h = histogram(values, bins, [lo, hi]);
          expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above + h.nonFinite).toBe(values.length);
          // Recount with the edges alone (numpy's definition) and compare.
          const recount = new Array(bins).fill(0);
          for (const x of values) {
            if (x < lo || x > hi) continue;
            let i = bins - 1;
            while (i > 0 && x < h.edges[i]!) i--;
            recount[i]++;
          }
          expect(h.counts).toEqual(recount);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('passRateCurve', () => {
  it('gives steps + 1 points of share(reward ≥ threshold) from the lowest to the highest value', () => {
    const c = passRateCurve([0, 0.5, 0.5, 1], 4);
    expect(c.map((p) => p.threshold)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(c.map((p) => p.passRate)).toEqual([1, 0.75, 0.75, 0.25, 0.25]);
    expect(c.map((p) => p.passed)).toEqual([4, 3, 3, 1, 1]);
  });

  it('uses an explicit range, ignores non-finite values, and survives no data', () => {
    const c = passRateCurve([0.2, NaN, 0.6], 2, [0, 10]);
    expect(c).toEqual([
      { threshold: 0, passRate: 1, passed: 2 },
      { threshold: 5, passRate: 0, passed: 0 },
      { threshold: 10, passRate: 0, passed: 0 },
    ]);
    expect(passRateCurve([], 1)).toEqual([
      { threshold: 0, passRate: 0, passed: 0 },
      { threshold: 1, passRate: 0, passed: 0 },
    ]);
    expect(() => passRateCurve([1], 0)).toThrow(RangeError);
  });

  it('property: the curve never rises and agrees with a direct count', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 1, maxLength: 100 }), fc.integer({ min: 1, max: 20 }), (values, steps) => {
        const c = passRateCurve(values, steps);
        expect(c).toHaveLength(steps + 1);
        for (let i = 1; i < c.length; i++) expect(c[i]!.passRate).toBeLessThanOrEqual(c[i - 1]!.passRate);
        for (const p of c) expect(p.passed).toBe(values.filter((x) => x >= p.threshold).length);
        expect(c[0]!.passRate).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
