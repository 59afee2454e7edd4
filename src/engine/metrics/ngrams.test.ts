import { describe, expect, it } from 'vitest';
import { ngramAt, NgramIndex, scratch } from './ngrams.ts';
import { pySplit } from './tokenize.ts';

/** Reference: n-grams are equal exactly when their token tuples are equal (JSON of the tuple as the key). */
function checkAgainstTuples(sequences: string[][], maxN: number) {
  const index = new NgramIndex(sequences);
  for (let n = 1; n <= maxN; n++) {
    const byKey = new Map<string, number>();
    const ids = new Set<number>();
    sequences.forEach((seq, s) => {
      const got = index.ids(s, n);
      expect(got.length).toBe(Math.max(0, seq.length - n + 1));
      got.forEach((id, i) => {
        const key = JSON.stringify(seq.slice(i, i + n));
        const seen = byKey.get(key);
        if (seen === undefined) {
          expect(ids.has(id)).toBe(false);
          byKey.set(key, id);
          ids.add(id);
        } else expect(id).toBe(seen);
        expect(id).toBeLessThan(index.size(n));
      });
    });
    expect(index.size(n)).toBe(byKey.size);
  }
}

let seed = 42;
const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);

describe('NgramIndex', () => {
  it('gives equal ids to equal tuples only (small input: direct table)', () => {
    const vocab = ['a', 'b', 'c', 'a b', 'a,b', '', '🍕'];
    const seqs = Array.from({ length: 4 }, () => Array.from({ length: 30 }, () => vocab[rnd(vocab.length)]!));
    checkAgainstTuples(seqs, 5);
  });

  it('gives equal ids to equal tuples only (large input: hash table)', () => {
    const seqs = Array.from({ length: 2 }, () => Array.from({ length: 3000 }, () => `w${rnd(300)}`));
    checkAgainstTuples(seqs, 4);
  });

  it('handles empty sequences and sequences shorter than n', () => {
    checkAgainstTuples([[], ['x'], ['x', 'y']], 3);
  });

  it('successive indexes do not leak ids into each other', () => {
    checkAgainstTuples([['p', 'q', 'p', 'q']], 2);
    checkAgainstTuples([['q', 'p', 'r']], 2);
  });
});

describe('NgramIndex.split', () => {
  const texts = [
    '  the cat\tsat\u3000on the\x1cmat\x85 the cat ',
    'the\u00a0cat 🍕 a\ufeffb a\u200bb the cat',
    '',
    '   ',
    'x',
    // Equal FNV-1a hashes, equal and different lengths: told apart by their characters.
    'yaczf glbpp yaczf costarring liquid glbpp',
  ];

  it('gives the tokens of Python str.split() and the ids of the index built from them', () => {
    for (let a = 0; a < texts.length; a++) {
      for (let b = 0; b < texts.length; b++) {
        const { index, tokens } = NgramIndex.split([texts[a]!, texts[b]!]);
        expect(tokens).toEqual([pySplit(texts[a]!), pySplit(texts[b]!)]);
        const ids = [0, 1].map((s) => [1, 2, 3, 4].map((n) => index.ids(s, n)));
        const sizes = [1, 2, 3, 4].map((n) => index.size(n));
        const plain = new NgramIndex(tokens);
        expect([0, 1].map((s) => [1, 2, 3, 4].map((n) => plain.ids(s, n)))).toEqual(ids);
        expect([1, 2, 3, 4].map((n) => plain.size(n))).toEqual(sizes);
      }
    }
    checkAgainstTuples(NgramIndex.split(texts).tokens, 3);
  });

  it('tells apart tokens whose hashes are equal', () => {
    const { index, tokens } = NgramIndex.split(['yaczf glbpp yaczf costarring', 'liquid glbpp']);
    expect(tokens).toEqual([['yaczf', 'glbpp', 'yaczf', 'costarring'], ['liquid', 'glbpp']]);
    expect(index.tokens(0)).toEqual([0, 1, 0, 2]);
    expect(index.tokens(1)).toEqual([3, 1]);
    expect(new NgramIndex([['', 'costarring', ''], ['liquid', '']]).tokens(0)).toEqual([0, 1, 0]);
  });

  it('repeated tokens share one string', () => {
    const { tokens } = NgramIndex.split(['ab cd ab', 'cd ab']);
    expect(tokens[0]![2]).toBe(tokens[0]![0]);
    expect(tokens[1]![1]).toBe(tokens[0]![0]);
  });
});

describe('NgramIndex buffers', () => {
  it('an index replaced by a newer one refuses to answer instead of giving its ids', () => {
    const old = new NgramIndex([['a', 'b', 'c']]);
    expect(old.ids(0, 2)).toEqual([0, 1]);
    const next = new NgramIndex([['c', 'c', 'c']]);
    expect(() => old.ids(0, 3)).toThrow(/newer index/);
    expect(() => old.size(2)).toThrow(/newer index/);
    expect(next.ids(0, 2)).toEqual([0, 0]);
  });

  it('start and count locate each sequence in the shared level buffer', () => {
    const index = new NgramIndex([['a', 'b', 'a', 'b'], [], ['b', 'a']]);
    const level = index.level(2);
    expect([0, 1, 2].map((s) => [index.start(s), index.count(s, 2)])).toEqual([[0, 3], [4, 0], [4, 1]]);
    expect(Array.from(level.subarray(0, 3))).toEqual([0, 1, 0]);
    expect(level[4]).toBe(1);
    expect(index.count(2, 3)).toBe(0);
  });
});

describe('ngramAt', () => {
  it('is tokens.slice(start, start + n) for every order', () => {
    const toks = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let n = 1; n <= 6; n++) for (let i = 0; i + n <= toks.length; i++) expect(ngramAt(toks, i, n)).toEqual(toks.slice(i, i + n));
  });
});

describe('scratch', () => {
  it('is zeroed on every call', () => {
    const a = scratch(10);
    a.fill(7);
    const b = scratch(10);
    expect(Array.from(b.subarray(0, 10))).toEqual(Array(10).fill(0));
  });
});
