import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSurrogate, indelDistance, lcsAlignment, lcsLength, lcsLengthString, lcsPrefixes, lcsSlots, PatternMatchVector, setWasmKernel } from './lcs.ts';
import { wasmLcs } from './lcs-wasm.ts';
import { toCodePoints } from './tokenize.ts';

/** The textbook O(n·m) dynamic programme: the oracle for the bit-parallel code. */
function dpLcs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCps(next: () => number, len: number, alphabet: number[]): number[] {
  return Array.from({ length: len }, () => alphabet[Math.floor(next() * alphabet.length)] as number);
}

const ALPHABETS = [
  [0x61, 0x62],
  [0x61, 0x62, 0x63, 0x64, 0x20],
  [0x61, 0x1f600, 0x4e00, 0xe9, 0x301, 0x20, 0x10ffff],
  Array.from({ length: 40 }, (_, i) => 0x41 + i),
];

it('compiles the wasm kernel in Node', () => {
  expect(wasmLcs()).toBeDefined();
});

for (const kernel of ['wasm', 'js'] as const) {
  describe(`${kernel} kernel`, () => {
    beforeAll(() => setWasmKernel(kernel === 'wasm'));
    afterAll(() => setWasmKernel(true));
  describe('lcsLength', () => {
    it('handles empty and identical inputs', () => {
      expect(lcsLength([], [])).toBe(0);
      expect(lcsLength([1, 2], [])).toBe(0);
      expect(lcsLength([1, 2, 3], [1, 2, 3])).toBe(3);
      expect(indelDistance(toCodePoints('lewenstein'), toCodePoints('levenshtein'))).toBe(3);
    });

    it('equals the DP on seeded random strings of 0..300 code points (multi-word blocks)', () => {
      const next = rng(12345);
      for (let k = 0; k < 400; k++) {
        const alphabet = ALPHABETS[k % ALPHABETS.length] as number[];
        const a = randomCps(next, Math.floor(next() * 300), alphabet);
        const b = randomCps(next, Math.floor(next() * 300), alphabet);
        expect(lcsLength(a, b)).toBe(dpLcs(a, b));
      }
    });

    it('is right at the word boundaries (29..31, 59..61, 89..91, 119..121 chars)', () => {
      const next = rng(7);
      for (const n of [1, 29, 30, 31, 59, 60, 61, 64, 65, 89, 90, 91, 119, 120, 121, 128, 129]) {
        for (let k = 0; k < 5; k++) {
          const a = randomCps(next, n, [1, 2, 3]);
          const b = randomCps(next, n + k * 7, [1, 2, 3]);
          expect(lcsLength(a, b)).toBe(dpLcs(a, b));
          expect(lcsLength(b, a)).toBe(dpLcs(a, b));
        }
      }
    });

    it('property: equals the DP and is symmetric', () => {
      const cp = fc.constantFrom(0x61, 0x62, 0x63, 0x20, 0x1f355, 0xffff);
      fc.assert(
        fc.property(fc.array(cp, { maxLength: 150, size: 'max' }), fc.array(cp, { maxLength: 150, size: 'max' }), (a, b) => {
          const d = dpLcs(a, b);
          expect(lcsLength(a, b)).toBe(d);
          expect(lcsLength(b, a)).toBe(d);
          expect(indelDistance(a, b)).toBe(a.length + b.length - 2 * d);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('banded LCS (with a minimum)', () => {
    function mutate(next: () => number, src: number[], rate: number, alphabet: number[]): number[] {
      const out: number[] = [];
      for (const c of src) {
        const r = next();
        if (r < rate / 3) continue;
        if (r < (2 * rate) / 3) out.push(alphabet[Math.floor(next() * alphabet.length)] as number);
        else out.push(c);
        if (next() < rate / 3) out.push(alphabet[Math.floor(next() * alphabet.length)] as number);
      }
      return out;
    }
    it('is exact at or above the minimum and below it otherwise', () => {
      const next = rng(4242);
      let banded = 0;
      for (let k = 0; k < 300; k++) {
        const alphabet = ALPHABETS[k % ALPHABETS.length] as number[];
        const a = randomCps(next, 60 + Math.floor(next() * 400), alphabet);
        const b = mutate(next, a, next() * 0.3, alphabet);
        const truth = dpLcs(a, b);
        for (const minLcs of [truth - 7, truth - 1, truth, truth + 1, truth + 9, Math.floor(truth / 2)]) {
          if (minLcs < 0) continue;
          const got = lcsLength(a, b, minLcs);
          if (truth >= minLcs) expect(got).toBe(truth);
          else expect(got).toBeLessThan(minLcs);
          // the same through the kernel alone (no affix stripping)
          const pm = new PatternMatchVector(a);
          const viaKernel = lcsSlots(pm, pm.slotsOf(b), 0, b.length, minLcs);
          if (truth >= minLcs) expect(viaKernel).toBe(truth);
          else expect(viaKernel).toBeLessThan(minLcs);
          if (a.length - minLcs + b.length - minLcs < 30 * (pm.words - 3)) banded++;
        }
      }
      expect(banded).toBeGreaterThan(100); // the band really was narrower than the pattern
    });
  });
  });
}

describe('pattern-match kernels', () => {
  it('lcsPrefixes gives the LCS of every prefix', () => {
    const next = rng(99);
    for (let k = 0; k < 30; k++) {
      const p = randomCps(next, 1 + Math.floor(next() * 140), [1, 2, 3, 4, 300, 70000]);
      const t = randomCps(next, 1 + Math.floor(next() * 140), [1, 2, 3, 4, 5, 300, 70000]);
      const pm = new PatternMatchVector(p);
      const slots = pm.slotsOf(t);
      const out = new Int32Array(t.length);
      lcsPrefixes(pm, slots, 0, t.length, out);
      for (let i = 0; i < t.length; i++) expect(out[i]).toBe(dpLcs(p, t.slice(0, i + 1)));
      expect(lcsSlots(pm, slots, 0, t.length)).toBe(dpLcs(p, t));
    }
  });

  it('a reversed pattern and reversed text give suffix LCS', () => {
    const p = [5, 1, 2, 3, 9];
    const t = [1, 2, 7, 3, 9, 5];
    const pm = new PatternMatchVector(p, 0, p.length, true);
    const slots = pm.slotsOf(t, 0, t.length, true);
    const out = new Int32Array(t.length);
    lcsPrefixes(pm, slots, 0, t.length, out);
    for (let k = 1; k <= t.length; k++) expect(out[k - 1]).toBe(dpLcs(p, t.slice(t.length - k)));
  });

  it('can be rebuilt for a new pattern', () => {
    const pm = new PatternMatchVector();
    for (const s of ['abc', 'x'.repeat(100) + 'é', '🍕🍕a', '']) {
      const p = toCodePoints(s);
      pm.build(p);
      const t = toCodePoints('a🍕bxé');
      expect(lcsSlots(pm, pm.slotsOf(t), 0, t.length)).toBe(dpLcs(p, t));
    }
  });
});

describe('lcsAlignment', () => {
  it('returns a valid common subsequence of maximal length', () => {
    const cp = fc.constantFrom(0x61, 0x62, 0x63, 0x20, 0x1f355);
    fc.assert(
      fc.property(fc.array(cp, { maxLength: 130, size: 'max' }), fc.array(cp, { maxLength: 130, size: 'max' }), (a, b) => {
        const pairs = lcsAlignment(a, b);
        expect(pairs.length / 2).toBe(dpLcs(a, b));
        for (let k = 0; k < pairs.length; k += 2) {
          const i = pairs[k] as number;
          const j = pairs[k + 1] as number;
          expect(a[i]).toBe(b[j]);
          if (k > 0) {
            expect(i).toBeGreaterThan(pairs[k - 2] as number);
            expect(j).toBeGreaterThan(pairs[k - 1] as number);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('follows rapidfuzz Indel.opcodes on its documented example', () => {
    // Indel.opcodes("qabxcd", "abycdf"): equal a[1:3] b[0:2], equal a[4:6] b[3:5]
    const pairs = Array.from(lcsAlignment(toCodePoints('qabxcd'), toCodePoints('abycdf')));
    expect(pairs).toEqual([1, 0, 2, 1, 4, 3, 5, 4]);
  });
});

describe('lcsLengthString (strings read in place; -1 for surrogates)', () => {
  const BMP = [
    [0x61, 0x62],
    [0x61, 0x62, 0x63, 0x64, 0x20],
    [0x61, 0x4e00, 0xe9, 0x301, 0x20, 0xffff],
    Array.from({ length: 40 }, (_, i) => 0x41 + i),
  ];
  const str = (cps: number[]) => String.fromCharCode(...cps);
  for (const kernel of ['wasm', 'js'] as const) {
    it(`equals lcsLength on the same code points (${kernel} kernel), short and long, with and without a minimum`, () => {
      setWasmKernel(kernel === 'wasm');
      try {
        const next = rng(99);
        for (let trial = 0; trial < 300; trial++) {
          const alphabet = BMP[trial % BMP.length]!;
          const a = randomCps(next, Math.floor(next() * (trial % 3 === 0 ? 200 : 40)), alphabet);
          const b = randomCps(next, Math.floor(next() * (trial % 3 === 0 ? 200 : 40)), alphabet);
          const want = lcsLength(a, b);
          expect(lcsLengthString(str(a), str(b))).toBe(want);
          if (want > 0) expect(lcsLengthString(str(a), str(b), want)).toBe(want);
        }
      } finally {
        setWasmKernel(true);
      }
    });
  }

  it('handles patterns past 8192 characters (Latin-1 in wasm, others in JS) and shorter ones after them', () => {
    const next = rng(7);
    for (const [len, alphabet] of [
      [9000, [0x61, 0x62, 0x63]],
      [200, [0x61, 0x62, 0x63, 0x20]],
      [20_000, [0x61, 0x62, 0x63, 0x64]],
      [8500, [0x61, 0x4e00, 0xe9]],
      [100, [0x61, 0x4e00]],
    ] as Array<[number, number[]]>) {
      const a = randomCps(next, len, alphabet);
      const b = randomCps(next, Math.floor(len * 0.8), alphabet);
      setWasmKernel(false);
      const js = lcsLength(a, b);
      setWasmKernel(true);
      expect(lcsLength(a, b)).toBe(js);
      expect(lcsLengthString(str(a), str(b))).toBe(js);
    }
    expect(lcsLengthString('a'.repeat(10), 'b'.repeat(10))).toBe(0);
  });

  it('reads ASCII strings as bytes (and falls back for any other character) with the exact LCS', () => {
    const next = rng(2024);
    for (let trial = 0; trial < 200; trial++) {
      const a = randomCps(next, 31 + Math.floor(next() * 270), [0x61, 0x62, 0x63, 0x20, 0x7f]);
      const b = randomCps(next, 31 + Math.floor(next() * 270), [0x61, 0x62, 0x63, 0x20, 0x00]);
      // Some trials put one non-ASCII character (Latin-1 or beyond) in the pattern or the text, at any place.
      if (trial % 4 === 1) a[Math.floor(next() * a.length)] = 0xe9;
      if (trial % 4 === 2) b[Math.floor(next() * b.length)] = 0x4e00;
      const want = dpLcs(a, b);
      expect(lcsLengthString(str(a), str(b))).toBe(want);
      expect(lcsLengthString(str(b), str(a))).toBe(want);
      if (want > 0) expect(lcsLengthString(str(a), str(b), want)).toBe(want);
    }
  });

  it('equals the DP at every word count of the one-call wasm kernels (1..8 words) and past it, at word edges', () => {
    const next = rng(4242);
    const edges = [31, 63, 64, 65, 127, 128, 129, 191, 192, 193, 255, 256, 257, 320, 383, 384, 448, 511, 512, 513, 600];
    for (const len of edges) {
      for (const alphabet of [[0x61], [0x61, 0x62], [0x61, 0x62, 0x63, 0x20, 0x7e]]) {
        const a = randomCps(next, len, alphabet);
        // The text is shorter or as long (the longer string is the pattern); runs of one character make long carries.
        const b = randomCps(next, Math.max(1, len - Math.floor(next() * 40)), alphabet);
        const want = dpLcs(a, b);
        expect(lcsLengthString(str(a), str(b))).toBe(want);
        expect(lcsLengthString(str(b), str(a))).toBe(want);
      }
    }
  });

  it('takes the common affix off 8 bytes at a time exactly: every prefix and suffix length around word edges', () => {
    const next = rng(808);
    const lens = [0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 40];
    for (const pre of lens) {
      for (const suf of lens) {
        const head = randomCps(next, pre, [0x61, 0x62, 0x63]);
        const tail = randomCps(next, suf, [0x61, 0x62, 0x63]);
        // Middles that differ at their first and last byte (or are empty), so the affix is exactly pre and suf.
        for (const [m1, m2] of [
          [[0x78, ...randomCps(next, 30, [0x61, 0x62]), 0x79], [0x7a, ...randomCps(next, 25, [0x61, 0x62]), 0x77]],
          [[], [0x7a, ...randomCps(next, 33, [0x61, 0x62]), 0x77]],
          [[0x78], []],
        ]) {
          const a = [...head, ...m1!, ...tail];
          const b = [...head, ...m2!, ...tail];
          if (a.length <= 30 && b.length <= 30) continue; // the byte path is for longer strings
          const want = dpLcs(a, b);
          expect(lcsLengthString(str(a), str(b))).toBe(want);
          expect(lcsLengthString(str(b), str(a))).toBe(want);
          if (want > 0) expect(lcsLengthString(str(a), str(b), want)).toBe(want);
        }
      }
    }
  });

  it('returns -1 when either string holds a surrogate, wherever it sits (affix, middle, leftover)', () => {
    const cases: Array<[string, string]> = [
      ['a😀b', 'a😀c'], // in the common prefix
      ['xa😀', 'ya😀'], // in the common suffix
      ['a', 'a😀'], // in what is left of the longer one after the affix
      ['ab😀', 'ba'], // in a short pattern
      ['ab', 'b\ud800a'], // a lone surrogate in a short text
      ['a'.repeat(40) + '😀' + 'b'.repeat(40), 'b'.repeat(70)], // in a long pattern (wasm, or JS)
      ['c'.repeat(100), 'c😀d'.repeat(20)], // in a long text
    ];
    for (const kernel of [true, false]) {
      setWasmKernel(kernel);
      try {
        for (const [a, b] of cases) {
          expect(lcsLengthString(a, b)).toBe(-1);
          expect(lcsLengthString(b, a)).toBe(-1);
        }
      } finally {
        setWasmKernel(true);
      }
    }
  });

  it('hasSurrogate finds lone and paired surrogates only', () => {
    expect(hasSurrogate('plain é 中')).toBe(false);
    expect(hasSurrogate('a😀b')).toBe(true);
    expect(hasSurrogate('\ud800')).toBe(true);
    expect(hasSurrogate('\udfff')).toBe(true);
  });
});
