/**
 * rapidfuzz 3.x `fuzz.*` scorers (0..100), exact to the reference: ratio, partial_ratio(+_alignment), the token
 * variants, WRatio and QRatio, with `processor=None` by default and `processor: true` meaning
 * `utils.default_process` (C++ semantics, fuzzy-process.ts). Everything counts code points, like Python `str`.
 * Float formulas follow rapidfuzz term by term (e.g. `(1 - dist/lensum) * 100` for ratio but
 * `100 - 100*dist/lensum` inside token_set_ratio) because the golden vectors compare to 1e-12 and the two
 * orders round differently. The score_cutoff plumbing inside WRatio is reproduced too: it can change a result by
 * rounding. Where the pure-Python and C++ builds differ (partial_ratio's window order, which decides the
 * reported alignment on ties; score_cutoff > 100), this follows the C++ build that pip users get.
 * Not here: grading, 0..1 scaling, UI data (fuzzy-explain.ts).
 */
import { AsciiTokenPair } from './ascii-tokens.ts';
import { defaultProcessCodePoints, default_process, processInPlace } from './fuzzy-process.ts';
import { hasSurrogate, lcsLength, lcsLengthString, lcsPrefixes, lcsSlots, PatternMatchVector, type CodePoints } from './lcs.ts';
import { compareCodePoints, cpLength, joinCodePointsInto, pySorted, pySplit, toCodePointsInto } from './tokenize.ts';

export { default_process } from './fuzzy-process.ts';
export { indelDistance, lcsLength } from './lcs.ts';
export { explainFuzzy } from './fuzzy-explain.ts';

export interface FuzzyOptions {
  /** Apply rapidfuzz `utils.default_process` to both strings first. Default false (rapidfuzz 3.x). */
  processor?: boolean;
  /** Scores below this (0..100) come back as 0. Default 0. */
  scoreCutoff?: number;
}

/** rapidfuzz `ScoreAlignment`: score and the code-point ranges s1[src_start:src_end] ~ s2[dest_start:dest_end]. */
export interface ScoreAlignment {
  score: number;
  src_start: number;
  src_end: number;
  dest_start: number;
  dest_end: number;
}

export type FuzzyScorer = (s1: string, s2: string, opts?: FuzzyOptions) => number;

const UNBASE_SCALE = 0.95;

function processed(s: string, opts?: FuzzyOptions): string {
  return opts?.processor ? default_process(s) : s;
}

function cutoffOf(opts?: FuzzyOptions): number {
  return opts?.scoreCutoff ?? 0;
}

/* ------------------------------------------------------------------ ratio */

/** Scratch code-point buffers for the leaf scorers (never held across a call into another scorer). */
let cpA: Int32Array = new Int32Array(512);
let cpB: Int32Array = new Int32Array(512);
function cps2(a: string, b: string): [Int32Array, Int32Array] {
  if (cpA.length < a.length) cpA = new Int32Array(a.length * 2);
  if (cpB.length < b.length) cpB = new Int32Array(b.length * 2);
  return [toCodePointsInto(a, cpA), toCodePointsInto(b, cpB)];
}
/** Code points of both strings, after default_process when asked (mapped in place: no processed string is built). */
function inputCps(s1: string, s2: string, opts?: FuzzyOptions): [Int32Array, Int32Array] {
  const [a, b] = cps2(s1, s2);
  return opts?.processor ? [processInPlace(a), processInPlace(b)] : [a, b];
}
/** The code points of `" ".join(a)` and `" ".join(b)`, in the same scratch buffers. */
function joined2(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const x = joinCodePointsInto(a, cpA);
  if (x.buffer !== cpA.buffer) cpA = new Int32Array(x.length * 2);
  const y = joinCodePointsInto(b, cpB);
  if (y.buffer !== cpB.buffer) cpB = new Int32Array(y.length * 2);
  return [x, y];
}

