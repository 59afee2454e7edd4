import { describe, expect, it } from 'vitest';
import { AsciiTokenPair } from './ascii-tokens.ts';
import { decomposeTokens, partial_token_ratio, token_ratio, token_set_ratio, token_sort_ratio, WRatio } from './fuzzy.ts';
import { setWasmKernel } from './lcs.ts';
import { pySorted, pySplit } from './tokenize.ts';

/** mulberry32, seeded so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words that share 5+ leading bytes, prefixes of each other, duplicates, and every ASCII whitespace Python splits on.
const WORDS = ['abcde', 'abcdef', 'abcdeg', 'abcdefgh', 'abc', 'ab', 'a', 'b', 'Z', '~~', 'zz', 'the', 'then', 'there', '0', '!x'];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\x0b', '\x0c', '\r', '\x1c', '\x1f'];

function sentence(next: () => number, n: number): string {
  let s = next() < 0.2 ? SPACES[Math.floor(next() * SPACES.length)]! : '';
  for (let k = 0; k < n; k++) {
    if (k) s += SPACES[Math.floor(next() * SPACES.length)]!;
    s += WORDS[Math.floor(next() * WORDS.length)]!;
  }
  return next() < 0.2 ? s + ' ' : s;
}

describe('AsciiTokenPair (token scorers on bytes)', () => {
  it('sorts, splits and decomposes like pySplit + pySorted + decomposeTokens', () => {
    const next = rng(77);
    const pair = new AsciiTokenPair();
    for (let trial = 0; trial < 300; trial++) {
      const s1 = sentence(next, Math.floor(next() * 30));
      const s2 = sentence(next, Math.floor(next() * 30));
      expect(pair.load(s1, s2)).toBe(true);
      const a = pySorted(pySplit(s1));
      const b = pySorted(pySplit(s2));
      const d = decomposeTokens(a, b);
      const joined = (t: string[]) => t.join(' ').length;
      expect([pair.countA, pair.countB]).toEqual([a.length, b.length]);
      expect([pair.sectCount, pair.abCount, pair.baCount]).toEqual([d.intersection.length, d.diffAB.length, d.diffBA.length]);
      expect([pair.sectLen, pair.abLen, pair.baLen]).toEqual([joined(d.intersection), joined(d.diffAB), joined(d.diffBA)]);
      expect([pair.sortedLenA, pair.sortedLenB]).toEqual([joined(a), joined(b)]);
    }
  });

  it('writes the sorted lists and the differences in Python sort order, bytes 0x00 and 0x7f and 1-9 byte tokens included', () => {
    const next = rng(4711);
    const pair = new AsciiTokenPair();
    const bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
    const word = () => {
      const n = 1 + Math.floor(next() * 9);
      let w = '';
      for (let i = 0; i < n; i++) w += '\x00a\x7fb~A'[Math.floor(next() * 6)];
      return w;
    };
    for (let trial = 0; trial < 300; trial++) {
      const words = (n: number) => Array.from({ length: n }, word).join(' ');
      const s1 = words(Math.floor(next() * 25));
      const s2 = words(Math.floor(next() * 25));
      expect(pair.load(s1, s2)).toBe(true);
      const a = pySorted(pySplit(s1));
      const b = pySorted(pySplit(s2));
      const d = decomposeTokens(a, b);
      const [x, y] = pair.joinedSorted();
      expect([Array.from(x), Array.from(y)]).toEqual([bytes(a.join(' ')), bytes(b.join(' '))]);
      const [u, v] = pair.joinedDiff();
      expect([Array.from(u), Array.from(v)]).toEqual([bytes(d.diffAB.join(' ')), bytes(d.diffBA.join(' '))]);
    }
  });

  it('refuses non-ASCII strings (the general path takes them)', () => {
    const pair = new AsciiTokenPair();
    expect(pair.load('caf\u00e9 au lait', 'cafe')).toBe(false);
    expect(pair.load('cafe', 'a\ud83d\ude00b')).toBe(false);
    expect(pair.load('x'.repeat(100) + '\u0100', 'y')).toBe(false);
    expect(pair.load('plain words', 'plain')).toBe(true);
  });

  it('gives the token scorers, partial_token_ratio and WRatio the same scores as the general (string) path', () => {
    const next = rng(4711);
    const scorers = { token_sort_ratio, token_set_ratio, token_ratio, partial_token_ratio, WRatio };
    for (let trial = 0; trial < 400; trial++) {
      // Short and long (multi-word kernels) sentences, and some with a score cutoff.
      const long = trial % 4 === 0;
      const s1 = sentence(next, Math.floor(next() * (long ? 120 : 12)));
      const s2 = sentence(next, Math.floor(next() * (long ? 120 : 12)));
      const opts = trial % 3 === 0 ? { scoreCutoff: Math.floor(next() * 100) } : undefined;
      for (const [name, f] of Object.entries(scorers)) {
        const bytes = f(s1, s2, opts);
        setWasmKernel(false);
        try {
          expect([name, bytes]).toEqual([name, f(s1, s2, opts)]);
        } finally {
          setWasmKernel(true);
        }
      }
    }
  });
});
