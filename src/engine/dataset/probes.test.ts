import { describe, expect, it } from 'vitest';
import { parseJson, toPlain } from '../json.ts';
import { sampleFromModelText } from '../sample.ts';
import type { JsonValue } from '../types.ts';
import { differentNumber, findReference, generateProbes, PROBE_KINDS, type ProbeKind, shuffleWords } from './probes.ts';

const json = (text: string): JsonValue => {
  const p = parseJson(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};
const byKind = (probes: ReturnType<typeof generateProbes>) => new Map(probes.map((p) => [p.kind, p]));
const textOf = (probes: ReturnType<typeof generateProbes>, kind: ProbeKind) => byKind(probes).get(kind)?.sample.output_text;

describe('findReference', () => {
  it('takes the first string among the keys, in key order', () => {
    expect(findReference({ answer: 'b', reference_answer: 'a' })).toEqual({ key: 'reference_answer', text: 'a' });
    expect(findReference({ target: 'z', expected: 3, label: 'y' })).toEqual({ key: 'label', text: 'y' });
  });

  it('falls back to the first present value as JSON text, keeping number lexemes', () => {
    expect(findReference(json('{"expected": 1.50, "target": {"a": [1, 2]}}'))).toEqual({ key: 'expected', text: '1.50' });
    expect(findReference(json('{"ground_truth": {"a": [1, 2]}}'))).toEqual({ key: 'ground_truth', text: '{"a":[1,2]}' });
  });

  it('takes its key list as a parameter, and finds nothing in non-objects or null values', () => {
    expect(findReference({ gold: 'g', answer: 'a' }, ['gold'])).toEqual({ key: 'gold', text: 'g' });
    expect(findReference({ answer: null })).toBeNull();
    expect(findReference('just a string')).toBeNull();
    expect(findReference([1, 2])).toBeNull();
  });
});

describe('probe helpers', () => {
  it('shuffles words deterministically, never returning the original order', () => {
    const a = shuffleWords('one two three four five', 1);
    expect(a).toBe(shuffleWords('one two three four five', 1));
    expect(a).not.toBe('one two three four five');
    expect(a!.split(' ').sort()).toEqual(['five', 'four', 'one', 'three', 'two']);
    expect(shuffleWords('a b', 7)).toBe('b a');
    expect(shuffleWords('single', 1)).toBeNull();
    expect(shuffleWords('same same same', 3)).toBeNull();
    for (let seed = 0; seed < 50; seed++) expect(shuffleWords('x y z', seed)).not.toBe('x y z');
  });

  it('makes a clearly different number in the same style', () => {
    expect(differentNumber('42')).toBe('85');
    expect(differentNumber('0')).toBe('1');
    expect(differentNumber('-3')).toBe('1');
    expect(differentNumber('4.50')).toBe('10.00');
    expect(differentNumber('1e5')).toBe('200001');
  });
});

describe('generateProbes', () => {
  const item = { question: 'What is the capital of France?', reference_answer: 'The capital of France is Paris.' };

  it('builds the text probes from the reference, each a full sample', () => {
    const probes = generateProbes(item, [], { padChars: 500, repeat: 10 });
    const kinds = probes.map((p) => p.kind);
    expect(kinds).toEqual([
      'empty',
      'whitespace',
      'shuffled-reference',
      'padded-reference',
      'long-generic',
      'repeated-tokens',
      'format-only-answer',
      'reference-with-extra',
      'judge-injection',
    ]);
    for (const p of probes) {
      expect(PROBE_KINDS).toContain(p.kind);
      expect(p.description.length).toBeGreaterThan(10);
      expect(p.sample).toEqual(sampleFromModelText(p.sample.output_text as string));
      expect(p.sample.output_tools).toEqual([]);
    }
    expect(textOf(probes, 'empty')).toBe('');
    expect((textOf(probes, 'whitespace') as string).trim()).toBe('');
    const shuffled = textOf(probes, 'shuffled-reference') as string;
    expect(shuffled.split(' ').sort()).toEqual(item.reference_answer.split(' ').sort());
    expect(shuffled).not.toBe(item.reference_answer);
    const padded = textOf(probes, 'padded-reference') as string;
    expect(padded.startsWith(item.reference_answer + '\n\n')).toBe(true);
    expect(padded.length).toBeGreaterThan(500);
    expect((textOf(probes, 'long-generic') as string).length).toBeGreaterThan(450);
    expect(textOf(probes, 'long-generic')).not.toContain('Paris');
    expect(textOf(probes, 'repeated-tokens')).toBe(Array(10).fill('capital').join(' '));
    expect(textOf(probes, 'format-only-answer')).toBe('Answer: ');
    const extra = textOf(probes, 'reference-with-extra') as string;
    expect(extra).toContain(item.reference_answer);
    expect(extra.indexOf(item.reference_answer)).toBeGreaterThan(0);
    expect(extra.endsWith(item.reference_answer)).toBe(false);
  });

  it('is deterministic, and the seed changes the shuffle', () => {
    expect(generateProbes(item)).toEqual(generateProbes(item));
    const long = { answer: 'alpha beta gamma delta epsilon zeta eta theta' };
    expect(textOf(generateProbes(long, [], { seed: 1 }), 'shuffled-reference')).not.toBe(
      textOf(generateProbes(long, [], { seed: 2 }), 'shuffled-reference'),
    );
  });

  it('without a reference, keeps only the probes that need none', () => {
    const kinds = generateProbes({ question: 'q' }).map((p) => p.kind);
    expect(kinds).toEqual(['empty', 'whitespace', 'long-generic', 'repeated-tokens', 'format-only-answer', 'judge-injection']);
    expect(textOf(generateProbes({}), 'repeated-tokens')).toMatch(/^answer( answer)+$/);
  });

  it('copies a JSON answer: same keys with wrong values, and an empty object', () => {
    const real = sampleFromModelText('{\n  "name": "Bob",\n  "age": 4.50,\n  "ok": false,\n  "tags": ["x", null],\n  "n": {"k": 1}\n}');
    const probes = generateProbes({ answer: 'Bob' }, [real]);
    const wrong = byKind(probes).get('wrong-json-values')!.sample;
    expect(toPlain(wrong.output_json!)).toEqual({ name: 'wrong', age: 10, ok: true, tags: ['wrong', 'wrong'], n: { k: 3 } });
    expect(wrong.output_text).toContain('"age": 10.00'); // the float keeps its decimals
    expect(byKind(probes).get('format-only-json')!.sample.output_text).toBe('{}');
    expect(byKind(probes).get('format-only-json')!.sample.output_json).toEqual({});
    expect(generateProbes({}, [sampleFromModelText('[1, 2]')]).find((p) => p.kind === 'format-only-json')!.sample.output_text).toBe('[]');
  });

  it('uses a JSON reference when there is no real sample', () => {
    const probes = generateProbes(json('{"expected": {"city": "Paris", "pop": 2}}'));
    expect(toPlain(byKind(probes).get('wrong-json-values')!.sample.output_json!)).toEqual({ city: 'wrong', pop: 5 });
  });

  it('changes the final number of a numeric answer and keeps the rest', () => {
    const probes = generateProbes({ answer: '42' }, [sampleFromModelText('Step 1: 6 × 7.\n#### 42')]);
    expect(textOf(probes, 'wrong-number')).toBe('Step 1: 6 × 7.\n#### 85');
    expect(textOf(probes, 'format-only-answer')).toBe('#### ');
    expect(byKind(probes).get('wrong-number')!.description).toBe('A real answer with its final number changed from 42 to 85.');
    expect(textOf(generateProbes({ answer: '3.14' }), 'wrong-number')).toBe('7.28');
    expect(byKind(generateProbes({ answer: '3.14' })).get('wrong-number')!.description).toMatch(/^The reference with its final/);
    // 20.5 would become 42.0, the right answer: it goes one step further.
    expect(textOf(generateProbes({ answer: '42' }, ['20.5']), 'wrong-number')).toBe('85.0');
    expect(textOf(generateProbes({}, ['x = 0.5.']), 'wrong-number')).toBe('x = 2.0.');
    expect(textOf(generateProbes({}, ['Answer: 7']), 'format-only-answer')).toBe('Answer: ');
    // A number glued to code or a word is not an answer.
    expect(byKind(generateProbes({ solution: 'return x+1' })).has('wrong-number')).toBe(false);
    expect(byKind(generateProbes({}, ['version v2'])).has('wrong-number')).toBe(false);
  });

  it('replaces fenced code with wrong code in the same language, and offers an empty fence', () => {
    const probes = generateProbes({}, ['Here you go:\n```python\ndef add(a, b):\n    return a + b\n```\n']);
    expect(textOf(probes, 'wrong-code')).toBe('```python\ndef solution(*args):\n    return None\n```');
    expect(textOf(probes, 'format-only-code')).toBe('```python\n```');
    expect(byKind(probes).has('format-only-answer')).toBe(false); // a format-only probe already exists
    expect(textOf(generateProbes({}, ['```\nfoo\n```']), 'wrong-code')).toBe('```\nprint("hello world")\n```');
  });

  it('narrows to the kinds asked for, and accepts bare strings as real samples', () => {
    const probes = generateProbes(item, ['Answer: Paris'], { kinds: ['empty', 'judge-injection'] });
    expect(probes.map((p) => p.kind)).toEqual(['empty', 'judge-injection']);
  });

  it('keeps kinds unique per item even when several real samples share a format', () => {
    const probes = generateProbes({ answer: '1' }, ['1', '2', '{"a": 1}', '{"b": 2}']);
    const kinds = probes.map((p) => p.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(textOf(probes, 'wrong-number')).toBe('3');
    expect(toPlain(byKind(probes).get('wrong-json-values')!.sample.output_json!)).toEqual({ a: 3 });
  });
});
