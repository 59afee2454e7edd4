/**
 * NLTK 3.8 `sentence_gleu` (Google BLEU, min_len 1, max_len 4): matched n-grams of all orders over the larger
 * of the hypothesis's and the reference's n-gram counts, best reference wins. Also returns the per-order
 * table for the explanation panel. References first, hypothesis (the graded text) second, as in NLTK;
 * tokenizing and choosing sides belong to the caller.
 */
import { countNgrams, ngramTokens, Vocabulary, type NgramCounts } from './ngrams.ts';
import { pySplit } from './tokenize.ts';

export interface GleuNgram {
  ngram: string[];
  hypothesisCount: number;
  referenceCount: number;
  /** min of the two counts: what this n-gram adds to the true positives. */
  overlap: number;
}

export interface GleuOrder {
  n: number;
  /** Shared n-grams of this order (against the best reference), in order of first appearance in the hypothesis. */
  matches: GleuNgram[];
  overlap: number;
  hypothesisTotal: number;
  referenceTotal: number;
}

export interface GleuCandidate {
  /** True positives: Σ min(count in hypothesis, count in reference) over every n-gram of every order. */
  truePositives: number;
  /** All hypothesis n-grams (tp + fp). */
  hypothesisNgrams: number;
  /** All reference n-grams (tp + fn). */
  referenceNgrams: number;
  /** max(hypothesisNgrams, referenceNgrams); a reference with 0 here is skipped, as NLTK does. */
  denominator: number;
  skipped: boolean;
}

export interface GleuDetails {
  kind: 'gleu';
  hypothesis: string[];
  references: string[][];
  minLen: number;
  maxLen: number;
  /** One entry per reference. */
  candidates: GleuCandidate[];
  /** Index of the reference whose ratio is highest (the first on ties), or null when every one was skipped. */
  bestReference: number | null;
  /** Orders min_len..max_len against the best reference (empty when there is none). */
  orders: GleuOrder[];
  score: number;
  [key: string]: unknown;
}

export interface GleuResult {
  score: number;
  details: GleuDetails;
}

/** NLTK `sentence_gleu(references, hypothesis, min_len, max_len)` on token lists. */
export function sentenceGleu(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  minLen = 1,
  maxLen = 4,
): GleuResult {
  const vocab = new Vocabulary();
  const hypIds = vocab.idsOf(hypothesis);
  const hypCounts: NgramCounts[] = [];
  let tpfp = 0;
  for (let n = minLen; n <= maxLen; n++) {
    const c = countNgrams(hypIds, n);
    hypCounts.push(c);
    tpfp += c.total;
  }
  const candidates: GleuCandidate[] = [];
  const perReferenceOrders: GleuOrder[][] = [];
  let best: number | null = null;
  let bestRatio = -Infinity;
  references.forEach((reference, index) => {
    const refIds = vocab.idsOf(reference);
    const orders: GleuOrder[] = [];
    let tp = 0;
    let tpfn = 0;
    hypCounts.forEach((hyp, k) => {
      const n = minLen + k;
      const ref = countNgrams(refIds, n);
      tpfn += ref.total;
      const matches: GleuNgram[] = [];
      let overlap = 0;
      for (const [key, e] of hyp.entries) {
        const r = ref.entries.get(key);
        if (!r) continue;
        const o = Math.min(e.count, r.count);
        overlap += o;
        matches.push({ ngram: ngramTokens(hypothesis, e.first, n), hypothesisCount: e.count, referenceCount: r.count, overlap: o });
      }
      tp += overlap;
      orders.push({ n, matches, overlap, hypothesisTotal: hyp.total, referenceTotal: ref.total });
    });
    const denominator = Math.max(tpfp, tpfn);
    const skipped = denominator === 0;
    candidates.push({ truePositives: tp, hypothesisNgrams: tpfp, referenceNgrams: tpfn, denominator, skipped });
    perReferenceOrders.push(orders);
    // Python's max(key=...) keeps the first of equal keys, hence the strict comparison.
    if (!skipped && tp / denominator > bestRatio) {
      bestRatio = tp / denominator;
      best = index;
    }
  });
  const chosen = best === null ? null : candidates[best]!;
  const score = chosen ? chosen.truePositives / chosen.denominator : 0;
  return {
    score,
    details: {
      kind: 'gleu',
      hypothesis: [...hypothesis],
      references: references.map((r) => [...r]),
      minLen,
      maxLen,
      candidates,
      bestReference: best,
      orders: best === null ? [] : perReferenceOrders[best]!,
      score,
    },
  };
}

/** GLEU of two texts tokenized with Python's str.split(): `sentence_gleu([reference.split()], hypothesis.split())`. */
export function gleu(reference: string, hypothesis: string): GleuResult {
  return sentenceGleu([pySplit(reference)], pySplit(hypothesis));
}
