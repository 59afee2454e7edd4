import { describe, expect, it } from 'vitest';
import { joinSamples, parseJsonl, summarize } from './dataset.ts';
import { pyJsonDumps } from './json.ts';

describe('parseJsonl', () => {
  it('reads item/sample rows, item/samples rows and RFT training rows', () => {
    const text = [
      '{"item": {"a": 1}, "sample": {"output_text": "x"}}',
      '',
      '{"item": {"a": 2}, "samples": [{"output_text": "y"}, "raw text"]}',
      '{"messages": [{"role": "user", "content": "q"}], "answer": "z", "sample": "z"}',
    ].join('\n');
    const { rows, errors } = parseJsonl(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([0, 2, 3]);
    expect(rows[1]!.samples).toHaveLength(2);
    expect(rows[1]!.samples[1]).toMatchObject({ output_text: 'raw text' });
    expect(Object.keys(rows[2]!.item as object)).toEqual(['messages', 'answer']);
  });

  it('lists bad rows with their line number and keeps the rest', () => {
    const { rows, errors } = parseJsonl('{"item": {}, "sample": {}}\n{oops\n[1]\n{"item": {}}\n{"item": {}, "samples": []}');
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [2, 'invalid JSON at column 2'],
      [3, 'a row must be a JSON object'],
      [4, 'the row has no "sample" or "samples" to grade'],
      [5, '"samples" is empty'],
    ]);
  });
});

describe('summarize', () => {
  it('computes mean, population std, min and max', () => {
    expect(summarize([0, 1, 1, 0], 1)).toEqual({ count: 4, mean: 0.5, std: 0.5, min: 0, max: 1, errors: 1 });
    expect(summarize([], 0)).toMatchObject({ count: 0 });
  });
});

describe('human scores', () => {
  it('are read from human_scores, a row human_score, or a sample human_score, and kept out of the item', () => {
    const { rows } = parseJsonl(
      [
        '{"item": {}, "samples": [{"output_text": "a"}, {"output_text": "b"}], "human_scores": [1, 0.5]}',
        '{"messages": [], "answer": "x", "sample": "x", "human_score": 0.25}',
        '{"item": {}, "samples": [{"output_text": "a", "human_score": 1.0}, {"output_text": "b"}]}',
        '{"item": {}, "sample": "no human"}',
      ].join('\n'),
    );
    expect(rows.map((r) => r.human)).toEqual([[1, 0.5], [0.25], [1, null], undefined]);
    expect(Object.keys(rows[1]!.item as object)).toEqual(['messages', 'answer']);
  });
});

describe('joinSamples', () => {
  const rows = ['{"item": {"id": "a", "ref": "x"}}', '', '{"id": "b", "messages": [], "ref": "y"}', '{"item": {"id": "c"}, "sample": "own"}'].join('\n');

  it('joins by line', () => {
    const samples = ['{"samples": ["s1", "s2"]}', '{"output_text": "t"}', '"plain text"'].join('\n');
    const j = joinSamples(rows, samples, { kind: 'line' });
    const { rows: parsed } = parseJsonl(j.text);
    expect(j.joined).toBe(3);
    expect(parsed.map((r) => r.samples.length)).toEqual([2, 1, 2]);
    expect(parsed[2]!.samples[1]).toMatchObject({ output_text: 'plain text' });
  });

  it('joins by an id key, in the row or in its item, and reports lines without it', () => {
    const samples = ['{"id": "b", "sample": {"output_text": "for b"}}', '{"id": "a", "samples": ["one", "two"]}', '{"nope": 1}'].join('\n');
    const j = joinSamples(rows, samples, { kind: 'key', key: 'id' });
    const { rows: parsed } = parseJsonl(j.text);
    expect(parsed.map((r) => r.samples.length)).toEqual([2, 1, 1]);
    expect(parsed[1]!.samples[0]).toMatchObject({ output_text: 'for b' });
    expect(j.errors).toEqual([{ row: 2, line: 3, message: 'samples file: no "id" to join on' }]);
  });
});

describe('key order of dataset rows', () => {
  it('an RFT row is its own item, in source order; joined rows keep their order', () => {
    const { rows } = parseJsonl('{"b": 1, "2": 2, "sample": "x", "1": 3}\n');
    expect(pyJsonDumps(rows[0]!.item)).toBe('{"b": 1, "2": 2, "1": 3}');
    const joined = joinSamples('{"z": 0, "3": 1, "item": {"k": 1, "0": 0}}\n', '"a"\n', { kind: 'line' });
    expect(joined.text).toBe('{"z":0,"3":1,"item":{"k":1,"0":0},"samples":["a"]}\n');
  });
});
