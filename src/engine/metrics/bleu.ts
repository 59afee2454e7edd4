/**
 * NLTK 3.8 `sentence_bleu` with its defaults (uniform 4-gram weights, no smoothing = `method0`, no
 * auto_reweigh), reproduced to the last bit, plus the per-order n-gram table the explanation panel shows.
 * Argument order follows NLTK: references first, hypothesis (the graded text) second. Tokenizing text and
 * choosing which side is which belong to the caller (the text_similarity grader); this module only scores.
 */
import { fsum } from './fsum.ts';
import { countInto, ngramAt, NgramIndex, scratch, sharedTotal } from './ngrams.ts';

/** Python's sys.float_info.min, which NLTK's method0 puts in place of a zero precision (not Number.MIN_VALUE). */
export const FLOAT_INFO_MIN = 2.2250738585072014e-308;

export const BLEU_DEFAULT_WEIGHTS: readonly number[] = [0.25, 0.25, 0.25, 0.25];

export interface BleuNgram {
  ngram: string[];
  hypothesisCount: number;
  /** The highest count of this n-gram in any one reference. */
  referenceCount: number;
  /** min(hypothesisCount, referenceCount): what the n-gram adds to the numerator. */
  clipped: number;
}

export interface BleuOrder {
  n: number;
  weight: number;
  /** Hypothesis n-grams that occur in a reference, in order of first appearance. */
  matches: BleuNgram[];
  /** Σ clipped counts. */
  numerator: number;
  /** max(1, number of hypothesis n-grams). */
  denominator: number;
  /** The precision used in the geometric mean: numerator/denominator, or FLOAT_INFO_MIN when smoothed. */
  precision: number;
  /** True when the numerator was 0 and method0 substituted FLOAT_INFO_MIN. */
  smoothed: boolean;
  /** weight · ln(precision), the term added (with fsum) before exp. */
  logTerm: number;
}

export interface BleuDetails {
  kind: 'bleu';
  hypothesis: string[];
  references: string[][];
  orders: BleuOrder[];
  hypothesisLength: number;
  /** Length of the reference closest to the hypothesis (ties: the shorter). */
  referenceLength: number;
  brevityPenalty: number;
  /** Why the score is exactly 0 when NLTK short-circuits: no unigram of the hypothesis is in a reference. */
  zeroReason: 'no-unigram-match' | null;
  score: number;
  [key: string]: unknown;
}

export interface BleuResult {
  score: number;
  details: BleuDetails;
}

/** NLTK `closest_ref_length`: min by (|r − c|, r). */
function closestReferenceLength(references: readonly (readonly string[])[], hypLength: number): number {
  let best = references[0]?.length ?? 0;
  for (let i = 0; i < references.length; i++) {
    const r = references[i]!.length;
    const d = Math.abs(r - hypLength);
    const bd = Math.abs(best - hypLength);
    if (d < bd || (d === bd && r < best)) best = r;
  }
  return best;
}

let logBuffer = new Float64Array(8);

/** A reused Float64Array for the log terms (fsum then always sees the same kind of array). */
function logTerms(count: number): Float64Array {
  if (logBuffer.length < count) logBuffer = new Float64Array(count);
  return logBuffer;
}

/** NLTK `brevity_penalty(closest_ref_len, hyp_len)`. */
export function brevityPenalty(referenceLength: number, hypothesisLength: number): number {
  if (hypothesisLength > referenceLength) return 1;
  if (hypothesisLength === 0) return 0;
  return Math.exp(1 - referenceLength / hypothesisLength);
}

/** NLTK `modified_precision` for order n; sequence 0 of the index is the hypothesis, 1.. the references. */
function modifiedPrecision(
  index: NgramIndex,
  referenceCount: number,
  hypothesis: readonly string[],
  n: number,
  brief: boolean,
): { matches: BleuNgram[]; numerator: number; denominator: number } {
  const size = index.size(n);
  const ids = index.level(n);
  // One scratch buffer: [0, size) hypothesis counts, [size, 2·size) max reference counts, then one reference's counts.
  const w = scratch((referenceCount > 1 ? 3 : 2) * size);
  for (let r = 1; r <= referenceCount; r++) {
    const from = index.start(r);
    const to = from + index.count(r, n);
    if (referenceCount === 1) {
      countInto(ids, from, to, w, size);
      continue;
    }
    const base = 2 * size;
    countInto(ids, from, to, w, base);
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      const c = w[base + id]!;
      if (c > w[size + id]!) w[size + id] = c;
    }
    for (let i = from; i < to; i++) w[base + ids[i]!] = 0;
  }
  const h0 = index.start(0);
  const count = index.count(0, n);
  const h1 = h0 + count;
  const denominator = Math.max(1, count);
  if (brief) return { matches: [], numerator: sharedTotal(ids, h0, h1, w, size), denominator };
  // The matched n-grams straight into the explanation's shape, in order of first appearance (w[id] is zeroed
  // once the n-gram is listed).
  countInto(ids, h0, h1, w, 0);
  const matches: BleuNgram[] = [];
  let numerator = 0;
  for (let i = h0; i < h1; i++) {
    const id = ids[i]!;
    const hc = w[id]!;
    if (hc === 0) continue;
    w[id] = 0;
    const rc = w[size + id]!;
    if (rc === 0) continue;
    const clipped = hc < rc ? hc : rc;
    numerator += clipped;
    matches.push({ ngram: ngramAt(hypothesis, i - h0, n), hypothesisCount: hc, referenceCount: rc, clipped });
  }
  return { matches, numerator, denominator };
}