/**
 * Indel.normalized_similarity * 100 from the two lengths and an LCS length (asked for with the least length that
 * can still pass the cutoff): the arithmetic of fuzz.ratio, shared by the code-point and the in-place paths.
 * indelMinLcs gives that least length, or -1 when the lengths alone cannot reach the cutoff (score 0).
 */
function indelMinLcs(lenA: number, lenB: number, cutoff: number): number {
  const lensum = lenA + lenB;
  const cut = cutoff / 100;
  if (lensum === 0 || cut <= 0) return 0;
  // Upper bound from the lengths alone: skip the LCS when even a perfect overlap cannot reach the cutoff.
  if (1.0 - Math.abs(lenA - lenB) / lensum < cut) return -1;
  // Any LCS that passes `normSim >= cut` below is at least this long (one less, for float safety).
  return Math.max(0, Math.floor((cut * lensum) / 2) - 1);
}

/** The score from the LCS length (asked for with at least indelMinLcs). */
function indelScore(lenA: number, lenB: number, lcs: number, cutoff: number): number {
  const lensum = lenA + lenB;
  let normSim = 1.0;
  if (lensum > 0) {
    const dist = lensum - 2 * lcs;
    normSim = 1.0 - dist / lensum;
  }
  return normSim >= cutoff / 100 ? normSim * 100 : 0;
}

/** Indel.normalized_similarity(a, b, cutoff/100) * 100, the body of fuzz.ratio. */
export function ratioCodePoints(a: CodePoints, b: CodePoints, cutoff = 0): number {
  const minLcs = indelMinLcs(a.length, b.length, cutoff);
  if (minLcs < 0) return 0;
  return indelScore(a.length, b.length, a.length + b.length > 0 ? lcsLength(a, b, minLcs) : 0, cutoff);
}

/**
 * ratioCodePoints on two strings read in place with lcsLengthString (no code-point arrays), or -1 when either
 * holds a surrogate. With a cutoff the lengths decide early exits, so the strings are checked first.
 */
function ratioString(a: string, b: string, cutoff: number): number {
  if (cutoff > 0 && (hasSurrogate(a) || hasSurrogate(b))) return -1;
  const minLcs = indelMinLcs(a.length, b.length, cutoff);
  if (minLcs < 0) return 0;
  const lcs = a.length + b.length > 0 ? lcsLengthString(a, b, minLcs) : 0;
  return lcs < 0 ? -1 : indelScore(a.length, b.length, lcs, cutoff);
}

/** fuzz.ratio: 200·LCS/(|s1|+|s2|) in code points; two empty strings give 100. */
export function ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  if (!opts?.processor) {
    const r = ratioString(s1, s2, cutoffOf(opts));
    if (r >= 0) return r;
  }
  const [a, b] = inputCps(s1, s2, opts);
  return ratioCodePoints(a, b, cutoffOf(opts));
}

/** fuzz.QRatio: ratio, but 0 when either (processed) string is empty. */
export function QRatio(s1: string, s2: string, opts?: FuzzyOptions): number {
  if (!opts?.processor) {
    if (!s1.length || !s2.length) return 0;
    const r = ratioString(s1, s2, cutoffOf(opts));
    if (r >= 0) return r;
  }
  const [a, b] = inputCps(s1, s2, opts);
  if (!a.length || !b.length) return 0;
  return ratioCodePoints(a, b, cutoffOf(opts));
}

/* ---------------------------------------------------------- partial_ratio */

const pmFwd = new PatternMatchVector();
const pmRev = new PatternMatchVector();
let bufSlots: Int32Array = new Int32Array(256);
let bufRevSlots: Int32Array = new Int32Array(256);
let bufLcs: Int32Array = new Int32Array(256);
/** partialRatioImpl's pending windows (this round's and the next). */
let bufWinA: Int32Array = new Int32Array(256);
let bufWinB: Int32Array = new Int32Array(256);
/** partialRatioImpl's window distances (-1: not computed yet). */
let bufScores: Int32Array = new Int32Array(256);

