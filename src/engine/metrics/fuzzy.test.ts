import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  default_process,
  explainFuzzy,
  FUZZY_SCORERS,
  indelDistance,
  lcsLength,
  partial_ratio,
  partial_ratio_alignment,
  partial_token_ratio,
  partial_token_set_ratio,
  partial_token_sort_ratio,
  QRatio,
  ratio,
  token_ratio,
  token_set_ratio,
  token_sort_ratio,
  WRatio,
  type FuzzyScorer,
} from './fuzzy.ts';
import { toCodePoints } from './tokenize.ts';

interface Vector {
  id: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}

const golden = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/text-metrics.json', import.meta.url), 'utf8'),
) as { vectors: Vector[] };

const GOLDEN_METRICS: Record<string, [FuzzyScorer, boolean]> = {
  ratio: [ratio, false],
  partial_ratio: [partial_ratio, false],
  token_sort_ratio: [token_sort_ratio, false],
  token_set_ratio: [token_set_ratio, false],
  WRatio: [WRatio, false],
  QRatio: [QRatio, false],
  'ratio[default_process]': [ratio, true],
  'WRatio[default_process]': [WRatio, true],
};

const fuzzyVectors = golden.vectors.filter((v) => v.metric in GOLDEN_METRICS);

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12;
}

describe('golden vectors (rapidfuzz 3.14.5, checked against rapidfuzz-cpp)', () => {
  it('covers every fuzzy metric', () => {
    expect(fuzzyVectors.length).toBe(8 * 35);
  });
  it.each(fuzzyVectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const [scorer, processor] = GOLDEN_METRICS[v.metric] as [FuzzyScorer, boolean];
    const got = scorer(v.input, v.reference, { processor });
    expect(close(got, v.expected), `${got} vs ${v.expected}`).toBe(true);
    // The explanation reports the same score.
    const name = v.metric.replace('[default_process]', '') as keyof typeof FUZZY_SCORERS;
    expect(explainFuzzy(v.input, v.reference, name, { processor }).score).toBe(got);
  });
});

/* Oracle: rapidfuzz's pure-Python fallback transcribed naively (every window, plain DP LCS). */
function dpLcs(a: number[], b: number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    prev = cur;
  }
  return prev[b.length] as number;
}
function naiveRatio(a: number[], b: number[]): number {
  const lensum = a.length + b.length;
  return lensum ? (1.0 - (lensum - 2 * dpLcs(a, b)) / lensum) * 100 : 100;
}
function naivePartial(s1: string, s2: string): number {
  const a = Array.from(toCodePoints(s1));
  const b = Array.from(toCodePoints(s2));
  if (!a.length && !b.length) return 100;
  if (!a.length || !b.length) return 0;
  const one = (x: number[], y: number[]): number => {
    let best = 0;
    for (let i = 1; i < x.length; i++) best = Math.max(best, naiveRatio(x, y.slice(0, i)));
    for (let i = 0; i <= y.length - x.length; i++) best = Math.max(best, naiveRatio(x, y.slice(i, i + x.length)));
    for (let i = y.length - x.length + 1; i < y.length; i++) best = Math.max(best, naiveRatio(x, y.slice(i)));
    return best;
  };
  const r = a.length <= b.length ? one(a, b) : one(b, a);
  return r !== 100 && a.length === b.length ? Math.max(r, one(b, a)) : r;
}

const text = (alphabet: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength, size: 'max' }).map((cs) => cs.join(''));
/** A string and an edited copy (deletions, insertions, substitutions): the pairs fuzzy matching is for. */
const similarPair = (alphabet: string[], maxLength: number) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...alphabet), { maxLength, size: 'max' }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet), fc.constantFrom('del', 'ins', 'sub')), { maxLength: 12 }),
    )
    .map(([base, edits]) => {
      const copy = base.slice();
      for (const [pos, ch, op] of edits) {
        const i = copy.length ? pos % copy.length : 0;
        if (op === 'del') copy.splice(i, 1);
        else if (op === 'ins') copy.splice(i, 0, ch);
        else copy[i] = ch;
      }
      return [base.join(''), copy.join('')] as [string, string];
    });
