/**
 * Checking a judge, pure arithmetic: how a model grader's rewards spread when it is run k times on the same
 * sample (`repeatStats`), and how its scores agree with a human's over a set of samples (`agreement`: Pearson,
 * Spearman, mean absolute error). Must not: call models or grade anything; callers pass the numbers.
 */
import { moments } from '../dataset/stats.ts';

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Upper edge, exclusive except for the last bin. */
  to: number;
  count: number;
}

export interface RepeatStats {
  count: number;
  mean: number;
  /** Population standard deviation (divides by n), as the dataset summary does. */
  std: number;
  min: number;
  max: number;
  /** Each distinct reward and how often it came (judges often answer a few round values). */
  values: { value: number; count: number }[];
  bins: HistogramBin[];
}

function checkFinite(xs: readonly number[], what: string): void {
  xs.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`${what}[${i}] is not a finite number: ${String(x)}`);
  });
}

/**
 * Summary of k rewards. Bins split `range` (default [min, max] of the rewards) into `bins` equal parts (default
 * 10); with all rewards equal and no range given there is one bin.
 */
export function repeatStats(rewards: readonly number[], options: { bins?: number; range?: [number, number] } = {}): RepeatStats | null {
  checkFinite(rewards, 'rewards');
  const n = rewards.length;
  if (n === 0) return null;
  const { mean, stdPopulation } = moments(rewards)!;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rewards) {
    if (r < min) min = r;
    if (r > max) max = r;
  }
  const counts = new Map<number, number>();
  for (const r of rewards) counts.set(r, (counts.get(r) ?? 0) + 1);
  const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);

  const lo = options.range ? Math.min(options.range[0], min) : min;
  const hi = options.range ? Math.max(options.range[1], max) : max;
  const k = hi === lo ? 1 : Math.max(1, Math.floor(options.bins ?? 10));
  const width = (hi - lo) / k;
  const bins: HistogramBin[] = Array.from({ length: k }, (_, i) => ({ from: lo + i * width, to: i === k - 1 ? hi : lo + (i + 1) * width, count: 0 }));
  for (const r of rewards) {
    const i = width === 0 ? 0 : Math.min(k - 1, Math.floor((r - lo) / width));
    bins[i]!.count++;
  }
  return { count: n, mean, std: stdPopulation, min, max, values, bins };
}

export interface Correlation {
  value: number | null;
  /** Why `value` is null: too few pairs, or a constant series (the correlation is undefined). */
  reason?: string;
}

export interface Agreement {
  n: number;
  pearson: Correlation;
  spearman: Correlation;
  /** Mean of |model − human|, or null with no pairs. */
  mae: number | null;
}

function pearsonOf(x: readonly number[], y: readonly number[], names: [string, string]): Correlation {
  const n = x.length;
  if (n < 2) return { value: null, reason: `a correlation needs at least 2 pairs, and there ${n === 1 ? 'is 1' : 'are 0'}` };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const constant = [sxx === 0 ? names[0] : null, syy === 0 ? names[1] : null].filter((s) => s !== null);
  if (constant.length > 0) {
    return { value: null, reason: `the ${constant.join(' and the ')} are constant, so the correlation is undefined` };
  }
  return { value: Math.min(1, Math.max(-1, sxy / Math.sqrt(sxx * syy))) };
}

/** Ranks from 1, ties sharing their average rank (what Spearman's rho needs). */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Agreement of a judge's scores with a human's on the same samples, pair by pair. */
export function agreement(modelScores: readonly number[], humanScores: readonly number[]): Agreement {
  if (modelScores.length !== humanScores.length) {
    throw new RangeError(`there are ${modelScores.length} model scores but ${humanScores.length} human scores; they must pair up`);
  }
  checkFinite(modelScores, 'modelScores');
  checkFinite(humanScores, 'humanScores');
  const n = modelScores.length;
  const names: [string, string] = ['model scores', 'human scores'];
  let abs = 0;
  for (let i = 0; i < n; i++) abs += Math.abs(modelScores[i]! - humanScores[i]!);
  return {
    n,
    pearson: pearsonOf(modelScores, humanScores, names),
    // Spearman's rho is Pearson's r on average ranks (exact with ties, unlike the 1 − 6Σd²/… shortcut).
    spearman: pearsonOf(averageRanks(modelScores), averageRanks(humanScores), names),
    mae: n === 0 ? null : abs / n,
  };
}
