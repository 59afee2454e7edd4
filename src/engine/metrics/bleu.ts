/**
 * NLTK 3.8 `sentence_bleu` with its defaults (uniform 4-gram weights, no smoothing = `method0`, no
 * auto_reweigh), reproduced to the last bit, plus the per-order n-gram table the explanation panel shows.
 * Argument order follows NLTK: references first, hypothesis (the graded text) second. Tokenizing text and
 * choosing which side is which belong to the caller (the text_similarity grader); this module only scores.
 */
import { fsum } from './fsum.ts';
import { countNgrams, ngramTokens, Vocabulary, type NgramCounts } from './ngrams.ts';
import { pySplit } from './tokenize.ts';

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
function closestReferenceLength(refLengths: readonly number[], hypLength: number): number {
  let best = refLengths[0] ?? 0;
  for (const r of refLengths) {
    const d = Math.abs(r - hypLength);
    const bd = Math.abs(best - hypLength);
    if (d < bd || (d === bd && r < best)) best = r;
  }
  return best;
}

/** NLTK `brevity_penalty(closest_ref_len, hyp_len)`. */
export function brevityPenalty(referenceLength: number, hypothesisLength: number): number {
  if (hypothesisLength > referenceLength) return 1;
  if (hypothesisLength === 0) return 0;
  return Math.exp(1 - referenceLength / hypothesisLength);
}

function modifiedPrecision(
  hyp: NgramCounts,
  refs: readonly NgramCounts[],
  hypothesis: readonly string[],
  n: number,
): { matches: BleuNgram[]; numerator: number; denominator: number } {
  const matches: BleuNgram[] = [];
  let numerator = 0;
  for (const [key, e] of hyp.entries) {
    let maxRef = 0;
    for (const r of refs) {
      const c = r.entries.get(key)?.count ?? 0;
      if (c > maxRef) maxRef = c;
    }
    if (maxRef === 0) continue;
    const clipped = Math.min(e.count, maxRef);
    numerator += clipped;
    matches.push({ ngram: ngramTokens(hypothesis, e.first, n), hypothesisCount: e.count, referenceCount: maxRef, clipped });
  }
  return { matches, numerator, denominator: Math.max(1, hyp.total) };
}

/** NLTK `sentence_bleu(references, hypothesis, weights)` on token lists, with no smoothing function. */
export function sentenceBleu(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  weights: readonly number[] = BLEU_DEFAULT_WEIGHTS,
): BleuResult {
  const vocab = new Vocabulary();
  const hypIds = vocab.idsOf(hypothesis);
  const refIds = references.map((r) => vocab.idsOf(r));
  const orders: BleuOrder[] = [];
  for (let n = 1; n <= weights.length; n++) {
    const hyp = countNgrams(hypIds, n);
    const refs = refIds.map((ids) => countNgrams(ids, n));
    const p = modifiedPrecision(hyp, refs, hypothesis, n);
    const weight = weights[n - 1]!;
    const smoothed = p.numerator === 0;
    // Python's float(Fraction(a, b)) is a/b correctly rounded, as is JS division of these small integers.
    const precision = smoothed ? FLOAT_INFO_MIN : p.numerator / p.denominator;
    orders.push({ n, weight, ...p, precision, smoothed, logTerm: weight * Math.log(precision) });
  }
  const hypothesisLength = hypothesis.length;
  const referenceLength = closestReferenceLength(
    references.map((r) => r.length),
    hypothesisLength,
  );
  const bp = brevityPenalty(referenceLength, hypothesisLength);
  const noUnigram = (orders[0]?.numerator ?? 0) === 0;
  // NLTK returns the int 0 before any smoothing when no unigram matches (this covers empty inputs).
  const score = noUnigram ? 0 : bp * Math.exp(fsum(orders.map((o) => o.logTerm)));
  return {
    score,
    details: {
      kind: 'bleu',
      hypothesis: [...hypothesis],
      references: references.map((r) => [...r]),
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
export function bleu(reference: string, hypothesis: string): BleuResult {
  return sentenceBleu([pySplit(reference)], pySplit(hypothesis));
}
