/**
 * Reward statistics for the dataset view: moments, quantiles, histograms and pass-rate curves over plain
 * number arrays. Every function is O(n log n) at most (one sort) because it runs on the main thread over up to
 * 100,000 rewards. Non-finite values (NaN, ±Infinity) are skipped and counted, never propagated into a figure.
 * Nothing here knows about graders or items.
 */

export interface Moments {
  /** Finite values counted. */
  count: number;
  mean: number;
  /** Divides by n (numpy's default `np.std`). */
  stdPopulation: number;
  /** Divides by n − 1 (torch's default `Tensor.std`, what GRPO trainers use); null below 2 values. */
  stdSample: number | null;
}

/** Two passes (mean first, then squared deviations): exact enough for rewards, and still linear. */
export function moments(values: ArrayLike<number>): Moments | null {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return null;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) sq += (v - mean) * (v - mean);
  }
  return { count: n, mean, stdPopulation: Math.sqrt(sq / n), stdSample: n > 1 ? Math.sqrt(sq / (n - 1)) : null };
}

/** The finite values, sorted ascending (a typed array sorts numerically and fast). */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[j++] = v;
  }
  return out.sort();
}

/**
 * The q-quantile of sorted values by linear interpolation between closest ranks (numpy's default
 * `method='linear'`, R's type 7): position q·(n−1).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside [0, 1]`);
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a === b ? a : a + (b - a) * (pos - lo);
}

/** Index of the first element ≥ x in ascending values (n when none). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of distinct values in ascending values. */
export function distinctSorted(sorted: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) d++;
  return d;
}

export interface Histogram {
  /** bins + 1 ascending edges; the last equals the range's upper end exactly. */
  edges: number[];
  /** Per bin; bin i holds edges[i] ≤ v < edges[i+1], the last bin also v = its upper edge (numpy's rule). */
  counts: number[];
  /** Finite values below or above the range (only with an explicit range). */
  below: number;
  above: number;
  /** NaN and ±Infinity, not binned. counts + below + above + nonFinite = values.length. */
  nonFinite: number;
}

/** An explicit range, else the data's [min, max]; a zero-width range is widened to [v − 0.5, v + 0.5] like numpy's. */
function histogramRange(values: ArrayLike<number>, range?: [number, number]): [number, number] {
  let lo: number;
  let hi: number;
  if (range) {
    [lo, hi] = range;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) throw new RangeError(`invalid histogram range [${lo}, ${hi}]`);
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo > hi) return [0, 1]; // no finite value: any range gives empty bins
  }
  if (lo === hi) {
    // numpy's ±0.5, or a relative margin where 0.5 is lost in rounding (|v| above 2^53).
    const d = Math.max(0.5, Math.abs(lo) * 2 ** -20);
    return [Math.max(lo - d, -Number.MAX_VALUE), Math.min(hi + d, Number.MAX_VALUE)];
  }
  return [lo, hi];
}

/** lo + (hi − lo)·t without overflowing when hi − lo exceeds the largest double. */
function lerp(lo: number, hi: number, t: number): number {
  const w = hi - lo;
  return Number.isFinite(w) ? lo + w * t : lo * (1 - t) + hi * t;
}

/** Equal-width bins over `range` (default: the data's range). O(n). */
export function histogram(values: ArrayLike<number>, bins = 20, range?: [number, number]): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const [lo, hi] = histogramRange(values, range);
  const edges = new Array<number>(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = lerp(lo, hi, i / bins);
  edges[bins] = hi;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let nonFinite = 0;
  // Halves keep the width finite even for a range like [-1e308, 1e308].
  const halfLo = lo / 2;
  const scale = bins / (hi / 2 - halfLo);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) nonFinite++;
    else if (v < lo) below++;
    else if (v > hi) above++;
    else {
      let i = Math.floor((v / 2 - halfLo) * scale);
      if (!(i >= 0)) i = 0; // NaN when the width underflows
      if (i > bins - 1) i = bins - 1;
      // The computed index can be off by one next to an edge; the edges themselves are the truth.
      while (i > 0 && v < edges[i]!) i--;
      while (i < bins - 1 && v >= edges[i + 1]!) i++;
      counts[i]!++;
    }
  }
  return { edges, counts, below, above, nonFinite };
}

export interface PassPoint {
  threshold: number;
  /** Share of finite values ≥ threshold (0 when there are none). */
  passRate: number;
  passed: number;
}

/** Pass rate at one threshold over ascending finite values: `reward >= threshold`, as pass_threshold is read. */
export function passAt(sorted: ArrayLike<number>, threshold: number): PassPoint {
  const passed = sorted.length - lowerBound(sorted, threshold);
  return { threshold, passRate: sorted.length ? passed / sorted.length : 0, passed };
}

/**
 * The pass rate at steps + 1 evenly spaced thresholds from range[0] to range[1] inclusive (default: the
 * data's [min, max]), for a chart. One sort plus a binary search per step: O(n log n + steps log n).
 */
export function passRateCurve(values: ArrayLike<number>, steps = 50, range?: [number, number]): PassPoint[] {
  return passRateCurveSorted(sortedFinite(values), steps, range);
}

/** passRateCurve over values already sorted ascending and finite (the report sorts once for everything). */
export function passRateCurveSorted(sorted: ArrayLike<number>, steps: number, range?: [number, number]): PassPoint[] {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  let lo: number;
  let hi: number;
  if (range) {
    [lo, hi] = range;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) throw new RangeError(`invalid range [${lo}, ${hi}]`);
  } else if (sorted.length) {
    lo = sorted[0]!;
    hi = sorted[sorted.length - 1]!;
  } else {
    lo = 0;
    hi = 1;
  }
  const out: PassPoint[] = [];
  for (let k = 0; k <= steps; k++) out.push(passAt(sorted, k === steps ? hi : lerp(lo, hi, k / steps)));
  return out;
}
