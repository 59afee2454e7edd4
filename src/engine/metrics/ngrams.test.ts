import { describe, expect, it } from 'vitest';
import { NgramIndex, scratch } from './ngrams.ts';

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

describe('scratch', () => {
  it('is zeroed on every call', () => {
    const a = scratch(10);
    a.fill(7);
    const b = scratch(10);
    expect(Array.from(b.subarray(0, 10))).toEqual(Array(10).fill(0));
  });
});
