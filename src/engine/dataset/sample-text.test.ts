import { describe, expect, it } from 'vitest';
import { parseJson } from '../json.ts';
import { sampleText, truncateText } from './sample-text.ts';

const v = (t: string) => {
  const p = parseJson(t);
  if (!p.ok) throw new Error('bad json');
  return p.value;
};

describe('sampleText', () => {
  it('reads output_text, else output_json as JSON text, else the whole sample', () => {
    expect(sampleText(v('{"output_text": "Paris", "output_json": {"a": 1}}'))).toBe('Paris');
    expect(sampleText(v('{"output_json": {"a": 1.0}}'))).toBe('{"a":1.0}');
    expect(sampleText(v('{"choices": []}'))).toBe('{"choices":[]}');
    expect(sampleText('plain')).toBe('plain');
    expect(sampleText(undefined)).toBe('');
  });
});

describe('truncateText', () => {
  it('keeps short text and cuts long text to max characters with an ellipsis, never inside a surrogate pair', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('ab😀def', 4)).toBe('ab😀…');
    expect(truncateText('a😀', 2)).toBe('a😀');
  });
});
