import { describe, expect, it } from 'vitest';
import { batchLines, joinBatchTexts } from './protocol.ts';

const roundTrip = (texts: string[]) => batchLines({ rows: texts.map((_, i) => i), text: joinBatchTexts(texts) }).map((l) => l.text);

describe('joinBatchTexts', () => {
  it('keeps single-line texts exactly, carriage returns included', () => {
    const texts = ['{"a": 1}', '{"b": "x\ry"}', '', '  ', '{"c": "\\n"}'];
    expect(roundTrip(texts)).toEqual(texts);
  });

  it('makes a pretty-printed JSON text one line that parses to the same value, escapes kept', () => {
    const pretty = JSON.stringify({ item: { a: [1, 2] }, sample: { output_text: 'line 1\nline 2 "quoted" \\ end' } }, null, 2);
    const [one] = roundTrip([pretty, '{}']);
    expect(one).not.toContain('\n');
    expect(JSON.parse(one!)).toEqual(JSON.parse(pretty));
    expect(roundTrip(['{\r\n"a": 1\r\n}'])).toEqual(['{\r "a": 1\r }']);
  });

  it('keeps a raw line break inside a string invalid, at the same column', () => {
    const bad = '{"a": "x\ny"}';
    const [one] = roundTrip([bad]);
    expect(one).toBe('{"a": "x\ry"}');
    expect(() => JSON.parse(one!)).toThrow();
    // An escaped backslash before the break does not hide the break.
    expect(roundTrip(['{"a": "x\\\\\ny"}'])).toEqual(['{"a": "x\\\\\ry"}']);
  });
});