function grow(buf: Int32Array, n: number): Int32Array {
  return buf.length >= n ? buf : new Int32Array(Math.max(n, buf.length * 2));
}

/** `normalized_similarity(...) * 100` with rapidfuzz's cutoff test on the unscaled value. */
function scaledSim(dist: number, lensum: number, cutoff: number): number {
  const normSim = 1.0 - dist / lensum;
  return normSim >= cutoff / 100 ? normSim * 100 : 0;
}

/**
 * rapidfuzz-cpp `fuzz_detail::partial_ratio_impl` for |s1| <= |s2|: best ratio of s1 against the full windows of
 * s2 (searched by bisection with the bound "a shift changes the distance by at most 2", which only skips
 * windows that cannot win), then the prefixes s2[:i] and suffixes s2[i:] shorter than s1. The prefix and suffix
 * LCS values all come from one bit-parallel pass each (forward, and reversed for suffixes).
 */
function partialRatioImpl(s1: CodePoints, s2: CodePoints, cutoff: number): ScoreAlignment {
  const len1 = s1.length;
  const len2 = s2.length;
  const res: ScoreAlignment = { score: 0, src_start: 0, src_end: len1, dest_start: 0, dest_end: len1 };
  const pm = pmFwd.build(s1);
  const slots = (bufSlots = pm.slotsOf(s2, 0, len2, false, grow(bufSlots, len2)));

  if (len2 > len1) {
    const maximum = len1 * 2;
    const normCutoffDist = Math.min(1.0, 1.0 - cutoff / 100 + 0.00001);
    let cutoffDist = Math.ceil(maximum * normCutoffDist);
    let bestDist = -1;
    const nWindows = len2 - len1;
    const scores = (bufScores = grow(bufScores, nWindows));
    scores.fill(-1, 0, nWindows);
    // Pending windows as (first, second) pairs in two reused buffers: at most nWindows pairs per round.
    let windows = (bufWinA = grow(bufWinA, 2 * nWindows + 2));
    let next = (bufWinB = grow(bufWinB, 2 * nWindows + 2));
    windows[0] = 0;
    windows[1] = nWindows - 1;
    let nCur = 2;
    while (nCur) {
      let nNext = 0;
      for (let k = 0; k < nCur; k += 2) {
        const first = windows[k] as number;
        const second = windows[k + 1] as number;
        // The distance of each end's window, computed once (rapidfuzz's `scores`); a new best moves the cutoff.
        let d1 = scores[first] as number;
        if (d1 < 0) {
          d1 = scores[first] = maximum - 2 * lcsSlots(pm, slots, first, first + len1);
          if (d1 < cutoffDist) {
            cutoffDist = bestDist = d1;
            res.dest_start = first;
            res.dest_end = first + len1;
            if (bestDist === 0) return { ...res, score: 100 };
          }
        }
        let d2 = scores[second] as number;
        if (d2 < 0) {
          d2 = scores[second] = maximum - 2 * lcsSlots(pm, slots, second, second + len1);
          if (d2 < cutoffDist) {
            cutoffDist = bestDist = d2;
            res.dest_start = second;
            res.dest_end = second + len1;
            if (bestDist === 0) return { ...res, score: 100 };
          }
        }
        const cellDiff = second - first;
        if (cellDiff === 1) continue;
        const knownEdits = Math.abs(d1 - d2);
        const maxImprovement = Math.floor((cellDiff - Math.floor(knownEdits / 2)) / 2) * 2;
        const minScore = Math.min(d1, d2) - maxImprovement;
        if (minScore < cutoffDist) {
          const center = Math.floor(cellDiff / 2);
          next[nNext++] = first;
          next[nNext++] = first + center;
          next[nNext++] = first + center;
          next[nNext++] = second;
        }
      }
      const swap = windows;
      windows = next;
      next = swap;
      nCur = nNext;
    }
    if (bestDist >= 0) {
      const s = (1.0 - bestDist / maximum) * 100;
      if (s >= cutoff) cutoff = res.score = s;
    }
  }

  // Prefixes s2[:i], 1 <= i < len1, skipped when their last char is not in s1 (that never loses the max).
  if (len1 > 1) {
    const lcs = (bufLcs = grow(bufLcs, len1));
    lcsPrefixes(pm, slots, 0, len1 - 1, lcs);
    for (let i = 1; i < len1; i++) {
      if ((slots[i - 1] as number) < 0) continue;
      const r = scaledSim(len1 + i - 2 * (lcs[i - 1] as number), len1 + i, cutoff);
      if (r > res.score) {
        cutoff = res.score = r;
        res.dest_start = 0;
        res.dest_end = i;
        if (res.score === 100) return res;
      }
    }
  }

  // Suffixes s2[i:], len2-len1 <= i < len2, skipped when their first char is not in s1.
  const rev = pmRev.build(s1, 0, len1, true);
  const revSlots = (bufRevSlots = rev.slotsOf(s2, len2 - len1, len2, true, grow(bufRevSlots, len1)));
  const lcs = (bufLcs = grow(bufLcs, len1));
  lcsPrefixes(rev, revSlots, 0, len1, lcs); // lcs[k] = LCS(s1, s2[len2-1-k:])
  for (let i = len2 - len1; i < len2; i++) {
    if ((slots[i] as number) < 0) continue;
    const sub = len2 - i;
    const r = scaledSim(len1 + sub - 2 * (lcs[sub - 1] as number), len1 + sub, cutoff);
    if (r > res.score) {
      cutoff = res.score = r;
      res.dest_start = i;
      res.dest_end = len2;
      if (res.score === 100) return res;
    }
  }
  return res;
}

