import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bleu, brevityPenalty, FLOAT_INFO_MIN, sentenceBleu } from './bleu.ts';

interface Vector {
  id: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}
const vectors: Vector[] = JSON.parse(readFileSync(new URL('../../../test/fixtures/text-metrics.json', import.meta.url), 'utf8')).vectors;

/** Relative 1e-12 (BLEU's tiny values like 1e-231 must still agree in their digits); 0 must be exactly 0. */
function expectClose(actual: number, expected: number) {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('bleu golden vectors (NLTK 3.8 sentence_bleu on str.split tokens)', () => {
  const mine = vectors.filter((v) => v.metric === 'bleu');
  it('has the 35 vectors', () => expect(mine.length).toBe(35));
  for (const v of mine) {
    it(v.id, () => expectClose(bleu(v.reference, v.input).score, v.expected));
  }
  it('brief (dataset runs) gives the same score and counts on every vector, without the n-gram lists', () => {
    for (const v of mine) {
      const full = bleu(v.reference, v.input);
      const brief = bleu(v.reference, v.input, true);
      expect(brief.score).toBe(full.score);
      expect(brief.details.orders.map((o) => [o.numerator, o.denominator, o.precision, o.smoothed])).toEqual(
        full.details.orders.map((o) => [o.numerator, o.denominator, o.precision, o.smoothed]),
      );
      expect(brief.details.orders.every((o) => o.matches.length === 0)).toBe(true);
    }
  });
});

describe('brief BLEU on repeated and multi-reference n-grams', () => {
  it('clips like the full table', () => {
    const refs = [['the', 'cat', 'the', 'cat', 'on', 'the', 'mat'], ['the', 'the', 'the', 'cat']];
    const hyp = ['the', 'the', 'the', 'the', 'cat', 'the', 'cat', 'mat'];
    const full = sentenceBleu(refs, hyp);
    const brief = sentenceBleu(refs, hyp, undefined, true);
    expect(full.details.orders[0]!.numerator).toBe(6);
    expect(brief.details.orders.map((o) => o.numerator)).toEqual(full.details.orders.map((o) => o.numerator));
    expect(brief.score).toBe(full.score);
  });
});

describe('sentenceBleu', () => {
  it('returns exactly 0 with the reason when no unigram matches', () => {
    const r = sentenceBleu([['a', 'b']], ['c', 'd']);
    expect(r.score).toBe(0);
    expect(r.details.zeroReason).toBe('no-unigram-match');
  });

  it('gives 0 for an empty hypothesis and for an empty reference', () => {
    expect(sentenceBleu([['a']], []).score).toBe(0);
    expect(sentenceBleu([[]], ['a']).score).toBe(0);
    expect(sentenceBleu([[]], []).details.brevityPenalty).toBe(0);
  });

  it('uses sys.float_info.min for orders without a match, so one matching token scores 1.4e-77 cubed', () => {
    const r = sentenceBleu([['a']], ['a']);
    expect(r.details.orders.map((o) => o.smoothed)).toEqual([false, true, true, true]);
    expect(r.details.orders[1]!.precision).toBe(FLOAT_INFO_MIN);
    expect(r.score).toBe(Math.exp(0.75 * Math.log(FLOAT_INFO_MIN)));
    expect(r.score).toBeGreaterThan(0);
  });

  it('clips hypothesis counts by the reference counts and lists the matched n-grams', () => {
    const r = sentenceBleu([['the', 'cat', 'the', 'mat']], ['the', 'the', 'the', 'cat']);
    const uni = r.details.orders[0]!;
    expect(uni.matches).toEqual([
      { ngram: ['the'], hypothesisCount: 3, referenceCount: 2, clipped: 2 },
      { ngram: ['cat'], hypothesisCount: 1, referenceCount: 1, clipped: 1 },
    ]);
    expect([uni.numerator, uni.denominator]).toEqual([3, 4]);
    expect(r.details.orders[1]!.matches.map((m) => m.ngram)).toEqual([['the', 'cat']]);
  });

  it('takes the max count over references and the closest reference length (ties: shorter)', () => {
    const r = sentenceBleu([['a', 'a', 'b'], ['a', 'b', 'c', 'd', 'e']], ['a', 'a', 'b', 'c']);
    expect(r.details.orders[0]!.numerator).toBe(4);
    expect(r.details.referenceLength).toBe(3);
    expect(r.details.brevityPenalty).toBe(1);
  });

  it('n-grams are tuples of tokens: tokens with spaces or commas never collide', () => {
    const r = sentenceBleu([['a b', 'c']], ['a', 'b c']);
    expect(r.score).toBe(0);
    const s = sentenceBleu([['1,2']], ['1', '2']);
    expect(s.score).toBe(0);
  });

  it('is plain JSON', () => {
    const r = bleu('the cat sat on the mat', 'the cat is on the mat');
    expect(JSON.parse(JSON.stringify(r.details))).toEqual(r.details);
    expect(r.details.kind).toBe('bleu');
  });
});

describe('brevityPenalty', () => {
  it('follows NLTK', () => {
    expect(brevityPenalty(5, 6)).toBe(1);
    expect(brevityPenalty(5, 5)).toBe(1);
    expect(brevityPenalty(5, 0)).toBe(0);
    expect(brevityPenalty(6, 3)).toBe(Math.exp(-1));
  });
});

describe('bleu tokenization (Python str.split)', () => {
  it('splits on Python-only whitespace (\\x1c-\\x1f, \\x85) and keeps \\ufeff and \\u200b inside tokens', () => {
    expect(bleu('a b c d', 'a\x1cb\x85c\u3000d').score).toBe(1);
    expect(bleu('a b', 'a\ufeffb').details.hypothesis).toEqual(['a\ufeffb']);
    expect(bleu('a b', 'a\u200bb').details.hypothesis).toEqual(['a\u200bb']);
  });
  it('is case-sensitive and keeps punctuation attached', () => {
    expect(bleu('Hello world', 'hello world,').details.orders[0]!.numerator).toBe(0);
  });
});
