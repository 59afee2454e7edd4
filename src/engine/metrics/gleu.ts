/**
 * NLTK 3.8 `sentence_gleu` (Google BLEU, min_len 1, max_len 4): matched n-grams of all orders over the larger
 * of the hypothesis's and the reference's n-gram counts, best reference wins. Also returns the per-order
 * table for the explanation panel. References first, hypothesis (the graded text) second, as in NLTK;
 * tokenizing and choosing sides belong to the caller.
 */
import { countInto, ngramAt, NgramIndex, scratch } from './ngrams.ts';

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
  if (!Number.isInteger(minLen) || minLen < 1 || !Number.isInteger(maxLen)) throw new RangeError(`GLEU needs integer orders >= 1, got ${minLen}..${maxLen}`);
  return scoreGleu(new NgramIndex([hypothesis, ...references]), references, hypothesis, minLen, maxLen, false);
}

/**
 * sentenceGleu on an index of [hypothesis, ...references]; `owned`: the token lists are the caller's fresh
 * arrays, so the details keep them instead of copies.
 */
function scoreGleu(
  index: NgramIndex,
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  minLen: number,
  maxLen: number,
  owned: boolean,
): GleuResult {
  let tpfp = 0;
  for (let n = minLen; n <= maxLen; n++) tpfp += Math.max(0, hypothesis.length - n + 1);
  const candidates: GleuCandidate[] = [];
  const perReferenceOrders: GleuOrder[][] = [];
  let best: number | null = null;
  let bestRatio = -Infinity;
  for (let r = 0; r < references.length; r++) {
    const orders: GleuOrder[] = [];
    let tp = 0;
    let tpfn = 0;
    let matched = true;
    for (let n = minLen; n <= maxLen; n++) {
      if (!matched) {
        // No shared (n−1)-gram means no shared n-gram: only the counts are left (as BLEU does).
        const hypothesisTotal = Math.max(0, hypothesis.length - n + 1);
        const referenceTotal = Math.max(0, references[r]!.length - n + 1);
        tpfn += referenceTotal;
        orders.push({ n, matches: [], overlap: 0, hypothesisTotal, referenceTotal });
        continue;
      }
      const size = index.size(n);
      const ids = index.level(n);
      const h0 = index.start(0);
      const hypothesisTotal = index.count(0, n);
      const h1 = h0 + hypothesisTotal;
      const r0 = index.start(r + 1);
      const referenceTotal = index.count(r + 1, n);
      tpfn += referenceTotal;
      // [0, size): hypothesis counts; [size, 2·size): reference counts.
      const w = scratch(2 * size);
      countInto(ids, r0, r0 + referenceTotal, w, size);
      countInto(ids, h0, h1, w, 0);
      // The shared n-grams straight into the explanation's shape (no intermediate objects: this is most of the
      // work), in order of first appearance (w[id] is zeroed once the n-gram is listed).
      const matches: GleuNgram[] = [];
      let overlap = 0;
      for (let i = h0; i < h1; i++) {
        const id = ids[i]!;
        const hc = w[id]!;
        if (hc === 0) continue;
        w[id] = 0;
        const rc = w[size + id]!;
        if (rc === 0) continue;
        const o = hc < rc ? hc : rc;
        overlap += o;
        matches.push({ ngram: ngramAt(hypothesis, i - h0, n), hypothesisCount: hc, referenceCount: rc, overlap: o });
      }
      tp += overlap;
      matched = overlap > 0;
      orders.push({ n, matches, overlap, hypothesisTotal, referenceTotal });
    }
    const denominator = Math.max(tpfp, tpfn);
    const skipped = denominator === 0;
    candidates.push({ truePositives: tp, hypothesisNgrams: tpfp, referenceNgrams: tpfn, denominator, skipped });
    perReferenceOrders.push(orders);
    // Python's max(key=...) keeps the first of equal keys, hence the strict comparison.
    if (!skipped && tp / denominator > bestRatio) {
      bestRatio = tp / denominator;
      best = r;
    }
  }
  const chosen = best === null ? null : candidates[best]!;
  const score = chosen ? chosen.truePositives / chosen.denominator : 0;
  return {
    score,
    details: {
      kind: 'gleu',
      hypothesis: owned ? (hypothesis as string[]) : [...hypothesis],
      references: owned ? (references as string[][]) : references.map((r) => [...r]),
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
  // Split and indexed in one pass: the same token lists as [pySplit(hypothesis), pySplit(reference)].
  const { index, tokens } = NgramIndex.split([hypothesis, reference]);
  return scoreGleu(index, [tokens[1]!], tokens[0]!, 1, 4, true);
}
