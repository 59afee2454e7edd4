import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/json-order.json';
import { copyJsonObject, jsonKeys, losslessJsonPretty, losslessJsonText, orderedObject, parseJson, pyJsonDumps, toPlain } from './json.ts';
import { isIndexKey } from './json-order.ts';
import type { JsonObject, JsonValue } from './types.ts';

const parse = (text: string): JsonValue => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** The keys of every object in a value, in jsonKeys order (what toPlain must keep; it changes numbers). */
const keyShape = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(keyShape) : v !== null && typeof v === 'object' && !('isLosslessNumber' in v) ? jsonKeys(v).map((k) => [k, keyShape((v as Record<string, unknown>)[k])]) : null;

describe('key order matches CPython json.loads + json.dumps (fixture from scripts/gen-json-order-fixture.py)', () => {
  for (const c of fixture.cases) {
    it(c.json, () => {
      const value = parse(c.json);
      expect(pyJsonDumps(value)).toBe(c.dumps);
      expect(pyJsonDumps(value, { compact: true })).toBe(c.compact);
      // Every way a value leaves the engine keeps the order: lossless text (Python, links), pretty text
      // (editors, files), plain copies (graders, settings).
      expect(pyJsonDumps(parse(losslessJsonText(value)))).toBe(c.dumps);
      expect(pyJsonDumps(parse(losslessJsonPretty(value)))).toBe(c.dumps);
      expect(keyShape(toPlain(value))).toEqual(keyShape(value));
    });
  }
});

describe('isIndexKey', () => {
  it('is true exactly for the keys JavaScript lists first', () => {
    for (const k of ['0', '1', '10', '4294967294']) expect(isIndexKey(k)).toBe(true);
    for (const k of ['', '01', '-1', '1.0', ' 1', '4294967295', '99999999999', 'a', '1a']) expect(isIndexKey(k)).toBe(false);
    for (const k of ['0', '7', '10', '123', '4294967294', '4294967295', '01', '-0', '1e3']) {
      const o: Record<string, number> = { z: 0 };
      o[k] = 1;
      expect(isIndexKey(k)).toBe(Object.keys(o)[0] === k);
    }
  });
});

// Python's dict semantics, the model: the first occurrence decides a key's place, the last its value.
const KEY = fc.oneof(
  fc.constantFrom('0', '1', '2', '10', '01', '-1', '__proto__', 'constructor', 'a', 'b', '4294967294', '4294967295'),
  fc.nat({ max: 50 }).map(String),
  fc.string({ maxLength: 4 }),
);
const ENTRIES = fc.array(fc.tuple(KEY, fc.integer({ min: -5, max: 5 })), { maxLength: 12 });

function pythonDict(entries: [string, number][]): [string, number][] {
  const order: string[] = [];
  const values = new Map<string, number>();
  for (const [k, v] of entries) {
    if (!values.has(k)) order.push(k);
    values.set(k, v);
  }
  return order.map((k) => [k, values.get(k)!]);
}

const objectText = (entries: [string, number][]) => '{' + entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ') + '}';
const dictText = (entries: [string, number][]) => '{' + entries.map(([k, v]) => `${pyJsonDumps(k)}: ${v}`).join(', ') + '}';

describe('property: any object text keeps Python dict order', () => {
  it('parseJson + pyJsonDumps', () => {
    fc.assert(
      fc.property(ENTRIES, (entries) => {
        const value = parse(objectText(entries)) as JsonObject;
        const want = pythonDict(entries);
        expect(jsonKeys(value)).toEqual(want.map(([k]) => k));
        expect(pyJsonDumps(value)).toBe(dictText(want));
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });

  it('nested, through losslessJsonText and copies', () => {
    fc.assert(
      fc.property(ENTRIES, ENTRIES, (outerEntries, inner) => {
        const outer = outerEntries.filter(([k]) => k !== 'x');
        const text = `{"x": ${objectText(inner)}, ${objectText(outer).slice(1)}`.replace(/, }$/, '}');
        const value = parse(text) as JsonObject;
        const want = pyJsonDumps(value);
        expect(pyJsonDumps(parse(losslessJsonText(value)))).toBe(want);
        expect(pyJsonDumps(copyJsonObject(value))).toBe(want);
        expect(pyJsonDumps(value.x!)).toBe(dictText(pythonDict(inner)));
      }),
      { numRuns: 300 },
    );
  });

  it('orderedObject builds what dict(entries) builds', () => {
    fc.assert(
      fc.property(ENTRIES, (entries) => {
        const o = orderedObject(entries);
        expect(jsonKeys(o)).toEqual(pythonDict(entries).map(([k]) => k));
        expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      }),
      { numRuns: 300 },
    );
  });
});

describe('jsonKeys after changes', () => {
  it('appends keys added later and skips deleted ones', () => {
    const o = parse('{"b": 1, "2": 2, "1": 3}') as JsonObject;
    o.c = 4;
    delete o['2'];
    expect(jsonKeys(o)).toEqual(['b', '1', 'c']);
  });

  it('does not show the order as a key or change equality', () => {
    const o = parse('{"b": "x", "1": "y"}');
    expect(Object.keys(o as object)).toEqual(['1', 'b']);
    expect(o).toStrictEqual({ b: 'x', 1: 'y' });
    expect(JSON.stringify(o)).toBe('{"1":"y","b":"x"}');
  });
});