function swapped(a: ScoreAlignment): ScoreAlignment {
  return { score: a.score, src_start: a.dest_start, src_end: a.dest_end, dest_start: a.src_start, dest_end: a.src_end };
}

/** fuzz.partial_ratio_alignment on code points (rapidfuzz-cpp `partial_ratio_alignment`). */
export function partialRatioAlignmentCodePoints(s1: CodePoints, s2: CodePoints, cutoff = 0): ScoreAlignment {
  const len1 = s1.length;
  const len2 = s2.length;
  if (len1 > len2) return swapped(partialRatioAlignmentCodePoints(s2, s1, cutoff));
  if (cutoff > 100) return { score: 0, src_start: 0, src_end: len1, dest_start: 0, dest_end: len1 };
  if (!len1 || !len2) return { score: len1 === len2 ? 100 : 0, src_start: 0, src_end: len1, dest_start: 0, dest_end: len1 };
  const alignment = partialRatioImpl(s1, s2, cutoff);
  if (alignment.score !== 100 && len1 === len2) {
    const alignment2 = partialRatioImpl(s2, s1, Math.max(cutoff, alignment.score));
    if (alignment2.score > alignment.score) return swapped(alignment2);
  }
  return alignment;
}

/**
 * fuzz.partial_ratio_alignment: the best-matching substring of the longer string for the shorter one, with
 * code-point ranges (src_* in s1, dest_* in s2). Score 0 when below the cutoff.
 */
export function partial_ratio_alignment(s1: string, s2: string, opts?: FuzzyOptions): ScoreAlignment {
  const [a, b] = inputCps(s1, s2, opts);
  return partialRatioAlignmentCodePoints(a, b, cutoffOf(opts));
}

function partialRatioStr(a: string, b: string, cutoff: number): number {
  const [x, y] = cps2(a, b);
  return partialRatioAlignmentCodePoints(x, y, cutoff).score;
}

