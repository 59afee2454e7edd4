import { describe, expect, it } from 'vitest';
import { ENGINE_CHANGES, ENGINE_VERSION, engineDrift, type DriftInput } from './changelog.ts';
import { parseJson } from './json.ts';
import type { JsonValue } from './types.ts';

const v = (text: string): JsonValue => {
  const p = parseJson(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};
const check = (input: string, reference: string, operation: string) => v(JSON.stringify({ type: 'string_check', name: 'c', input, reference, operation }));
const ws = (grader: JsonValue, sample: string, item: string, settings?: DriftInput['settings']): DriftInput => ({ grader, sample: v(sample), item: v(item), ...(settings ? { settings } : {}) });
const flagged = (w: DriftInput, since: number | null = 1) => engineDrift(since, w).map((c) => c.engine);

describe('engine changelog', () => {
  it('is ordered, dated, documented, and ends at this engine', () => {
    const versions = ENGINE_CHANGES.map((c) => c.engine);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(Math.max(...versions)).toBe(ENGINE_VERSION);
    for (const c of ENGINE_CHANGES) {
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.what.length).toBeGreaterThan(20);
      expect(c.readme.length).toBeGreaterThan(5);
    }
  });

  it('key order (engine 2): a rendered object with integer-like keys after others, or a python grader given one', () => {
    const obj = '{"scores": {"b": 1, "2": 2}}';
    expect(flagged(ws(check('{{ item.scores }}', 'x', 'eq'), '{}', obj))).toEqual([2]);
    // JavaScript's order is the source order here: nothing changed.
    expect(flagged(ws(check('{{ item.scores }}', 'x', 'eq'), '{}', '{"scores": {"2": 2, "b": 1}}'))).toEqual([]);
    // Rendering a string of the same item is not affected.
    expect(flagged(ws(check('{{ item.name }}', 'x', 'eq'), '{}', '{"name": "n", "scores": {"b": 1, "2": 2}}'))).toEqual([]);
    const py = v(JSON.stringify({ type: 'python', name: 'p', source: 'def grade(s, i):\n    return 1.0\n' }));
    expect(flagged(ws(py, '{}', obj))).toEqual([2]);
    expect(flagged(ws(py, '{}', '{"a": 1}'))).toEqual([]);
    // Inside a multi, too.
    const multi = v(JSON.stringify({ type: 'multi', name: 'm', graders: { a: { type: 'string_check', name: 'a', input: '{{ item.scores }}', reference: 'x', operation: 'eq' } }, calculate_output: 'a' }));
    expect(flagged(ws(multi, '{}', obj))).toEqual([2]);
  });

  it("one Unicode version (engine 3): only graders that lower-case text, only text the browser lower-cases otherwise", () => {
    const odd = JSON.stringify({ output_text: 'x\uA7CE' }); // Unicode 17 lower-cases U+A7CE; Python 3.14 (Unicode 16) does not
    // Flagged whatever this runtime's Unicode: the link's author may have had Unicode 17 (WebKitGTK 2.50 has not).
    const differs = true;
    expect(flagged(ws(check('{{ sample.output_text }}', 'x', 'ilike'), odd, '{}'))).toEqual(differs ? [3] : []);
    expect(flagged(ws(check('{{ sample.output_text }}', 'x', 'eq'), odd, '{}'))).toEqual([]);
    expect(flagged(ws(check('{{ sample.output_text }}', 'x', 'ilike'), '{"output_text": "PARIS Ünïcode ΟΔΟΣ"}', '{}'))).toEqual([]);
    const fuzzy = v(JSON.stringify({ type: 'text_similarity', name: 'f', input: '{{ sample.output_text }}', reference: 'x', evaluation_metric: 'fuzzy_match' }));
    expect(flagged(ws(fuzzy, odd, '{}'))).toEqual(differs ? [3] : []);
    expect(flagged(ws(fuzzy, odd, '{}', { fuzzyDefaultProcess: false }))).toEqual([]);
  });

  it("one Unicode version (engine 3): the note does not depend on the viewer's browser's Unicode version", () => {
    const ilike = check('{{ sample.output_text }}', 'x', 'ilike');
    const lower = String.prototype.toLowerCase;
    // A browser with Unicode 16 tables (as WebKitGTK 2.50): U+A7CE and the Beria Erfe letters stay as they are.
    String.prototype.toLowerCase = function (this: string) {
      return this.split(/([\uA7CE\uA7D2\uA7D4\u{16EA0}-\u{16EB8}])/u).map((part, i) => (i % 2 ? part : lower.call(part))).join('');
    };
    try {
      expect('A\uA7CE'.toLowerCase()).toBe('a\uA7CE');
      for (const c of ['x\uA7CE', 'x\uA7D2', 'x\uA7D4', 'x\u{16EA0}', 'x\u{16EB8}']) {
        expect(flagged(ws(ilike, JSON.stringify({ output_text: c }), '{}')), c).toEqual([3]);
      }
    } finally {
      String.prototype.toLowerCase = lower;
    }
    // Neighbours that every version lower-cases the same.
    for (const c of ['x\uA7CF', 'x\u{16EB9}', 'x\u{16E9F}']) expect(flagged(ws(ilike, JSON.stringify({ output_text: c }), '{}')), c).toEqual([]);
  });

  it('rapidfuzz process cut-off (engine 4): python graders that pass score_cutoff to process', () => {
    const py = (source: string) => v(JSON.stringify({ type: 'python', name: 'p', source }));
    expect(flagged(ws(py('from rapidfuzz import process\ndef grade(s, i):\n    return process.extractOne("a", ["a"], score_cutoff=0.8)[1]\n'), '{}', '{}'))).toEqual([4]);
    expect(flagged(ws(py('from rapidfuzz import fuzz\ndef grade(s, i):\n    return fuzz.ratio("a", "b")\n'), '{}', '{}'))).toEqual([]);
  });

  it('flags nothing for a link from this engine, and counts a link that does not say as the first link engine', () => {
    const w = ws(check('{{ item.scores }}', 'x', 'eq'), '{}', '{"scores": {"b": 1, "2": 2}}');
    expect(flagged(w, ENGINE_VERSION)).toEqual([]);
    expect(flagged(w, 2)).toEqual([]);
    expect(flagged(w, null)).toEqual([2]);
  });

  it('reads documents that do not parse as nothing to flag', () => {
    expect(engineDrift(null, { grader: null, sample: null, item: null })).toEqual([]);
  });
});
