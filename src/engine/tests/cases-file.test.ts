import { describe, expect, it } from 'vitest';
import { parseJson } from '../json.ts';
import { caseLine, casesFromText, casesFromValue, casesToJsonl, casesToValue } from './cases-file.ts';
import type { TestCase } from './types.ts';

const jsonl = [
  '{"name": "good", "sample": {"output_text": "Paris"}, "item": {"answer": "Paris"}, "expect": {"reward": 1.0}}',
  '',
  '{"name": "close", "sample": "paris", "expect": {"reward": 0.5, "tolerance": 0.01}}',
  '{"name": "range", "sample": {"output_text": "x"}, "expect": {"min": 0, "max": 0.5}}',
  '{"name": "passes", "sample": {"output_text": "x"}, "expect": {"passes": false}}',
  '{"name": "gaming", "sample": {"output_text": "Paris Paris"}, "expect": {"below": "good"}}',
].join('\n');

describe('test cases as JSON', () => {
  it('reads JSON Lines with every kind of expectation', () => {
    const r = casesFromText(jsonl);
    expect(r.problems).toEqual([]);
    expect(r.cases.map((c) => [c.name, c.expect])).toEqual([
      ['good', { kind: 'exact', reward: 1 }],
      ['close', { kind: 'exact', reward: 0.5, tolerance: 0.01 }],
      ['range', { kind: 'range', min: 0, max: 0.5 }],
      ['passes', { kind: 'passes', passes: false }],
      ['gaming', { kind: 'below', than: 'good' }],
    ]);
    expect(r.cases[0]!.item).toBe('{\n  "answer": "Paris"\n}');
    expect(r.cases[1]!.item).toBeUndefined();
    expect(r.cases[1]!.sample).toBe('"paris"');
  });

  it('names the bad lines and keeps the good ones', () => {
    const r = casesFromText('{"name":"a","sample":{},"expect":{"reward":"1"}}\nnot json\n{"sample":{},"expect":{"min":2,"max":1}}\n{"name":"ok","sample":{},"expect":{"passes":true}}');
    expect(r.cases.map((c) => c.name)).toEqual(['ok']);
    expect(r.problems).toEqual([
      'line 1: test 1 ("a"): "expect.reward" must be a number',
      expect.stringMatching(/^line 2 is not JSON/),
      'line 3: test 3: "expect.min" (2) is above "expect.max" (1)',
    ]);
  });

  it('reads a JSON list and a workspace file', () => {
    expect(casesFromText('[{"name":"a","sample":{},"expect":{"reward":0}}]').cases).toHaveLength(1);
    const file = '{"grader_playground": 1, "grader": {}, "sample": {}, "item": {}, "tests": [{"name":"a","sample":{},"expect":{"max":1}}]}';
    expect(casesFromText(file).cases[0]!.expect).toEqual({ kind: 'range', max: 1 });
    expect(casesFromValue({} as never).problems).toEqual(['"tests" must be a list of test cases']);
  });

  it('round-trips through values, keeping number lexemes', () => {
    const cases = casesFromText(jsonl).cases;
    const v = casesToValue(cases);
    expect(v.ok).toBe(true);
    const again = casesFromValue(v.ok ? v.value : undefined);
    expect(again.cases).toEqual(cases);
    const text = casesToJsonl(cases);
    expect(text.ok && text.text.split('\n')[0]).toBe('{"name":"good","sample":{"output_text":"Paris"},"item":{"answer":"Paris"},"expect":{"reward":1}}');
    const lex: TestCase = { name: 'n', sample: '{"score": 1.0}', expect: { kind: 'exact', reward: 1 } };
    const out = casesToJsonl([lex]);
    expect(out.ok && out.text).toContain('"score":1.0');
  });

  it('refuses to write a case whose sample does not parse', () => {
    const bad: TestCase = { name: 'n', sample: '{', expect: { kind: 'exact', reward: 1 } };
    expect(casesToValue([bad])).toEqual({ ok: false, message: expect.stringContaining('The sample of test "n" is not valid JSON') });
  });

  it('builds the dataset line a case is graded as', () => {
    const c: TestCase = { name: 'n', sample: '{"output_text": "a"}', expect: { kind: 'exact', reward: 1 } };
    const line = caseLine(c, '{"ref": 1.0}');
    const parsed = parseJson(line);
    expect(parsed.ok).toBe(true);
    expect(line).toBe('{"item":{"ref": 1.0},"sample":{"output_text": "a"}}');
  });
});
