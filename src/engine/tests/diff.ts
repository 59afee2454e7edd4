/**
 * What changed between two graders on the same rows: the per-row reward under each, the rows whose reward moved
 * most, the rows that crossed the pass threshold, the shift of mean and spread, and the rank correlations.
 * Rows graded with an error under either grader keep their reward (0, as training sees it) and are counted.
 * Pure and O(n log n): it runs over 10,000 rows on the main thread after the pool has graded them.
 */
import { moments, type Moments } from '../dataset/stats.ts';
import { kendallTauB, spearman } from './rank.ts';

export interface DiffRow {
  /** Index of the row (or test case) in the shared input. */
  row: number;
  a: number;
  b: number;
  /** Either grade set an error flag. */
  aError?: boolean;
  bError?: boolean;
}

export interface Flip {
  row: number;
  a: number;
  b: number;
  /** 'gained': passes only under B; 'lost': passes only under A. */
  direction: 'gained' | 'lost';
}

export interface GraderDiff {
  rows: number;
  a: Moments | null;
  b: Moments | null;
  /** B's mean minus A's, and B's population std minus A's. */
  meanShift: number;
  stdShift: number;
  /** Rows whose reward differs (by more than `epsilon`). */
  changed: number;
  /** Up to `top` rows, largest |b − a| first (ties: lower row first). */
  biggest: (DiffRow & { delta: number })[];
  /** Rows on opposite sides of the threshold (absent when no threshold is given). */
  flips: Flip[];
  errorsA: number;
  errorsB: number;
  spearman: number;
  kendall: number;
}

export interface DiffOptions {
  /** The pass threshold both are judged by (say, A's pass_threshold). */
  threshold?: number;
  top?: number;
  /** Differences at or below this are "unchanged" (default 0: any difference counts). */
  epsilon?: number;
}

export function diffRewards(rows: readonly DiffRow[], options: DiffOptions = {}): GraderDiff {
  const n = rows.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let changed = 0;
  let errorsA = 0;
  let errorsB = 0;
  const eps = options.epsilon ?? 0;
  const flips: Flip[] = [];
  const t = options.threshold;
  rows.forEach((r, i) => {
    a[i] = r.a;
    b[i] = r.b;
    if (Math.abs(r.b - r.a) > eps) changed++;
    if (r.aError) errorsA++;
    if (r.bError) errorsB++;
    if (t !== undefined) {
      // As the pass badge decides it (run.ts): an errored grade never passes.
      const pa = !r.aError && r.a >= t;
      const pb = !r.bError && r.b >= t;
      if (pa !== pb) flips.push({ row: r.row, a: r.a, b: r.b, direction: pb ? 'gained' : 'lost' });
    }
  });
  const top = options.top ?? 20;
  const biggest = rows
    .map((r) => ({ ...r, delta: r.b - r.a }))
    .filter((r) => Math.abs(r.delta) > eps)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.row - y.row)
    .slice(0, top);
  const ma = moments(a);
  const mb = moments(b);
  return {
    rows: n,
    a: ma,
    b: mb,
    meanShift: ma && mb ? mb.mean - ma.mean : NaN,
    stdShift: ma && mb ? mb.stdPopulation - ma.stdPopulation : NaN,
    changed,
    biggest,
    flips,
    errorsA,
    errorsB,
    spearman: spearman(a, b),
    kendall: kendallTauB(a, b),
  };
}
