import { describe, expect, it } from 'vitest';
import { READINESS_THRESHOLDS } from './readiness-warnings.ts';
import { readinessReport } from './report.ts';
import type { GradedSample } from './types.ts';

/** items[k] = the rewards of item k's samples; item k sits on row k. */
function dataset(items: number[][], extra: (k: number, j: number) => Partial<GradedSample> = () => ({})): GradedSample[] {
  return items.flatMap((rs, k) => rs.map((reward, j) => ({ row: k, sampleIndex: j, itemKey: String(k), reward, errorFlags: [], ...extra(k, j) })));
}

const ids = (r: ReturnType<typeof readinessReport>) => r.warnings.map((w) => w.id);
const warning = (r: ReturnType<typeof readinessReport>, id: string) => r.warnings.find((w) => w.id === id);

/** 40 items × 4 samples with varied partial-credit rewards: a healthy dataset. */
const healthy = dataset(Array.from({ length: 40 }, (_, k) => [0, 1, 2, 3].map((j) => ((k * 7 + j * 13) % 21) / 20)));

describe('readinessReport: figures', () => {
  it('summarises rewards, items, errors and labels', () => {
    const results = dataset([[0, 1], [0.5, 0.5], [1]], (k, j) => ({
      errorFlags: k === 0 && j === 0 ? ['python_grader_runtime_error'] : [],
      label: k === 2 ? 'good' : 'bad',
    }));
    const r = readinessReport(results, { passThreshold: 0.5 });
    expect(r.count).toBe(5);
    expect(r.stats).toEqual({ mean: 0.6, stdPopulation: Math.sqrt(0.14), stdSample: Math.sqrt(0.175), min: 0, max: 1, p10: 0.2, p50: 0.5, p90: 1 });
    expect(r.stats!.stdPopulation).toBeCloseTo(Math.sqrt(0.14), 14);
    expect(r.distinctValues).toBe(3);
    expect(r.values).toEqual([0, 0.5, 1]);
    expect(r.errors).toEqual({ samples: 1, rate: 0.2, byFlag: [{ flag: 'python_grader_runtime_error', count: 1 }] });
    expect(r.labels).toEqual({ labelled: 5, counts: [{ label: 'bad', count: 4 }, { label: 'good', count: 1 }] });
    expect(r.items.count).toBe(3);
    expect(r.items.perItem).toEqual([
      { itemKey: '0', row: 0, n: 2, min: 0, mean: 0.5, max: 1, std: 0.5, stdSample: Math.SQRT1_2 },
      { itemKey: '1', row: 1, n: 2, min: 0.5, mean: 0.5, max: 0.5, std: 0, stdSample: 0 },
      { itemKey: '2', row: 2, n: 1, min: 1, mean: 1, max: 1, std: 0, stdSample: null },
    ]);
    // Item 2 has one sample and does not count; item 1 of the two multi-sample items is constant.
    expect(r.noSignal).toEqual({ items: 1, of: 2, share: 0.5, atLow: 0, atHigh: 0 });
    expect(r.pass).toEqual({ threshold: 0.5, passRate: 0.8, passed: 4 });
    expect(r.scale).toEqual({ lo: 0, hi: 1, source: 'assumed' });
    expect(r.histogram.counts.reduce((a, b) => a + b)).toBe(5);
    expect(r.histogram.edges[0]).toBe(0);
    expect(r.histogram.edges[20]).toBe(1);
    expect(r.passRateCurve).toHaveLength(51);
    expect(r.passRateCurve[0]).toEqual({ threshold: 0, passRate: 1, passed: 5 });
  });

  it('keeps label names that a plain object would mangle, most frequent first', () => {
    const names = ['__proto__', '10', '2', '__proto__', 'constructor', '2', '__proto__'];
    const r = readinessReport(names.map((label, i) => ({ row: i, sampleIndex: 0, itemKey: String(i), reward: 0.5, errorFlags: [], label })));
    expect(r.labels.counts).toEqual([
      { label: '__proto__', count: 3 },
      { label: '2', count: 2 },
      { label: '10', count: 1 },
      { label: 'constructor', count: 1 },
    ]);
  });

  it('is plain JSON (survives a JSON round trip unchanged)', () => {
    const r = readinessReport([...healthy, { row: 99, sampleIndex: 0, itemKey: 'x', reward: NaN, errorFlags: [] }], { passThreshold: 0.7 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('leaves probe results out and counts them', () => {
    const r = readinessReport([...healthy, { row: 0, sampleIndex: 9, itemKey: '0', reward: 1, errorFlags: [], probe: 'empty' }]);
    expect(r.probesIgnored).toBe(1);
    expect(r.count).toBe(healthy.length);
  });

  it('measures against a declared range: histogram, curve, bounds, out-of-range', () => {
    const r = readinessReport(dataset([[2, 4, 6, 11]]), { rewardRange: [0, 10] });
    expect(r.scale).toEqual({ lo: 0, hi: 10, source: 'declared' });
    expect(r.outOfRange).toBe(1);
    expect(r.histogram.above).toBe(1);
    expect(r.passRateCurve.at(-1)!.threshold).toBe(10);
    expect(warning(r, 'out-of-range')?.message).toMatch(/^1 reward falls outside the declared range 0–10/);
    expect(() => readinessReport(healthy, { rewardRange: [1, 0] })).toThrow(RangeError);
  });

  it('widens the assumed scale to rewards seen outside 0..1', () => {
    expect(readinessReport(dataset([[-2, 0.5, 3]])).scale).toEqual({ lo: -2, hi: 3, source: 'assumed' });
  });
});

describe('readinessReport: warnings', () => {
  it('says nothing alarming about a healthy dataset', () => {
    const r = readinessReport(healthy);
    expect(r.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
  });

  it('has nothing to say but "grade first" on no results', () => {
    const r = readinessReport([]);
    expect(r.stats).toBeNull();
    expect(ids(r)).toEqual(['no-results']);
  });

  it('flags a constant reward as a danger, and not also as mostly-min/max', () => {
    const r = readinessReport(dataset(Array.from({ length: 10 }, () => [0, 0, 0])));
    expect(ids(r)).toContain('constant');
    expect(ids(r)).not.toContain('mostly-min');
    expect(warning(r, 'constant')).toMatchObject({ severity: 'danger' });
    expect(warning(r, 'constant')!.message).toMatch(/^Every reward is 0\./);
    expect(r.warnings[0]!.id).toBe('constant'); // dangers first
  });

  it('flags rewards nearly all at the minimum or the maximum (≥ 95%)', () => {
    const low = readinessReport(dataset([[...Array(96).fill(0), 1, 1, 1, 1]]));
    expect(warning(low, 'mostly-min')).toMatchObject({ severity: 'danger' });
    expect(warning(low, 'mostly-min')!.message).toMatch(/^96% of rewards are at the minimum observed \(0\)/);
    const high = readinessReport(dataset([[...Array(97).fill(1), 0.5, 0.5, 0.5]]));
    expect(warning(high, 'mostly-max')!.message).toMatch(/^97% of rewards are at the maximum observed \(1\)/);
    const fine = readinessReport(dataset([[...Array(90).fill(0), ...Array(10).fill(1)]]));
    expect(ids(fine)).not.toContain('mostly-min');
  });

  it('uses the declared bounds when a range is given', () => {
    // 96% at 0.2, the observed minimum, but the declared range starts at 0: not "at the minimum".
    const r = readinessReport(dataset([[...Array(96).fill(0.2), 0.5, 0.6, 0.7, 0.8]]), { rewardRange: [0, 1] });
    expect(ids(r)).not.toContain('mostly-min');
    expect(warning(r, 'score-skew')!.message).toMatch(/^At least 80% of rewards are exactly 0\.2\./);
    const d = readinessReport(dataset([[...Array(96).fill(10), 1, 2, 3, 4]]), { rewardRange: [0, 10] });
    expect(warning(d, 'mostly-max')!.message).toMatch(/at the maximum of the declared range \(10\)/);
  });

  it('calls binary rewards fine but sparse, and few distinct values coarse', () => {
    const binary = readinessReport(dataset(Array.from({ length: 10 }, (_, k) => [0, 1, k % 2])));
    expect(warning(binary, 'binary')).toMatchObject({ severity: 'info' });
    expect(warning(binary, 'binary')!.message).toMatch(/^Rewards are binary \(0 or 1\)\. That is fine for pass\/fail tasks but sparse/);
    const few = readinessReport(dataset(Array.from({ length: 10 }, (_, k) => [0, 0.5, 1, [0, 0.5, 1][k % 3]!])));
    expect(warning(few, 'few-values')!.message).toMatch(/^Only 3 distinct reward values \(0, 0\.5, 1\)/);
    expect(ids(readinessReport(dataset([[0, 1]])))).not.toContain('binary'); // too few samples to say
  });

  it('grades the error rate: info, warning from 5%, danger from 20%, naming the commonest flags', () => {
    const withErrors = (k: number) =>
      readinessReport(healthy.map((s, i) => (i < k ? { ...s, errorFlags: i % 2 ? ['other_error'] : ['sample_parse_error', 'other_error'] } : s)));
    expect(warning(withErrors(1), 'errors')!.severity).toBe('info');
    expect(warning(withErrors(8), 'errors')!.severity).toBe('warning');
    const many = warning(withErrors(40), 'errors')!;
    expect(many.severity).toBe('danger');
    expect(many.message).toMatch(/^25% of samples \(40 of 160\) raised grader errors \(other_error ×40, sample_parse_error ×20\)/);
    expect(ids(readinessReport(healthy))).not.toContain('errors');
  });

  it('warns when most multi-sample items give all their samples one reward, and says where they sit', () => {
    const mostly = dataset([
      ...Array.from({ length: 6 }, () => [0, 0, 0]),
      ...Array.from({ length: 3 }, () => [1, 1, 1]),
      [0.5, 0.5],
      ...Array.from({ length: 2 }, () => [0, 1, 0.5]),
    ]);
    const r = readinessReport(mostly);
    expect(r.noSignal).toEqual({ items: 10, of: 12, share: 10 / 12, atLow: 6, atHigh: 3 });
    expect(warning(r, 'no-variance')).toMatchObject({ severity: 'danger' });
    expect(warning(r, 'no-variance')!.message).toMatch(
      /^83% of items with several samples \(10 of 12\) give every sample the same reward \(6 always at the minimum, 3 always at the maximum, 1 at another value\)\. Group-relative/,
    );
    const some = readinessReport(dataset([...Array.from({ length: 6 }, () => [0, 0]), ...Array.from({ length: 4 }, () => [0, 1])]));
    expect(warning(some, 'no-variance')!.severity).toBe('warning');
    const half = readinessReport(dataset([...Array.from({ length: 5 }, () => [0, 0]), ...Array.from({ length: 5 }, () => [0, 1])]));
    expect(ids(half)).not.toContain('no-variance'); // "most" means more than half
  });

  it('says within-item variance is unknown when every item has one sample', () => {
    const r = readinessReport(dataset(Array.from({ length: 40 }, (_, k) => [(k % 11) / 10])));
    expect(r.noSignal.share).toBeNull();
    expect(warning(r, 'single-sample')).toMatchObject({ severity: 'info' });
  });

  it('flags a skewed label distribution (one label ≥ 90%)', () => {
    const r = readinessReport(healthy.map((s, i) => ({ ...s, label: i < 150 ? 'correct' : 'incorrect' })));
    expect(warning(r, 'label-skew')!.message).toMatch(/^94% of labelled samples \(150 of 160\) got the label "correct"\./);
    const even = readinessReport(healthy.map((s, i) => ({ ...s, label: i % 3 ? 'a' : 'b' })));
    expect(ids(even)).not.toContain('label-skew');
  });

  it('flags rewards squeezed into a narrow band of the scale', () => {
    const narrow = dataset(Array.from({ length: 20 }, (_, k) => [0.62 + (k % 5) / 100, 0.63, 0.64 + (k % 3) / 100]));
    const r = readinessReport(narrow);
    // Sorted: 0.62 ×4, 0.63 ×24, 0.64 ×11, 0.65 ×11, 0.66 ×10; p10 at position 5.9, p90 at 53.1.
    expect([r.stats!.p10, r.stats!.p90]).toEqual([0.63, 0.66]);
    expect(warning(r, 'score-skew')!.message).toMatch(/^80% of rewards lie between 0\.63 and 0\.66, 3% of the 0–1 scale\./);
    expect(ids(readinessReport(healthy))).not.toContain('score-skew');
  });

  it('reports non-finite rewards as a danger and keeps them out of the figures', () => {
    const r = readinessReport([...healthy, { row: 0, sampleIndex: 5, itemKey: '0', reward: NaN, errorFlags: [] }]);
    expect(r.nonFinite).toBe(1);
    expect(r.stats!.mean).toBeCloseTo(readinessReport(healthy).stats!.mean, 14);
    expect(warning(r, 'non-finite')!.message).toMatch(/^1 reward is not a finite number/);
  });

  it('notes a small sample, and lets the caller move thresholds', () => {
    expect(ids(readinessReport(dataset([[0, 0.3, 0.7, 1]])))).toContain('small-sample');
    const strict = readinessReport(healthy, { thresholds: { smallSample: 1000 } });
    expect(ids(strict)).toContain('small-sample');
    expect(READINESS_THRESHOLDS.boundShare).toBe(0.95);
  });

  it('orders warnings most severe first and gives each an id, a severity and a message', () => {
    const r = readinessReport(
      dataset(Array.from({ length: 10 }, () => [0, 0, 0]), (k) => ({ errorFlags: k < 3 ? ['other_error'] : [], label: 'x' })),
    );
    const rank = { danger: 0, warning: 1, info: 2 };
    for (let i = 1; i < r.warnings.length; i++) expect(rank[r.warnings[i]!.severity]).toBeGreaterThanOrEqual(rank[r.warnings[i - 1]!.severity]);
    for (const w of r.warnings) expect(w.message.length).toBeGreaterThan(40);
  });
});