const WORDY = ['a', 'b', 'c', ' ', 'ab', 'the ', '🍕', 'é', '\u2028', '\x1c'];

describe('ratio', () => {
  it('follows the rapidfuzz docstrings', () => {
    expect(ratio('this is a test', 'this is a test!')).toBeCloseTo(96.55172413793103, 12);
    expect(ratio('', '')).toBe(100);
    expect(ratio('', 'a')).toBe(0);
    expect(QRatio('', '')).toBe(0);
    expect(QRatio('this is a test', 'this is a test!')).toBeCloseTo(96.55172413793103, 12);
  });
  it('counts code points: an emoji is one character', () => {
    // 'a🍕' vs 'a': LCS 1 of 2+1 -> 66.67 in Python; UTF-16 would say 2*1/(3+1) = 50.
    expect(ratio('a🍕', 'a')).toBe((1.0 - 1 / 3) * 100);
    expect(ratio('👍🏽', '👍')).toBe((1.0 - 1 / 3) * 100);
    // combining marks are separate code points
    expect(ratio('e\u0301', 'é')).toBe(0);
    expect(ratio('cafe\u0301', 'cafe')).toBe((1.0 - 1 / 9) * 100);
  });
  it('equals the naive formula on random strings, long ones included', () => {
    fc.assert(
      fc.property(text(WORDY, 120), text(WORDY, 120), (a, b) => {
        expect(ratio(a, b)).toBe(naiveRatio(Array.from(toCodePoints(a)), Array.from(toCodePoints(b))));
      }),
      { numRuns: 200 },
    );
  });
  it('equals the naive formula on similar pairs', () => {
    fc.assert(
      fc.property(similarPair(WORDY, 120), ([a, b]) => {
        expect(ratio(a, b)).toBe(naiveRatio(Array.from(toCodePoints(a)), Array.from(toCodePoints(b))));
      }),
      { numRuns: 200 },
    );
  });
  it('applies score_cutoff', () => {
    expect(ratio('abcd', 'abce', { scoreCutoff: 80 })).toBe(0);
    expect(ratio('abcd', 'abce', { scoreCutoff: 75 })).toBe(75);
    expect(ratio('abcd', 'abcd', { scoreCutoff: 100 })).toBe(100);
  });
  it('exposes Indel distance and LCS on code points', () => {
    expect(indelDistance(toCodePoints('lewenstein'), toCodePoints('levenshtein'))).toBe(3);
    expect(lcsLength(toCodePoints('🍕a🍕'), toCodePoints('🍕🍕'))).toBe(2);
  });
});