/** fuzz.partial_ratio: ratio of the shorter string against its best window in the longer one. */
export function partial_ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  const [a, b] = inputCps(s1, s2, opts);
  return partialRatioAlignmentCodePoints(a, b, cutoffOf(opts)).score;
}

/* --------------------------------------------------------- token scorers */

/** `" ".join(sorted(s.split()))`. */
export function sortedTokens(s: string): string {
  return pySorted(pySplit(s)).join(' ');
}

/** The three token sets rapidfuzz compares, each sorted like Python's `sorted`. */
export interface TokenDecomposition {
  intersection: string[];
  diffAB: string[];
  diffBA: string[];
}

/**
 * set(A) & set(B), set(A) - set(B), set(B) - set(A) from the two SORTED token lists (duplicates allowed), by
 * one merge walk: cheaper than hashing every token into Sets, and the results come out sorted.
 */
export function decomposeSorted(sortedA: string[], sortedB: string[]): TokenDecomposition {
  const intersection: string[] = [];
  const diffAB: string[] = [];
  const diffBA: string[] = [];
  let i = 0;
  let j = 0;
  const na = sortedA.length;
  const nb = sortedB.length;
  while (i < na || j < nb) {
    const a = sortedA[i];
    const b = sortedB[j];
    let c: number;
    if (a === undefined) c = 1;
    else if (b === undefined) c = -1;
    else c = a === b ? 0 : compareCodePoints(a, b);
    if (c === 0) intersection.push(a as string);
    else if (c < 0) diffAB.push(a as string);
    else diffBA.push(b as string);
    const t = c <= 0 ? (a as string) : (b as string);
    if (c <= 0) while (i < na && sortedA[i] === t) i++;
    if (c >= 0) while (j < nb && sortedB[j] === t) j++;
  }
  return { intersection, diffAB, diffBA };
}

/** Unsorted token lists in, sorted decomposition out. */
export function decomposeTokens(tokensA: Iterable<string>, tokensB: Iterable<string>): TokenDecomposition {
  return decomposeSorted(pySorted(tokensA), pySorted(tokensB));
}

function normDistance(dist: number, lensum: number, cutoff: number): number {
  const score = lensum ? 100 - (100 * dist) / lensum : 100;
  return score >= cutoff ? score : 0;
}

/** Length of `" ".join(tokens)` in code points. */
function joinedLength(tokens: string[]): number {
  if (!tokens.length) return 0;
  let n = tokens.length - 1;
  for (const t of tokens) n += cpLength(t);
  return n;
}

/**
 * What token_set_ratio and token_sort_ratio need from two sorted token lists, however they are stored: counts,
 * lengths of the joined lists (`" ".join`, in code points) and the LCS of the joined differences and of the joined
 * sorted lists (with lcsLength's minLcs contract). `StringTokenPair` (below) serves any string;
 * ascii-tokens.ts serves ASCII strings without building any. The formulas are written once, against this.
 */
export interface SortedTokenPair {
  countA: number;
  countB: number;
  sectCount: number;
  abCount: number;
  baCount: number;
  sectLen: number;
  abLen: number;
  baLen: number;
  sortedLenA: number;
  sortedLenB: number;
  diffLcs(minLcs: number): number;
  sortedLcs(minLcs: number): number;
  /** Code points of the joined sorted lists, then of the joined differences: scratch views, valid until the next call. */
  joinedSorted(): [CodePoints, CodePoints];
  joinedDiff(): [CodePoints, CodePoints];
}

/** SortedTokenPair of two sorted string lists, on code points. */
class StringTokenPair implements SortedTokenPair {
  countA: number;
  countB: number;
  sectCount: number;
  abCount: number;
  baCount: number;
  sectLen: number;
  abLen: number;
  baLen: number;
  sortedLenA: number;
  sortedLenB: number;
  private readonly d: TokenDecomposition;

