import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gleu, sentenceGleu } from './gleu.ts';

interface Vector {
  id: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}
const vectors: Vector[] = JSON.parse(readFileSync(new URL('../../../test/fixtures/text-metrics.json', import.meta.url), 'utf8')).vectors;

function expectClose(actual: number, expected: number) {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('gleu golden vectors (NLTK 3.8 sentence_gleu on str.split tokens)', () => {
  const mine = vectors.filter((v) => v.metric === 'gleu');
  it('has the 35 vectors', () => expect(mine.length).toBe(35));
  for (const v of mine) {
    it(v.id, () => expectClose(gleu(v.reference, v.input).score, v.expected));
  }
});

describe('sentenceGleu', () => {
  it('is 0.0 with no reference left when both sides are empty', () => {
    const r = sentenceGleu([[]], []);
    expect(r.score).toBe(0);
    expect(r.details.bestReference).toBeNull();
    expect(r.details.candidates[0]!.skipped).toBe(true);
  });

  it('divides the shared n-grams of orders 1..4 by the larger side', () => {
    // hyp a b c: 3+2+1 = 6 n-grams; ref a b: 2+1 = 3; shared a, b, (a b) = 3.
    const r = sentenceGleu([['a', 'b']], ['a', 'b', 'c']);
    expect(r.score).toBe(3 / 6);
    expect(r.details.candidates[0]).toMatchObject({ truePositives: 3, hypothesisNgrams: 6, referenceNgrams: 3, denominator: 6 });
    expect(r.details.orders.map((o) => o.overlap)).toEqual([2, 1, 0, 0]);
  });

  it('takes multiset minimums', () => {
    const r = sentenceGleu([['x', 'x', 'y']], ['x', 'x', 'x']);
    expect(r.details.orders[0]!.matches).toEqual([{ ngram: ['x'], hypothesisCount: 3, referenceCount: 2, overlap: 2 }]);
    expect(r.details.orders[1]!.matches).toEqual([{ ngram: ['x', 'x'], hypothesisCount: 2, referenceCount: 1, overlap: 1 }]);
  });

  it('keeps the first best reference on a tie', () => {
    const r = sentenceGleu([['a', 'z'], ['a', 'y'], ['a', 'b']], ['a', 'b']);
    expect(r.details.bestReference).toBe(2);
    expect(r.score).toBe(1);
    const t = sentenceGleu([['a', 'z'], ['a', 'y']], ['a', 'b']);
    expect(t.details.bestReference).toBe(0);
  });

  it('a single shared token against a single token', () => {
    expect(gleu('a', 'a').score).toBe(1);
    expect(gleu('a', 'b').score).toBe(0);
  });

  it('is plain JSON', () => {
    const r = gleu('the cat sat', 'the cat');
    expect(JSON.parse(JSON.stringify(r.details))).toEqual(r.details);
    expect(r.details.kind).toBe('gleu');
  });
});
