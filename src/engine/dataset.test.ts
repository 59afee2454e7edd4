import { describe, expect, it } from 'vitest';
import { parseJsonl, summarize } from './dataset.ts';

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