  constructor(
    private readonly sortedA: string[],
    private readonly sortedB: string[],
  ) {
    const d = (this.d = decomposeSorted(sortedA, sortedB));
    this.countA = sortedA.length;
    this.countB = sortedB.length;
    this.sectCount = d.intersection.length;
    this.abCount = d.diffAB.length;
    this.baCount = d.diffBA.length;
    this.sectLen = joinedLength(d.intersection);
    this.abLen = joinedLength(d.diffAB);
    this.baLen = joinedLength(d.diffBA);
    this.sortedLenA = joinedLength(sortedA);
    this.sortedLenB = joinedLength(sortedB);
  }

  diffLcs(minLcs: number): number {
    const [a, b] = joined2(this.d.diffAB, this.d.diffBA);
    return lcsLength(a, b, minLcs);
  }

  sortedLcs(minLcs: number): number {
    const [a, b] = joined2(this.sortedA, this.sortedB);
    return lcsLength(a, b, minLcs);
  }

  joinedSorted(): [CodePoints, CodePoints] {
    return joined2(this.sortedA, this.sortedB);
  }

  joinedDiff(): [CodePoints, CodePoints] {
    return joined2(this.d.diffAB, this.d.diffBA);
  }
}

/** token_sort_ratio: ratio of the joined sorted lists (fuzz.ratio's arithmetic on their lengths). */
function tokenSortRatioPair(tp: SortedTokenPair, cutoff: number): number {
  if (cutoff > 100) return 0;
  const lenA = tp.sortedLenA;
  const lenB = tp.sortedLenB;
  const minLcs = indelMinLcs(lenA, lenB, cutoff);
  if (minLcs < 0) return 0;
  return indelScore(lenA, lenB, lenA + lenB > 0 ? tp.sortedLcs(minLcs) : 0, cutoff);
}

/** token_set_ratio. */
function tokenSetRatioPair(tp: SortedTokenPair, cutoff: number): number {
  if (cutoff > 100) return 0;
  // FuzzyWuzzy compatibility: 0 when either side has no token (even both).
  if (!tp.countA || !tp.countB) return 0;
  if (tp.sectCount && (!tp.abCount || !tp.baCount)) return 100;

  const abLen = tp.abLen;
  const baLen = tp.baLen;
  const sectLen = tp.sectLen;
  const sect = sectLen ? 1 : 0;
  const sectAbLen = sectLen + sect + abLen;
  const sectBaLen = sectLen + sect + baLen;

  let result = 0.0;
  const cutoffDistance = Math.ceil((sectAbLen + sectBaLen) * (1 - cutoff / 100));
  // dist <= cutoffDistance needs LCS >= (abLen + baLen - cutoffDistance) / 2
  const minLcs = Math.max(0, Math.ceil((abLen + baLen - cutoffDistance) / 2));
  const dist = abLen + baLen - 2 * tp.diffLcs(minLcs);
  if (dist <= cutoffDistance) result = normDistance(dist, sectAbLen + sectBaLen, cutoff);
  if (!sectLen) return result;

  // sect+ab vs sect (and sect+ba vs sect) differ only by the appended tokens: no alignment needed.
  const sectAbRatio = normDistance(sect + abLen, sectLen + sectAbLen, cutoff);
  const sectBaRatio = normDistance(sect + baLen, sectLen + sectBaLen, cutoff);
  return Math.max(result, sectAbRatio, sectBaRatio);
}

function tokenRatioPair(tp: SortedTokenPair, cutoff: number): number {
  return Math.max(tokenSetRatioPair(tp, cutoff), tokenSortRatioPair(tp, cutoff));
}

const asciiPair = new AsciiTokenPair();

/** The token pair of two strings: bytes when both are ASCII (and wasm is there), else sorted string lists. */
function tokenPair(s1: string, s2: string): SortedTokenPair {
  return asciiPair.load(s1, s2) ? asciiPair : new StringTokenPair(sortedSplit(s1), sortedSplit(s2));
}

