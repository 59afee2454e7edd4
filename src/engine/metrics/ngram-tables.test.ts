/**
 * The explanation tables of BLEU, GLEU and ROUGE-N (matched n-grams, counts, order of first appearance) against
 * a plain implementation with one Map per order keyed by the n-gram tuple, on random token lists: the fast
 * counting of ngrams.ts must list exactly what the definition lists. Also: a metric that splits its texts
 * itself gives the same details as the same metric on pySplit's token lists.
 */
import { describe, expect, it } from 'vitest';
import { bleu, sentenceBleu } from './bleu.ts';
import { gleu, sentenceGleu } from './gleu.ts';
import { rougeNTokens } from './rouge.ts';
import { pySplit } from './tokenize.ts';

/** Counts of the n-grams of `tokens`, keyed by the JSON of the tuple, in order of first appearance. */
function counts(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = JSON.stringify(tokens.slice(i, i + n));
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Shared n-grams of `side` against `other` counts, as [ngram, count in side, count in other]. */
function shared(side: Map<string, number>, other: Map<string, number>): [string[], number, number][] {
  const out: [string[], number, number][] = [];
  for (const [k, c] of side) if ((other.get(k) ?? 0) > 0) out.push([JSON.parse(k) as string[], c, other.get(k)!]);
  return out;
}

let seed = 7;
const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
const VOCAB = ['a', 'b', 'c', 'a b', '', 'é', '🍕', 'B'];
const tokens = (max: number, vocab: number) => Array.from({ length: rnd(max) }, () => VOCAB[rnd(vocab)]!);

describe('BLEU n-gram table', () => {
  it('lists what one Map per order lists, for one to three references', () => {
    for (let k = 0; k < 400; k++) {
      const vocab = 2 + (k % 7);
      const hyp = tokens(k % 2 ? 12 : 40, vocab);
      const refs = Array.from({ length: 1 + (k % 3) }, () => tokens(k % 2 ? 12 : 40, vocab));
      const weights = k % 5 === 0 ? [0.2, 0.2, 0.2, 0.2, 0.2] : undefined;
      const r = sentenceBleu(refs, hyp, weights);
      r.details.orders.forEach((o, i) => {
        const n = i + 1;
        const max = new Map<string, number>();
        for (const ref of refs) for (const [key, c] of counts(ref, n)) max.set(key, Math.max(max.get(key) ?? 0, c));
        // Past an order without a match no order can match, and BLEU lists nothing there.
        const expected = r.details.orders.slice(0, i).some((p) => p.numerator === 0) ? [] : shared(counts(hyp, n), max);
        expect(o.matches).toEqual(expected.map(([ngram, hc, rc]) => ({ ngram, hypothesisCount: hc, referenceCount: rc, clipped: Math.min(hc, rc) })));
        expect(o.numerator).toBe(expected.reduce((s, [, hc, rc]) => s + Math.min(hc, rc), 0));
        expect(o.denominator).toBe(Math.max(1, hyp.length - n + 1));
      });
    }
  });

  it('bleu(text) equals sentenceBleu on the pySplit tokens, details included', () => {
    for (let k = 0; k < 200; k++) {
      const a = tokens(30, 8).join(k % 2 ? ' ' : '\u3000 ');
      const b = tokens(30, 8).join(' ');
      expect(bleu(b, a)).toEqual(sentenceBleu([pySplit(b)], pySplit(a)));
      expect(bleu(b, a, true)).toEqual(sentenceBleu([pySplit(b)], pySplit(a), undefined, true));
    }
  });
});

describe('GLEU n-gram table', () => {
  it('lists what one Map per order lists, against the best reference', () => {
    for (let k = 0; k < 400; k++) {
      const vocab = 2 + (k % 7);
      const hyp = tokens(k % 2 ? 12 : 40, vocab);
      const refs = Array.from({ length: 1 + (k % 3) }, () => tokens(k % 2 ? 12 : 40, vocab));
      const r = sentenceGleu(refs, hyp);
      if (r.details.bestReference === null) continue;
      const ref = refs[r.details.bestReference]!;
      r.details.orders.forEach((o, i) => {
        const n = i + 1;
        const expected = r.details.orders.slice(0, i).some((p) => p.overlap === 0) ? [] : shared(counts(hyp, n), counts(ref, n));
        expect(o.matches).toEqual(expected.map(([ngram, hc, rc]) => ({ ngram, hypothesisCount: hc, referenceCount: rc, overlap: Math.min(hc, rc) })));
        expect([o.hypothesisTotal, o.referenceTotal]).toEqual([Math.max(0, hyp.length - n + 1), Math.max(0, ref.length - n + 1)]);
      });
    }
  });

  it('gleu(text) equals sentenceGleu on the pySplit tokens, details included', () => {
    for (let k = 0; k < 200; k++) {
      const a = tokens(30, 8).join(k % 2 ? ' ' : '\t');
      const b = tokens(30, 8).join(' ');
      expect(gleu(b, a)).toEqual(sentenceGleu([pySplit(b)], pySplit(a)));
    }
  });
});

describe('ROUGE-N overlaps', () => {
  it('lists what one Map lists, in order of first appearance in the reference', () => {
    for (let k = 0; k < 300; k++) {
      const target = tokens(40, 2 + (k % 7));
      const prediction = tokens(40, 2 + (k % 7));
      const n = 1 + (k % 4);
      const r = rougeNTokens(target, prediction, n);
      const expected = shared(counts(target, n), counts(prediction, n));
      expect(r.details.overlaps).toEqual(expected.map(([ngram, tc, pc]) => ({ ngram, referenceCount: tc, inputCount: pc, overlap: Math.min(tc, pc) })));
      expect([r.details.referenceNgrams, r.details.inputNgrams]).toEqual([Math.max(0, target.length - n + 1), Math.max(0, prediction.length - n + 1)]);
    }
  });
});