describe('partial_ratio', () => {
  it('follows the rapidfuzz docstrings', () => {
    expect(partial_ratio('this is a test', 'this is a test!')).toBe(100);
    const al = partial_ratio_alignment('a certain string', 'cetain');
    expect(al).toEqual({ score: 83.33333333333334, src_start: 2, src_end: 8, dest_start: 0, dest_end: 6 });
  });
  it('handles empty strings', () => {
    expect(partial_ratio('', '')).toBe(100);
    expect(partial_ratio('', 'abc')).toBe(0);
    expect(partial_ratio('abc', '')).toBe(0);
    expect(partial_ratio('a', 'b')).toBe(0);
  });
  it('equals the exhaustive definition on random strings (all windows, DP LCS)', () => {
    fc.assert(
      fc.property(text(WORDY, 40), text(WORDY, 90), (a, b) => {
        expect(partial_ratio(a, b)).toBe(naivePartial(a, b));
        expect(partial_ratio(b, a)).toBe(naivePartial(b, a));
      }),
      { numRuns: 300 },
    );
  });
  it('equals the exhaustive definition on similar pairs', () => {
    fc.assert(
      fc.property(similarPair(WORDY, 50), ([a, b]) => {
        expect(partial_ratio(a, b)).toBe(naivePartial(a, b));
      }),
      { numRuns: 200 },
    );
  });
  it('is exact for long needles (> 64 and > 128 code points) in longer texts', () => {
    const next = mulberry32(2024);
    const pick = (n: number) => Array.from({ length: n }, () => 'abcde fgh'[Math.floor(next() * 9)]).join('');
    for (let k = 0; k < 12; k++) {
      const needle = pick(60 + Math.floor(next() * 90));
      const hay = pick(10) + needle.slice(5) + pick(Math.floor(next() * 120));
      expect(partial_ratio(needle, hay)).toBe(naivePartial(needle, hay));
    }
  });
  it('reports an alignment whose ratio is the score', () => {
    fc.assert(
      fc.property(text(WORDY, 30), text(WORDY, 60), (a, b) => {
        const al = partial_ratio_alignment(a, b);
        const ca = Array.from(toCodePoints(a));
        const cb = Array.from(toCodePoints(b));
        if (al.score === 0) return;
        expect(naiveRatio(ca.slice(al.src_start, al.src_end), cb.slice(al.dest_start, al.dest_end))).toBe(al.score);
      }),
      { numRuns: 200 },
    );
  });
});

describe('token scorers', () => {
  it('follow the rapidfuzz docstrings', () => {
    expect(token_sort_ratio('fuzzy wuzzy was a bear', 'wuzzy fuzzy was a bear')).toBe(100);
    expect(token_set_ratio('fuzzy was a bear', 'fuzzy fuzzy was a bear')).toBe(100);
    expect(token_set_ratio('fuzzy was a bear but not a dog', 'fuzzy was a bear')).toBe(100);
    expect(token_set_ratio('fuzzy was a bear but not a dog', 'fuzzy was a bear but not a cat')).toBe(92.3076923076923);
  });
  it('token_set_ratio is 0 without tokens, even for two empty strings', () => {
    expect(token_set_ratio('', '')).toBe(0);
    expect(token_set_ratio('  ', 'a')).toBe(0);
    expect(token_sort_ratio('', '')).toBe(100);
    expect(partial_token_set_ratio('', 'a')).toBe(0);
  });
  it('split on Python whitespace only (\\x1c and \\u2028 split, \\ufeff does not)', () => {
    expect(token_sort_ratio('b\x1ca', 'a b')).toBe(100);
    expect(token_sort_ratio('b\u2028a', 'a b')).toBe(100);
    expect(token_sort_ratio('b\ufeffa', 'a b')).toBeLessThan(100);
  });
  it('sort tokens by code point like Python', () => {
    // sorted(['\uffff', '😀']) puts '\uffff' first; JS sort would not.
    expect(token_sort_ratio('😀 \uffff', '\uffff 😀')).toBe(100);
    expect(token_sort_ratio('😀 \uffff', '\uffff😀')).toBe((1.0 - 1 / 5) * 100);
  });
  it('token_ratio is the max of set and sort', () => {
    fc.assert(
      fc.property(text(WORDY, 40), text(WORDY, 40), (a, b) => {
        expect(token_ratio(a, b)).toBe(Math.max(token_set_ratio(a, b), token_sort_ratio(a, b)));
      }),
    );
  });
  it('partial token scorers', () => {
    expect(partial_token_set_ratio('new york mets', 'the new york mets beat')).toBe(100);
    expect(partial_token_sort_ratio('york new', 'new york mets')).toBe(100);
    expect(partial_token_ratio('abc xyz', 'xyz')).toBe(100);
    expect(partial_token_ratio('abcd', 'xbcd')).toBe(partial_ratio('abcd', 'xbcd'));
    // rapidfuzz quirk: two whitespace-only strings join to '' and partial_ratio('', '') is 100
    expect(partial_token_ratio(' ', '  ')).toBe(100);
    // duplicates: the second partial_ratio runs on the de-duplicated differences
    expect(partial_token_ratio('aa aa bb', 'cc')).toBe(
      Math.max(partial_ratio('aa aa bb', 'cc'), partial_ratio('aa bb', 'cc')),
    );
  });
});