function partialTokenSortRatioStr(a: string, b: string, cutoff: number): number {
  if (cutoff > 100) return 0;
  return partialRatioStr(sortedTokens(a), sortedTokens(b), cutoff);
}

function partialTokenSetRatioStr(s1: string, s2: string, cutoff: number): number {
  if (cutoff > 100) return 0;
  const sortedA = pySorted(pySplit(s1));
  const sortedB = pySorted(pySplit(s2));
  if (!sortedA.length || !sortedB.length) return 0;
  const { intersection, diffAB, diffBA } = decomposeSorted(sortedA, sortedB);
  if (intersection.length) return 100;
  return partialRatioStr(diffAB.join(' '), diffBA.join(' '), cutoff);
}

/** partial_token_ratio, rapidfuzz's way: 100 on any shared token, else partial_ratio of the joined lists. */
function partialTokenRatioPair(tp: SortedTokenPair, cutoff: number): number {
  if (cutoff > 100) return 0;
  if (tp.sectCount) return 100;
  const [x, y] = tp.joinedSorted();
  const result = partialRatioAlignmentCodePoints(x, y, cutoff).score;
  // Without duplicate tokens the differences are the token lists themselves: same partial_ratio.
  if (tp.countA === tp.abCount && tp.countB === tp.baCount) return result;
  const [u, v] = tp.joinedDiff();
  return Math.max(result, partialRatioAlignmentCodePoints(u, v, Math.max(cutoff, result)).score);
}

function sortedSplit(s: string): string[] {
  return pySorted(pySplit(s));
}

/** fuzz.token_sort_ratio: ratio of the sorted, space-joined tokens. */
export function token_sort_ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  return tokenSortRatioPair(tokenPair(processed(s1, opts), processed(s2, opts)), cutoffOf(opts));
}

/** fuzz.token_set_ratio: compares the shared tokens plus each side's leftovers; 100 when one set contains the other. */
export function token_set_ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  return tokenSetRatioPair(tokenPair(processed(s1, opts), processed(s2, opts)), cutoffOf(opts));
}

/** fuzz.token_ratio: max(token_set_ratio, token_sort_ratio). */
export function token_ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  return tokenRatioPair(tokenPair(processed(s1, opts), processed(s2, opts)), cutoffOf(opts));
}

/** fuzz.partial_token_sort_ratio: partial_ratio of the sorted, space-joined tokens. */
export function partial_token_sort_ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  return partialTokenSortRatioStr(processed(s1, opts), processed(s2, opts), cutoffOf(opts));
}

/** fuzz.partial_token_set_ratio: 100 when any token is shared, else partial_ratio of the differences. */
export function partial_token_set_ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  return partialTokenSetRatioStr(processed(s1, opts), processed(s2, opts), cutoffOf(opts));
}

/** fuzz.partial_token_ratio: max(partial_token_set_ratio, partial_token_sort_ratio), computed rapidfuzz's way. */
export function partial_token_ratio(s1: string, s2: string, opts?: FuzzyOptions): number {
  return partialTokenRatioPair(tokenPair(processed(s1, opts), processed(s2, opts)), cutoffOf(opts));
}

/* ------------------------------------------------------------------ WRatio */

/** What WRatio decided, for explanations. */
export interface WRatioTrace {
  score: number;
  lenRatio: number;
  ratio: number;
  /** 'ratio' | 'token_ratio' | 'partial_ratio' | 'partial_token_ratio': the sub-scorer that gave the result. */
  winner: 'ratio' | 'token_ratio' | 'partial_ratio' | 'partial_token_ratio';
  /** Raw (unscaled) sub-scores that were computed; 0 can mean "below the internal cutoff". */
  tokenRatio?: number;
  partialRatio?: number;
  partialTokenRatio?: number;
  partialScale?: number;
}