/**
 * NLTK `sentence_bleu(references, hypothesis, weights)` on token lists, with no smoothing function. `brief`
 * (dataset runs, which show no n-gram table): the same score and counts, without the matched n-gram lists
 * (`matches` empty) or copies of the token lists.
 */
export function sentenceBleu(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  weights: readonly number[] = BLEU_DEFAULT_WEIGHTS,
  brief = false,
): BleuResult {
  return scoreBleu(new NgramIndex([hypothesis, ...references]), references, hypothesis, weights, brief, false);
}

/**
 * sentenceBleu on an index of [hypothesis, ...references]; `owned`: the token lists are the caller's fresh
 * arrays, so the details keep them instead of copies.
 */
function scoreBleu(
  index: NgramIndex,
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  weights: readonly number[],
  brief: boolean,
  owned: boolean,
): BleuResult {
  const orders: BleuOrder[] = [];
  let matched = true;
  for (let n = 1; n <= weights.length; n++) {
    // Every matched n-gram starts with a matched (n−1)-gram: once an order has no match, no higher order has one,
    // and only the hypothesis n-gram count (the denominator) is left to know.
    const p: { matches: BleuNgram[]; numerator: number; denominator: number } = matched
      ? modifiedPrecision(index, references.length, hypothesis, n, brief)
      : { matches: [], numerator: 0, denominator: Math.max(1, hypothesis.length - n + 1) };
    matched = p.numerator > 0;
    const weight = weights[n - 1]!;
    const smoothed = p.numerator === 0;
    // Python's float(Fraction(a, b)) is a/b correctly rounded, as is JS division of these small integers.
    const precision = smoothed ? FLOAT_INFO_MIN : p.numerator / p.denominator;
    // One object shape for every order (a spread of `p` gave the orders several shapes and kept BLEU from optimizing).
    orders.push({ n, weight, matches: p.matches, numerator: p.numerator, denominator: p.denominator, precision, smoothed, logTerm: weight * Math.log(precision) });
  }
  const hypothesisLength = hypothesis.length;
  const referenceLength = closestReferenceLength(references, hypothesisLength);
  const bp = brevityPenalty(referenceLength, hypothesisLength);
  const noUnigram = (orders[0]?.numerator ?? 0) === 0;
  // NLTK returns the int 0 before any smoothing when no unigram matches (this covers empty inputs).
  let score = 0;
  if (!noUnigram) {
    const logs = logTerms(orders.length);
    for (let i = 0; i < orders.length; i++) logs[i] = orders[i]!.logTerm;
    score = bp * Math.exp(fsum(logs, orders.length));
  }
  return {
    score,
    details: {
      kind: 'bleu',
      hypothesis: brief ? [] : owned ? (hypothesis as string[]) : [...hypothesis],
      references: brief ? [] : owned ? (references as string[][]) : references.map((r) => [...r]),
      orders,
      hypothesisLength,
      referenceLength,
      brevityPenalty: bp,
      zeroReason: noUnigram ? 'no-unigram-match' : null,
      score,
    },
  };
}

/** BLEU of two texts tokenized with Python's str.split(): `sentence_bleu([reference.split()], hypothesis.split())`. */
export function bleu(reference: string, hypothesis: string, brief = false): BleuResult {
  // Split and indexed in one pass: the same token lists as [pySplit(hypothesis), pySplit(reference)].
  const { index, tokens } = NgramIndex.split([hypothesis, reference]);
  return scoreBleu(index, [tokens[1]!], tokens[0]!, BLEU_DEFAULT_WEIGHTS, brief, true);
}
