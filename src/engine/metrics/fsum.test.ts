import { describe, expect, it } from 'vitest';
import { fsum } from './fsum.ts';

// Cases from CPython's Lib/test/test_math.py (testFsum): exact values Python's math.fsum returns.
describe('fsum', () => {
  const cases: [number[], number][] = [
    [[], 0],
    [[0], 0],
    [[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], 1e-100],
    [[2 ** 53, -0.5, -(2 ** -54)], 2 ** 53 - 1],
    [[2 ** 53, 1.0, 2 ** -100], 2 ** 53 + 2],
    [[2 ** 53 + 10, 1.0, 2 ** -100], 2 ** 53 + 12],
    [[2 ** 53 - 4, 0.5, 2 ** -54], 2 ** 53 - 3],
    [[1e16, 1, 1e-16], 10000000000000002.0],
    [[1e16 - 2, 1 - 2 ** -53, -(1e16 - 2), -(1 - 2 ** -53)], 0],
    [Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)), 7.485470860550345],
    [Array.from({ length: 1000 }, (_, i) => (-1) ** (i + 1) / (i + 1)), -0.6926474305598203],
  ];
  for (const [values, expected] of cases) {
    it(`sums ${values.length} values to ${expected}`, () => expect(fsum(values)).toBe(expected));
  }

  it('is exact where a plain loop is not', () => {
    const xs = Array.from({ length: 10 }, () => 0.1);
    expect(xs.reduce((a, b) => a + b, 0)).not.toBe(1);
    expect(fsum(xs)).toBe(1);
  });

  it('passes infinities and NaN through as IEEE sums', () => {
    expect(fsum([1, Infinity])).toBe(Infinity);
    expect(fsum([1, NaN])).toBeNaN();
  });
});