/** fuzz.WRatio on already-processed strings, reporting which branch won. */
export function wratioTrace(s1: string, s2: string, cutoff = 0): WRatioTrace {
  const trace: WRatioTrace = { score: 0, lenRatio: 0, ratio: 0, winner: 'ratio' };
  trace.score = wratio(s1, s2, cutoff, trace);
  return trace;
}

/**
 * fuzz.WRatio on already-processed strings; fills `trace` when one is given (the scorer itself passes none, so
 * it builds no object per call).
 */
function wratio(s1: string, s2: string, cutoff: number, trace: WRatioTrace | undefined): number {
  if (!s1 || !s2 || cutoff > 100) return 0;
  // Strings without surrogates are read in place (code units = code points); others as code points.
  let endRatio = ratioString(s1, s2, cutoff);
  const cps = endRatio < 0 ? cps2(s1, s2) : undefined;
  if (cps) endRatio = ratioCodePoints(cps[0], cps[1], cutoff);
  const len1 = cps ? cps[0].length : s1.length;
  const len2 = cps ? cps[1].length : s2.length;
  const lenRatio = len1 > len2 ? len1 / len2 : len2 / len1;
  if (trace) {
    trace.lenRatio = lenRatio;
    trace.ratio = endRatio;
  }
  if (lenRatio < 1.5) {
    cutoff = Math.max(cutoff, endRatio) / UNBASE_SCALE;
    // Above 100 the token scorers return 0 before they look at a token: no token pair to build then.
    const tr = cutoff > 100 ? 0 : tokenRatioPair(tokenPair(s1, s2), cutoff);
    if (trace) trace.tokenRatio = tr;
    if (tr * UNBASE_SCALE > endRatio) {
      if (trace) trace.winner = 'token_ratio';
      return tr * UNBASE_SCALE;
    }
    return endRatio;
  }
  const partialScale = lenRatio <= 8.0 ? 0.9 : 0.6;
  if (trace) trace.partialScale = partialScale;
  cutoff = Math.max(cutoff, endRatio) / partialScale;
  // Views of the scratch buffers: used before any token scorer refills those.
  const [a, b] = cps ?? cps2(s1, s2);
  const pr = partialRatioAlignmentCodePoints(a, b, cutoff).score;
  if (trace) trace.partialRatio = pr;
  if (pr * partialScale > endRatio) {
    endRatio = pr * partialScale;
    if (trace) trace.winner = 'partial_ratio';
  }
  cutoff = Math.max(cutoff, endRatio) / UNBASE_SCALE;
  const ptr = cutoff > 100 ? 0 : partialTokenRatioPair(tokenPair(s1, s2), cutoff);
  if (trace) trace.partialTokenRatio = ptr;
  if (ptr * UNBASE_SCALE * partialScale > endRatio) {
    endRatio = ptr * UNBASE_SCALE * partialScale;
    if (trace) trace.winner = 'partial_token_ratio';
  }
  return endRatio;
}

/**
 * fuzz.WRatio: ratio, or (similar lengths) 0.95·token_ratio, or (length ratio >= 1.5) partial_ratio scaled by
 * 0.9 (0.6 beyond 8x) and 0.95·that·partial_token_ratio; the best of them. 0 when either string is empty.
 */
export function WRatio(s1: string, s2: string, opts?: FuzzyOptions): number {
  return wratio(processed(s1, opts), processed(s2, opts), cutoffOf(opts), undefined);
}

/** The scorers by their rapidfuzz name (what a grader configuration names). */
export const FUZZY_SCORERS = {
  ratio,
  partial_ratio,
  token_sort_ratio,
  token_set_ratio,
  token_ratio,
  partial_token_sort_ratio,
  partial_token_set_ratio,
  partial_token_ratio,
  WRatio,
  QRatio,
} as const satisfies Record<string, FuzzyScorer>;

export type FuzzyScorerName = keyof typeof FUZZY_SCORERS;

/** default_process on code points, re-exported for explanations that must map positions back. */
export { defaultProcessCodePoints };
