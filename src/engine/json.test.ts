import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/json-dumps.json';
import { parse as losslessParse } from 'lossless-json';
import { jsonKeys } from './json-order.ts';
import { losslessJsonText, nestingBeyond, parseJson, pyFloatRepr, pyJsonDumps } from './json.ts';

describe('pyJsonDumps matches CPython json.dumps(json.loads(text))', () => {
  for (const c of fixture.cases) {
    it(`${c.json}`, () => {
      const parsed = parseJson(c.json);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(pyJsonDumps(parsed.value)).toBe(c.dumps);
      expect(pyJsonDumps(parsed.value, { compact: true })).toBe(c.compact);
    });
  }
});

describe('pyFloatRepr', () => {
  it('writes floats like Python repr', () => {
    expect(pyFloatRepr(1)).toBe('1.0');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(1.5e-5)).toBe('1.5e-05');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(123.456)).toBe('123.456');
    expect(pyFloatRepr(-2.5e-10)).toBe('-2.5e-10');
    expect(pyFloatRepr(Number.NaN)).toBe('NaN');
  });
});

describe('parseJson', () => {
  it('keeps the int/float nature of numbers', () => {
    const r = parseJson('{"a": 1.0, "b": 1}');
    expect(r.ok).toBe(true);
    if (r.ok) expect(losslessJsonText(r.value)).toBe('{"a":1.0,"b":1}');
  });

  it('reports the line and column of a syntax error', () => {
    const r = parseJson('{\n  "a": 1,\n  "b": }');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(3);
      expect(r.error.column).toBe(8);
      expect(r.error.message).toMatch(/value/i);
    }
  });

  it('reports an empty document', () => {
    const r = parseJson('   ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/empty/);
  });

  it('keeps the last duplicate key in the first place, like json.loads', () => {
    const r = parseJson('{"a": 1, "b": 2, "a": 3}');
    expect(r.ok && pyJsonDumps(r.value)).toBe('{"a": 3, "b": 2}');
  });
});

describe('parseJson refuses nesting that would exhaust the stack', () => {
  it('gives an error value (with the place) for 100,000 nested lists', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('nested more than 512 levels deep');
      expect(r.error.offset).toBe(512);
      expect(r.error.column).toBe(513);
    }
  });

  it('parses 512 levels, and brackets inside strings do not count', () => {
    const ok = '['.repeat(512) + '"[[[{{{\\"[["' + ']'.repeat(512);
    expect(parseJson(ok).ok).toBe(true);
    expect(parseJson('[' + ok + ']').ok).toBe(false);
    expect(nestingBeyond('{"a": "[[[[", "b": [[1]]}', 3)).toBe(-1);
    expect(nestingBeyond('{"a": "[[[[", "b": [[1]]}', 2)).toBe(20);
  });
});

describe('nestingBeyond on long strings', () => {
  it('skips long strings with escaped quotes and backslashes exactly', () => {
    const long = 'x'.repeat(100) + '\\\\' + 'y'.repeat(100) + '\\"[[[' + 'z'.repeat(100);
    const text = `{"a": "${long}", "b": [[1]]}`;
    expect(JSON.parse(text)).toBeTruthy();
    expect(nestingBeyond(text, 3)).toBe(-1);
    expect(nestingBeyond(text, 2)).toBe(text.indexOf('[[1') + 1);
    expect(nestingBeyond(`["${'q'.repeat(200)}`, 0)).toBe(0);
    expect(nestingBeyond(`"${'q'.repeat(200)}`, 0)).toBe(-1);
  });
});

describe('parseJson on texts without numbers (the JSON.parse path) gives what the lossless parser gives', () => {
  const texts = [
    '{"item": {"reference": "a b 12 c"}, "sample": {"output_text": "x -1 \\" y"}}',
    '{"__proto__": {"a": "x"}, "b": true, "c": null, "d": [false, "\\ud800\\u00e9\\n"]}',
    '{"a": "1", "b": "2", "a": "3"}',
    '[ "x" ,\t{}\r\n]',
    '{"constructor": "x", "toString": {"valueOf": []}}',
    '{"0": "first", "b": "x"}',
  ];
  for (const t of texts) {
    it(t, () => {
      const r = parseJson(t);
      if (!r.ok) throw new Error(r.error.message);
      const reference = losslessParse(t, null, { onDuplicateKey: (info) => info.newValue });
      expect(r.value).toEqual(reference);
      expect(pyJsonDumps(r.value)).toBe(pyJsonDumps(reference as never));
      if (r.value && typeof r.value === 'object' && !Array.isArray(r.value)) {
        expect(Object.hasOwn(r.value, '__proto__')).toBe(Object.hasOwn(reference as object, '__proto__'));
        expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
      }
    });
  }

  it('keeps integer-like keys in source order and numbers as lexemes (not the JSON.parse path)', () => {
    const r = parseJson('{"b": "x", "0": "y"}');
    expect(r.ok && jsonKeys(r.value as never)).toEqual(['b', '0']);
    const n = parseJson('{"a": "x", "n": 1.0}');
    expect(n.ok && pyJsonDumps(n.value)).toBe('{"a": "x", "n": 1.0}');
  });

  it('reports invalid number-free texts with the lossless parser\'s place and message', () => {
    const r = parseJson('{"a": "x",, "b": "y"}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.column).toBe(11);
  });
});
