import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  cpLength,
  cpToUtf16Offsets,
  fromCodePoints,
  isPySpace,
  pySorted,
  pySplit,
  pySplitSpans,
  toCodePoints,
  toCodePointsInto,
  joinCodePointsInto,
} from './tokenize.ts';

// Python: ''.join(chr(c) for c in range(0x110000) if chr(c).isspace())
const PY_WHITESPACE =
  '\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

describe('isPySpace', () => {
  it('is exactly Python str.isspace()', () => {
    const expected = new Set(Array.from(PY_WHITESPACE, (c) => c.codePointAt(0)));
    const wrong: number[] = [];
    for (let c = 0; c < 0x11000; c++) if (isPySpace(c) !== expected.has(c)) wrong.push(c);
    expect(wrong).toEqual([]);
    expect(isPySpace(0x1f600)).toBe(false);
  });
  it('differs from JS \\s where Python does', () => {
    expect(isPySpace(0xfeff)).toBe(false);
    expect(isPySpace(0x200b)).toBe(false);
    expect(isPySpace(0x1c)).toBe(true);
    expect(isPySpace(0x85)).toBe(true);
  });
});

describe('pySplit', () => {
  it('matches Python str.split() on the golden unicode_spaces input', () => {
    // 'alpha\xa0beta\u2003gamma\x1fdelta\ufeffepsilon'.split()
    expect(pySplit('alpha\xa0beta\u2003gamma\x1fdelta\ufeffepsilon')).toEqual([
      'alpha',
      'beta',
      'gamma',
      'delta\ufeffepsilon',
    ]);
  });
  it('drops empty strings and handles edges', () => {
    expect(pySplit('')).toEqual([]);
    expect(pySplit(' \t\n ')).toEqual([]);
    expect(pySplit('  a  b\u2028c ')).toEqual(['a', 'b', 'c']);
    expect(pySplit('x')).toEqual(['x']);
    expect(pySplit('🍕 and 👍🏽')).toEqual(['🍕', 'and', '👍🏽']);
  });
  it('reports spans that slice back to the tokens', () => {
    const s = ' ab\x1ccd  é🍕 ';
    const spans = pySplitSpans(s);
    expect(spans.map((t) => t.text)).toEqual(pySplit(s));
    for (const t of spans) expect(s.slice(t.start, t.end)).toBe(t.text);
  });
  it('agrees with a reference split on random strings', () => {
    const alphabet = ['a', 'b', ' ', '\x1c', '\u2028', '\ufeff', '\u200b', '\xa0', '😀', '\t'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const s = chars.join('');
        const ref: string[] = [];
        let cur = '';
        for (const ch of s) {
          if (PY_WHITESPACE.includes(ch)) {
            if (cur) ref.push(cur);
            cur = '';
          } else cur += ch;
        }
        if (cur) ref.push(cur);
        expect(pySplit(s)).toEqual(ref);
      }),
    );
  });
});

describe('code points', () => {
  it('counts astral characters once, like Python len()', () => {
    expect(cpLength('I love 🍕')).toBe(8);
    expect(cpLength('👍🏽')).toBe(2);
    expect(cpLength('e\u0301')).toBe(2);
    expect(Array.from(toCodePoints('a🍕b'))).toEqual([0x61, 0x1f355, 0x62]);
  });
  it('joinCodePointsInto equals the code points of the joined string', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), fc.nat(20), (tokens, size) => {
        const got = joinCodePointsInto(tokens, new Int32Array(size));
        expect(Array.from(got)).toEqual(Array.from(toCodePoints(tokens.join(' '))));
      }),
    );
  });
  it('keeps lone surrogates as one code point', () => {
    expect(Array.from(toCodePoints('a\ud800b\udc00'))).toEqual([0x61, 0xd800, 0x62, 0xdc00]);
    expect(cpLength('a\ud800')).toBe(2);
  });
  it('round-trips and maps offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const cps = toCodePoints(s);
        expect(fromCodePoints(cps)).toBe(s);
        expect(Array.from(toCodePointsInto(s, new Int32Array(s.length + 3)))).toEqual(Array.from(cps));
        expect(Array.from(toCodePointsInto(s, new Int32Array(0)))).toEqual(Array.from(cps));
        expect(cps.length).toBe(cpLength(s));
        expect(cps.length).toBe(Array.from(s).length);
        const off = cpToUtf16Offsets(s);
        expect(off[cps.length]).toBe(s.length);
        for (let i = 0; i < cps.length; i++) expect(s.codePointAt(off[i] as number)).toBe(cps[i]);
      }),
    );
  });
});

describe('compareCodePoints', () => {
  it('orders astral characters after U+E000-U+FFFF, as Python does', () => {
    expect(compareCodePoints('😀', '\uffff')).toBeGreaterThan(0);
    expect(['😀', '\uffff', 'a'].sort()).toEqual(['a', '😀', '\uffff']); // the JS order we must not use
    expect(pySorted(['😀', '\uffff', 'a'])).toEqual(['a', '\uffff', '😀']);
    expect(pySorted(['b', 'a', 'ab', ''])).toEqual(['', 'a', 'ab', 'b']);
  });
  it('pySorted equals a comparator sort (ties on the first two units, astral, empty, duplicates)', () => {
    const unit = fc.constantFrom('a', 'b', 'ab', 'é', '😀', '\uffff', '\ud800', '', 'a'.repeat(3));
    fc.assert(
      fc.property(fc.array(fc.array(unit, { maxLength: 4 }).map((u) => u.join('')), { maxLength: 40 }), (tokens) => {
        expect(pySorted(tokens)).toEqual(tokens.slice().sort(compareCodePoints));
      }),
      { numRuns: 500 },
    );
  });
  it('equals a comparison of code-point arrays', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const x = Array.from(toCodePoints(a));
        const y = Array.from(toCodePoints(b));
        let ref = 0;
        for (let i = 0; i < Math.min(x.length, y.length) && ref === 0; i++) ref = (x[i] as number) - (y[i] as number);
        if (ref === 0) ref = x.length - y.length;
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(ref));
      }),
    );
  });
});
