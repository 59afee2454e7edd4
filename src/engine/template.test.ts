import { describe, expect, it } from 'vitest';
import { parseJson } from './json.ts';
import { parseExpression, parseTemplate, renderTemplate } from './template.ts';
import type { JsonValue } from './types.ts';

const doc = (text: string): JsonValue => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const sample = doc(`{"output_text": "Paris", "output_tools": [{"function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}}],
  "output_json": {"n": 1.0, "b": true, "o": {"a": 1, "é": [1.5, null]}, "z": null}}`);
const item = doc('{"reference_answer": "Paris", "answers": [{"text": "x"}], "count": 3, "ratio": 0.50, "key with space": "v"}');

const render = (t: string, compactJson = false) => renderTemplate(t, { sample, item }, { compactJson });

describe('renderTemplate', () => {
  it('substitutes strings as themselves, with or without inner whitespace', () => {
    const r = render('A={{sample.output_text}} B={{   item.reference_answer }}');
    expect(r).toMatchObject({ ok: true, text: 'A=Paris B=Paris' });
  });

  it('follows dots and list indexes', () => {
    expect(render('{{ sample.output_tools[0].function.name }}')).toMatchObject({ ok: true, text: 'get_weather' });
    expect(render('{{ item.answers[0].text }}')).toMatchObject({ ok: true, text: 'x' });
    expect(render('{{ sample.output_tools[0].function.arguments }}')).toMatchObject({ ok: true, text: '{"city": "Paris"}' });
  });

  it("renders non-strings as Python's json.dumps, keeping floats as floats", () => {
    expect(render('{{ sample.output_json.n }}')).toMatchObject({ ok: true, text: '1.0' });
    expect(render('{{ item.count }}')).toMatchObject({ ok: true, text: '3' });
    expect(render('{{ item.ratio }}')).toMatchObject({ ok: true, text: '0.5' });
    expect(render('{{ sample.output_json.b }}')).toMatchObject({ ok: true, text: 'true' });
    expect(render('{{ sample.output_json.z }}')).toMatchObject({ ok: true, text: 'null' });
    expect(render('{{ sample.output_json.o }}')).toMatchObject({ ok: true, text: '{"a": 1, "\\u00e9": [1.5, null]}' });
  });

  it('renders compact JSON when the setting asks for it', () => {
    expect(render('{{ sample.output_json.o }}', true)).toMatchObject({ ok: true, text: '{"a":1,"\\u00e9":[1.5,null]}' });
  });

  it('marks pieces that came from variables, and which were JSON', () => {
    const r = render('x {{ item.count }} {{ item.reference_answer }}');
    expect(r.ok && r.pieces).toEqual([
      { text: 'x ' },
      { text: '3', variable: 'item.count', json: true },
      { text: ' ' },
      { text: 'Paris', variable: 'item.reference_answer' },
    ]);
  });

  it('names the missing path and what exists instead', () => {
    const r = render('{{ item.reference }}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe('missing');
      expect(r.message).toContain('item.reference does not exist');
      expect(r.message).toContain('reference_answer');
      expect([r.start, r.end]).toEqual([0, 20]);
    }
  });

  it('reports an index out of range and a dot on a list', () => {
    const a = render('{{ item.answers[3].text }}');
    expect(!a.ok && a.message).toContain('item.answers has 1 element');
    const b = render('{{ item.answers.text }}');
    expect(!b.ok && b.message).toContain('is a list');
  });

  it('treats a missing output_json as a sample parse problem', () => {
    const r = renderTemplate('{{ sample.output_json.x }}', { sample: doc('{"output_text": "not json"}'), item: {} });
    expect(!r.ok && r.kind).toBe('sample_parse');
  });

  it('rejects unknown namespaces, filters and Jinja blocks with a location', () => {
    const a = parseTemplate('hi {{ foo.bar }}');
    expect(a.errors[0]).toMatchObject({ start: 3 });
    expect(a.errors[0]!.message).toContain('only namespaces are sample and item');
    expect(parseTemplate('{{ item.x | upper }}').errors[0]!.message).toMatch(/spaces|filters/);
    expect(parseTemplate('{% if x %}').errors[0]!.message).toContain('Jinja');
    expect(parseTemplate('open {{ item.x').errors[0]!.message).toContain('never closed');
  });

  it('leaves single braces and text alone', () => {
    expect(render('{"json": {braces}} and }} too')).toMatchObject({ ok: true, text: '{"json": {braces}} and }} too' });
  });

  it('parses quoted keys in brackets', () => {
    expect(parseExpression('item["key with space"]')).toEqual({ namespace: 'item', path: ['key with space'] });
    expect(render('{{ item["key with space"] }}')).toMatchObject({ ok: true, text: 'v' });
  });

  it('does not read inherited properties', () => {
    expect(render('{{ item.constructor }}').ok).toBe(false);
    expect(render('{{ item.__proto__ }}').ok).toBe(false);
  });
});

describe('key order, as Python keeps it', () => {
  it('renders an object with integer-like keys in source order, like json.dumps', () => {
    const it2 = doc('{"x": {"b": 1, "2": 2, "1": 3}, "__proto__": {"0": "a", "z": "b"}}');
    const r = (t: string) => renderTemplate(t, { sample, item: it2 });
    expect(r('{{ item.x }}')).toMatchObject({ ok: true, text: '{"b": 1, "2": 2, "1": 3}' });
    expect(r('{{ item }}')).toMatchObject({ ok: true, text: '{"x": {"b": 1, "2": 2, "1": 3}, "__proto__": {"0": "a", "z": "b"}}' });
    expect(r('{{ item.__proto__ }}')).toMatchObject({ ok: true, text: '{"0": "a", "z": "b"}' });
  });

  it('names the keys in source order when one is missing', () => {
    const r = renderTemplate('{{ item.x.y }}', { sample, item: doc('{"x": {"b": 1, "2": 2, "1": 3}}') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('the keys b, 2, 1');
  });
});

describe('parseTemplate cache', () => {
  it('gives the same parse for the same text, and a fresh one for other texts past its size', () => {
    const t = 'A {{ sample.output_text }} and {{ item.x[0] }}';
    const first = parseTemplate(t);
    expect(parseTemplate(t)).toBe(first);
    for (let i = 0; i < 100; i++) expect(parseTemplate(`{{ item.k${i} }}`).segments[0]).toMatchObject({ kind: 'var', path: [`k${i}`] });
    const again = parseTemplate(t);
    expect(again).toEqual(first);
    expect(again.segments.map((s) => s.kind)).toEqual(['text', 'var', 'text', 'var']);
  });
});
