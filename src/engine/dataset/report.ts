/**
 * The readiness report of a graded dataset: can reinforcement fine-tuning learn from these rewards? It gathers
 * the figures (distribution, errors, per-item spread, labels, pass rate) as plain JSON for the dataset view;
 * readiness-warnings.ts turns them into advice. Probe results (`probe` set) are not model answers and are left
 * out (see probe-flags.ts). Errored samples count with the reward they got (0), because that is what training
 * sees. It must stay O(n log n) (one sort) and under 50 ms for 100,000 results: it runs on the main thread.
 */
import { type Histogram, histogram, moments, passAt, type PassPoint, passRateCurveSorted, quantileSorted, sortedFinite } from './stats.ts';
import { groupItems } from './groups.ts';
import { readinessWarnings, type ReadinessThresholds, READINESS_THRESHOLDS } from './readiness-warnings.ts';
import { boundTolerance, type GradedSample, rewardScale, type RewardScale, type Warning } from './types.ts';

export interface ReadinessOptions {
  /** Pass when reward ≥ passThreshold (pass_threshold's reading); without it, `pass` is null. */
  passThreshold?: number;
  /** The range the grader can score in (e.g. a score_model's `range`); default [0, 1] widened to the data. */
  rewardRange?: [number, number];
  /** Histogram bins (default 20). */
  bins?: number;
  /** Intervals of the pass-rate curve (default 50: 51 points). */
  curveSteps?: number;
  thresholds?: Partial<ReadinessThresholds>;
}

export interface RewardStats {
  mean: number;
  stdPopulation: number;
  /** n − 1 in the denominator; null with one reward. */
  stdSample: number | null;
  min: number;
  max: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface ItemStats {
  itemKey: string;
  /** Row of the item's first sample. */
  row: number;
  /** Samples with a finite reward. */
  n: number;
  /** Null when no sample had a finite reward. */
  min: number | null;
  mean: number | null;
  max: number | null;
  /** Population std of the item's rewards (0 for one sample). */
  std: number | null;
  /** Sample std (n − 1), what GRPO divides by; null below 2 samples. */
  stdSample: number | null;
}

export interface ReadinessReport {
  /** Real graded samples considered. */
  count: number;
  /** Probe results passed in and left out. */
  probesIgnored: number;
  /** Rewards that were NaN or infinite, left out of every figure below. */
  nonFinite: number;
  /** Over the finite rewards; null when there are none. */
  stats: RewardStats | null;
  distinctValues: number;
  /** Up to 10 distinct values, ascending (all of them when distinctValues ≤ 10). */
  values: number[];
  scale: RewardScale;
  /** Rewards outside a declared range. */
  outOfRange: number;
  /** Shares of finite rewards at the low and high bound (the declared bound, else the observed min and max). */
  bounds: { low: number; high: number; shareAtLow: number; shareAtHigh: number };
  /** byFlag: most frequent first (a list, not a map: flag and label names are data, e.g. "1" or "__proto__"). */
  errors: { samples: number; rate: number; byFlag: { flag: string; count: number }[] };
  items: { count: number; perItem: ItemStats[] };
  /**
   * Items whose samples all got the same reward, among items with ≥ 2 samples: no signal for group-relative
   * methods. atLow/atHigh: how many of them sit at the low/high bound. share is null when no item has 2 samples.
   */
  noSignal: { items: number; of: number; share: number | null; atLow: number; atHigh: number };
  /** counts: most frequent first. */
  labels: { labelled: number; counts: { label: string; count: number }[] };
  histogram: Histogram;
  pass: PassPoint | null;
  passRateCurve: PassPoint[];
  warnings: Warning[];
}

/** Most frequent first, ties by name. */
function sortedCounts(m: Map<string, number>): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function readinessReport(results: readonly GradedSample[], options: ReadinessOptions = {}): ReadinessReport {
  const thresholds = { ...READINESS_THRESHOLDS, ...options.thresholds };
  const rewards: number[] = [];
  const flagCounts = new Map<string, number>();
  const labelCounts = new Map<string, number>();
  let probesIgnored = 0;
  let errored = 0;
  let labelled = 0;
  let nonFinite = 0;
  for (const r of results) {
    if (r.probe !== undefined) {
      probesIgnored++;
      continue;
    }
    rewards.push(r.reward);
    if (!Number.isFinite(r.reward)) nonFinite++;
    if (r.errorFlags.length) {
      errored++;
      for (const f of r.errorFlags) flagCounts.set(f, (flagCounts.get(f) ?? 0) + 1);
    }
    if (r.label !== undefined) {
      labelled++;
      labelCounts.set(r.label, (labelCounts.get(r.label) ?? 0) + 1);
    }
  }

  const sorted = sortedFinite(rewards);
  const m = moments(sorted);
  const count = rewards.length;
  const min = sorted.length ? sorted[0]! : null;
  const max = sorted.length ? sorted[sorted.length - 1]! : null;
  const stats: RewardStats | null = m && {
    mean: m.mean,
    stdPopulation: m.stdPopulation,
    stdSample: m.stdSample,
    min: min!,
    max: max!,
    p10: quantileSorted(sorted, 0.1)!,
    p50: quantileSorted(sorted, 0.5)!,
    p90: quantileSorted(sorted, 0.9)!,
  };
  const scale = rewardScale(min, max, options.rewardRange);
  const tol = boundTolerance(scale);
  const low = scale.source === 'declared' ? scale.lo : (min ?? 0);
  const high = scale.source === 'declared' ? scale.hi : (max ?? 0);

  let distinctValues = 0;
  const values: number[] = [];
  let atLow = 0;
  let atHigh = 0;
  let outOfRange = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (i === 0 || v !== sorted[i - 1]) {
      distinctValues++;
      if (values.length < 10) values.push(v);
    }
    if (Math.abs(v - low) <= tol) atLow++;
    if (Math.abs(v - high) <= tol) atHigh++;
    if (scale.source === 'declared' && (v < scale.lo - tol || v > scale.hi + tol)) outOfRange++;
  }