describe('WRatio', () => {
  it('is 0 for an empty side, and uses the length ratio', () => {
    expect(WRatio('', '')).toBe(0);
    expect(WRatio('abc', '')).toBe(0);
    // length ratio 75/8 > 8: partial scale 0.6; partial_ratio 100 beats 0.95 * 0.6 * partial_token_ratio
    expect(WRatio('new york', 'the new york mets beat the atlanta braves yesterday evening in a close game')).toBe(60);
    // 'york new' is not a substring, but shares tokens: 0.95 * 0.9 * 100 wins
    expect(WRatio('york new', 'the new york mets beat')).toBe(0.95 * 0.9 * 100);
  });
  it('equals the reference composition on random and similar strings', () => {
    const pairs = fc.oneof(fc.tuple(text(WORDY, 40), text(WORDY, 80)), similarPair(WORDY, 60));
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const got = WRatio(a, b);
        if (!a || !b) {
          expect(got).toBe(0);
          return;
        }
        const l1 = toCodePoints(a).length;
        const l2 = toCodePoints(b).length;
        const lr = l1 > l2 ? l1 / l2 : l2 / l1;
        const r = ratio(a, b);
        let ref: number;
        if (lr < 1.5) ref = Math.max(r, token_ratio(a, b) * 0.95);
        else {
          const ps = lr <= 8 ? 0.9 : 0.6;
          ref = Math.max(r, partial_ratio(a, b) * ps, partial_token_ratio(a, b) * 0.95 * ps);
        }
        expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('default_process (C++ semantics)', () => {
  it('maps non-alphanumerics (including _) to spaces, lowercases, trims', () => {
    expect(default_process('snake_case_name v2.0')).toBe('snake case name v2 0');
    expect(default_process('  Hello, World!  ')).toBe('hello  world');
    expect(default_process('alpha\xa0beta\u2003gamma\x1fdelta\ufeffepsilon')).toBe('alpha beta gamma delta epsilon');
  });
  it('takes the first code point of the lowercase mapping, without final sigma', () => {
    expect(default_process('İ')).toBe('i');
    expect(default_process('ΟΔΟΣ')).toBe('οδοσ');
    expect(default_process('ÀÉÎ ß µ ²')).toBe('àéî ß µ ²');
  });
  it('keeps numerics and letters from every script, drops emoji and marks', () => {
    expect(default_process('東京 ½ Ⅻ ٣')).toBe('東京 ½ ⅻ ٣');
    expect(default_process('I love 🍕!')).toBe('i love');
    expect(default_process('e\u0301')).toBe('e');
  });
  it('uses rapidfuzz’s Unicode 13 table, not the engine’s newer one', () => {
    // U+0870 ARABIC LETTER ALEF WITH ATTACHED FATHA was added in Unicode 14: rapidfuzz maps it to a space.
    expect(default_process('a\u0870b')).toBe('a b');
    // U+31350 (CJK Extension H, Unicode 15) likewise
    expect(default_process('x\u{31350}')).toBe('x');
  });
  it('processor: true equals scoring the default_process outputs, for every scorer', () => {
    const chars = ['a', 'B', '_', ' ', '!', 'É', 'İ', '😀', '\u2028', '1', '½', 'Σ'];
    fc.assert(
      fc.property(text(chars, 40), text(chars, 60), (a, b) => {
        for (const f of Object.values(FUZZY_SCORERS)) {
          expect(f(a, b, { processor: true })).toBe(f(default_process(a), default_process(b)));
        }
      }),
      { numRuns: 150 },
    );
  });
  it('is what the processor option applies', () => {
    expect(ratio('Hello World!', 'hello world', { processor: true })).toBe(100);
    expect(QRatio('!!!', 'abc', { processor: true })).toBe(0);
  });
});

describe('FUZZY_SCORERS', () => {
  it('names all ten scorers', () => {
    expect(Object.keys(FUZZY_SCORERS).sort()).toEqual(
      [
        'QRatio',
        'WRatio',
        'partial_ratio',
        'partial_token_ratio',
        'partial_token_set_ratio',
        'partial_token_sort_ratio',
        'ratio',
        'token_ratio',
        'token_set_ratio',
        'token_sort_ratio',
      ].sort(),
    );
  });
  it('scores stay in 0..100 and are symmetric', () => {
    fc.assert(
      fc.property(text(WORDY, 50), text(WORDY, 50), (a, b) => {
        for (const f of Object.values(FUZZY_SCORERS)) {
          const s = f(a, b);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
          expect(Math.abs(s - f(b, a))).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('explainFuzzy', () => {
  it('highlights the matched characters in UTF-16 offsets of the original strings', () => {
    const e = explainFuzzy('a🍕b', 'xab', 'ratio');
    expect(e.kind).toBe('fuzzy');
    expect(e.matchedInputCp).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(e.matchedInput).toEqual([
      [0, 1],
      [3, 4],
    ]);
    expect(e.matchedReference).toEqual([[1, 3]]);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
  it('maps processed positions back through the leading trim', () => {
    const e = explainFuzzy('  Hello!', 'hello', 'ratio', { processor: true });
    expect(e.processedInput).toBe('hello');
    expect(e.score).toBe(100);
    expect(e.matchedInput).toEqual([[2, 7]]);
  });
  it('reports the partial window in the longer string', () => {
    const e = explainFuzzy('york', 'new york mets', 'partial_ratio');
    expect(e.window).toEqual({ in: 'reference', start: 4, end: 8, startCp: 4, endCp: 8 });
    expect(e.matchedReference).toEqual([[4, 8]]);
  });
  it('says which WRatio branch won', () => {
    const e = explainFuzzy('york new', 'the new york mets beat', 'WRatio');
    expect(e.score).toBe(0.95 * 0.9 * 100);
    expect(e.steps.some((s) => s.includes('winner: partial_token_ratio'))).toBe(true);
    expect(e.steps.some((s) => s.includes('partial scale 0.9'))).toBe(true);
    // the shared tokens, not the space between them
    expect(e.matchedInput).toEqual([
      [0, 4],
      [5, 8],
    ]);
    expect(e.matchedReference).toEqual([
      [4, 7],
      [8, 12],
    ]);
  });
  it('maps sorted tokens back to where they stand', () => {
    const e = explainFuzzy('wuzzy fuzzy', 'fuzzy wuzzy', 'token_sort_ratio');
    expect(e.score).toBe(100);
    expect(e.matchedInput).toEqual([
      [0, 5],
      [6, 11],
    ]);
  });
  it('skips highlighting (not the score) for inputs too large to align', () => {
    const a = 'ab'.repeat(6000);
    const b = 'ba'.repeat(6000);
    const e = explainFuzzy(a, b, 'ratio');
    expect(e.score).toBe(ratio(a, b));
    expect(e.matchedInput).toEqual([]);
    expect(e.steps.some((s) => s.startsWith('highlighting skipped'))).toBe(true);
  });
  it('matches the scorer on every scorer and random input', () => {
    fc.assert(
      fc.property(text(WORDY, 30), text(WORDY, 50), fc.boolean(), (a, b, processor) => {
        for (const name of Object.keys(FUZZY_SCORERS) as (keyof typeof FUZZY_SCORERS)[]) {
          const e = explainFuzzy(a, b, name, { processor });
          expect(e.score).toBe(FUZZY_SCORERS[name](a, b, { processor }));
          for (const [s, t] of e.matchedInput) expect(0 <= s && s < t && t <= a.length).toBe(true);
          for (const [s, t] of e.matchedReference) expect(0 <= s && s < t && t <= b.length).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
