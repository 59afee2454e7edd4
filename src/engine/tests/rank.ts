/**
 * Rank correlation of two reward lists, as scipy.stats computes it (checked against scipy 1.17 in rank.test.ts):
 * - spearman: Pearson correlation of the average ranks (`spearmanr`; NaN when either list is constant);
 * - kendallTauB: Kendall's tau-b (`kendalltau`, variant 'b'), from integer counts of discordant pairs and ties
 *   in O(n log n), so 10,000 rows take milliseconds; NaN when either list is constant, as scipy returns.
 * Pairs where either value is NaN must be removed by the caller (scipy's nan_policy='omit' does the same).
 */

/** Average ranks, 1-based (scipy.stats.rankdata with method='average'). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[order[j]!] === values[order[i]!]) j++;
    // Ranks i+1 … j share their mean, (i+1+j)/2: exact in binary floating point (a half-integer).
    const r = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]!] = r;
    i = j;
  }
  return ranks;
}

/** Pearson correlation as numpy's corrcoef computes it (centre, dot products, divide by each spread). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2 || y.length !== n) return NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    xy += dx * dy;
    xx += dx * dx;
    yy += dy * dy;
  }
  if (xx === 0 || yy === 0) return NaN;
  const r = xy / Math.sqrt(xx) / Math.sqrt(yy);
  return Math.min(1, Math.max(-1, r));
}

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length || x.length < 2) return NaN;
  return pearson(averageRanks(x), averageRanks(y));
}

/** Dense ranks (0, 1, 2 … by value) of a list. */
function denseRanks(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Int32Array(n);
  let r = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && values[order[k]!] !== values[order[k - 1]!]) r++;
    out[order[k]!] = r;
  }
  return out;
}

/** Pairs tied within groups of equal keys: sum of t(t−1)/2. */
function tiedPairs(sortedKeys: ArrayLike<number>, same: (i: number) => boolean): number {
  let total = 0;
  let run = 1;
  for (let i = 1; i <= sortedKeys.length; i++) {
    if (i < sortedKeys.length && same(i)) run++;
    else {
      total += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return total;
}

/** Inversions of `a` (pairs i < j with a[i] > a[j]) by merge sort; sorts `a` in place. */
function inversions(a: Int32Array): number {
  const n = a.length;
  let buf: Int32Array = new Int32Array(n);
  let src: Int32Array = a;
  let count = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (src[j]! < src[i]!) {
          count += mid - i;
          buf[k++] = src[j++]!;
        } else buf[k++] = src[i++]!;
      }
      while (i < mid) buf[k++] = src[i++]!;
      while (j < hi) buf[k++] = src[j++]!;
    }
    [src, buf] = [buf, src];
  }
  if (src !== a) a.set(src);
  return count;
}

/** The integer counts tau-b is made of (scipy's names: dis, ntie, xtie, ytie, tot). */
export function kendallCounts(x: ArrayLike<number>, y: ArrayLike<number>) {
  const n = x.length;
  const rx = denseRanks(x);
  const ry = denseRanks(y);
  // Sorted by x, then y: discordant pairs are then exactly the inversions of the y ranks.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rx[a]! - rx[b]! || ry[a]! - ry[b]!);
  const xs = Int32Array.from(order, (i) => rx[i]!);
  const ys = Int32Array.from(order, (i) => ry[i]!);
  const ntie = tiedPairs(xs, (i) => xs[i] === xs[i - 1] && ys[i] === ys[i - 1]);
  const xtie = tiedPairs(xs, (i) => xs[i] === xs[i - 1]);
  const ySorted = Int32Array.from(ry).sort();
  const ytie = tiedPairs(ySorted, (i) => ySorted[i] === ySorted[i - 1]);
  const dis = inversions(ys);
  const tot = (n * (n - 1)) / 2;
  return { dis, ntie, xtie, ytie, tot };
}

export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length || x.length < 2) return NaN;
  const { dis, ntie, xtie, ytie, tot } = kendallCounts(x, y);
  if (xtie === tot || ytie === tot) return NaN;
  const conMinusDis = tot - xtie - ytie + ntie - 2 * dis;
  const tau = conMinusDis / Math.sqrt(tot - xtie) / Math.sqrt(tot - ytie);
  return Math.min(1, Math.max(-1, tau));
}