  const g = groupItems(results);
  const perItem: ItemStats[] = new Array(g.keys.length);
  let several = 0;
  let constant = 0;
  let constantLow = 0;
  let constantHigh = 0;
  for (let k = 0; k < g.keys.length; k++) {
    const n = g.n[k]!;
    perItem[k] =
      n === 0
        ? { itemKey: g.keys[k]!, row: g.firstRow[k]!, n, min: null, mean: null, max: null, std: null, stdSample: null }
        : {
            itemKey: g.keys[k]!,
            row: g.firstRow[k]!,
            n,
            min: g.min[k]!,
            mean: g.mean[k]!,
            max: g.max[k]!,
            std: Math.sqrt(g.sq[k]! / n),
            stdSample: n > 1 ? Math.sqrt(g.sq[k]! / (n - 1)) : null,
          };
    if (n >= 2) {
      several++;
      if (g.same[k]) {
        constant++;
        const v = g.min[k]!;
        if (Math.abs(v - low) <= tol) constantLow++;
        else if (Math.abs(v - high) <= tol) constantHigh++;
      }
    }
  }

  const histRange: [number, number] = [scale.lo, scale.hi];
  const report: Omit<ReadinessReport, 'warnings'> = {
    count,
    probesIgnored,
    nonFinite,
    stats,
    distinctValues,
    values,
    scale,
    outOfRange,
    bounds: {
      low,
      high,
      shareAtLow: sorted.length ? atLow / sorted.length : 0,
      shareAtHigh: sorted.length ? atHigh / sorted.length : 0,
    },
    errors: {
      samples: errored,
      rate: count ? errored / count : 0,
      byFlag: sortedCounts(flagCounts).map(([flag, count]) => ({ flag, count })),
    },
    items: { count: g.keys.length, perItem },
    noSignal: { items: constant, of: several, share: several ? constant / several : null, atLow: constantLow, atHigh: constantHigh },
    labels: { labelled, counts: sortedCounts(labelCounts).map(([label, count]) => ({ label, count })) },
    histogram: histogram(sorted, options.bins ?? 20, histRange),
    pass: options.passThreshold === undefined ? null : passAt(sorted, options.passThreshold),
    passRateCurve: passRateCurveSorted(sorted, options.curveSteps ?? 50, histRange),
  };
  return { ...report, warnings: readinessWarnings(report, thresholds) };
}
