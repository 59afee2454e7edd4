import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { porterStem } from './porter.ts';
import { fmeasure, rougeL, rougeLTokens, rougeN, rougeTokenize } from './rouge.ts';

interface Vector {
  id: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
  extra?: { precision?: number; recall?: number };
}
const vectors: Vector[] = JSON.parse(readFileSync(new URL('../../../test/fixtures/text-metrics.json', import.meta.url), 'utf8')).vectors;

function expectClose(actual: number, expected: number) {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('rouge golden vectors (rouge-score 0.1.2, no stemming; score(target=reference, prediction=input))', () => {
  for (const metric of ['rouge_1', 'rouge_2', 'rouge_3', 'rouge_4', 'rouge_5', 'rouge_l']) {
    const mine = vectors.filter((v) => v.metric === metric);
    it(`${metric} has the 35 vectors`, () => expect(mine.length).toBe(35));
    for (const v of mine) {
      it(v.id, () => {
        const r = metric === 'rouge_l' ? rougeL(v.reference, v.input) : rougeN(v.reference, v.input, Number(metric.slice(6)));
        expectClose(r.score, v.expected);
        expectClose(r.details.precision, v.extra!.precision!);
        expectClose(r.details.recall, v.extra!.recall!);
      });
    }
  }
});

describe('rouge golden vectors with use_stemmer=True (NLTK PorterStemmer, NLTK_EXTENSIONS mode)', () => {
  const stemmer = (t: string) => porterStem(t);
  for (const metric of ['rouge_1[stemmer]', 'rouge_l[stemmer]']) {
    const mine = vectors.filter((v) => v.metric === metric);
    it(`${metric} has the 35 vectors`, () => expect(mine.length).toBe(35));
    for (const v of mine) {
      it(v.id, () => {
        const r = metric.startsWith('rouge_l') ? rougeL(v.reference, v.input, { stemmer }) : rougeN(v.reference, v.input, 1, { stemmer });
        expectClose(r.score, v.expected);
        expectClose(r.details.precision, v.extra!.precision!);
        expectClose(r.details.recall, v.extra!.recall!);
        expect(r.details.stemmed).toBe(true);
      });
    }
  }
  it('stems: "the dogs were running quickly" against "the dog runs quick"', () => {
    const r = rougeN('the dog runs quick', 'the dogs were running quickly', 1, { stemmer });
    expect(r.details.inputTokens).toEqual(['the', 'dog', 'were', 'run', 'quickli']);
    expect(r.details.referenceTokens).toEqual(['the', 'dog', 'run', 'quick']);
  });
});

describe('rougeTokenize', () => {
  it('lower-cases like str.lower() and deletes everything outside [a-z0-9]', () => {
    expect(rougeTokenize('İstanbul \u212Aelvin café_au-lait x² Hello, World!')).toEqual([
      'i',
      'stanbul',
      'kelvin',
      'caf',
      'au',
      'lait',
      'x',
      'hello',
      'world',
    ]);
  });
  it('gives no tokens for CJK, emoji or punctuation only', () => {
    expect(rougeTokenize('東京は 🍕 !!! ...')).toEqual([]);
  });
  it('stems only tokens longer than 3 characters and drops invalid stems', () => {
    const seen: string[] = [];
    const stem = (t: string) => {
      seen.push(t);
      return t === 'gone' ? '' : t === 'runs' ? 'RUN' : t.slice(0, 3);
    };
    expect(rougeTokenize('the cats runs gone', stem)).toEqual(['the', 'cat']);
    expect(seen).toEqual(['cats', 'runs', 'gone']);
  });
});

describe('rougeN', () => {
  it('counts n-gram overlaps with multiset minimums', () => {
    const r = rougeN('the cat the mat', 'the the the cat', 1);
    expect(r.details.overlaps).toEqual([
      { ngram: ['the'], referenceCount: 2, inputCount: 3, overlap: 2 },
      { ngram: ['cat'], referenceCount: 1, inputCount: 1, overlap: 1 },
    ]);
    expect(r.details.precision).toBe(3 / 4);
    expect(r.details.recall).toBe(3 / 4);
    expect(r.score).toBe(fmeasure(0.75, 0.75));
  });
  it('is 0 when a side is shorter than n, and when either side is empty', () => {
    expect(rougeN('a b c', 'a b', 3).score).toBe(0);
    expect(rougeN('', 'a', 1).score).toBe(0);
    expect(rougeN('a', '', 1).score).toBe(0);
    expect(rougeN('', '', 1).score).toBe(0);
  });
  it('rejects n < 1 as rouge-score does', () => {
    expect(() => rougeN('a', 'a', 0)).toThrow(RangeError);
  });
  it('single token', () => expect(rougeN('a', 'A.', 1).score).toBe(1));
});

describe('rougeL', () => {
  it('reports one LCS with the token indices on both sides (rouge-score backtrack)', () => {
    const r = rougeL('a b c d', 'b x d a');
    expect(r.details.lcsLength).toBe(2);
    expect(r.details.lcs).toEqual([
      { referenceIndex: 1, inputIndex: 0, token: 'b' },
      { referenceIndex: 3, inputIndex: 2, token: 'd' },
    ]);
    expect(r.details.precision).toBe(0.5);
    expect(r.details.recall).toBe(0.5);
  });
  it('gives all zeros when a side has no token', () => {
    const r = rougeL('!!!', 'a');
    expect([r.score, r.details.precision, r.details.recall]).toEqual([0, 0, 0]);
  });
  it('computes the length without a table for very long inputs', () => {
    // 5001 × 4001 cells is above the table limit. b = a[0:2000] + reversed(a[2000:4000]): LCS = 2000 + 1.
    const a = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const b = [...a.slice(0, 2000), ...a.slice(2000, 4000).reverse()];
    const big = rougeLTokens(a, b);
    expect(big.details.lcs).toBeNull();
    expect(big.details.lcsLength).toBe(2001);
    const small = rougeLTokens(a.slice(0, 200), [...a.slice(0, 100), ...a.slice(100, 200).reverse()]);
    expect(small.details.lcsLength).toBe(101);
    expect(small.details.lcs!.length).toBe(101);
  });
  it('is plain JSON', () => {
    const r = rougeL('the cat sat', 'the cat');
    expect(JSON.parse(JSON.stringify(r.details))).toEqual(r.details);
    expect(r.details.kind).toBe('rouge');
  });
});
