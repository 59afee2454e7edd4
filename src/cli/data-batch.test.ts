import { describe, expect, it } from 'vitest';
import { linesOf } from './data-batch.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('linesOf (a batch of whole lines, as bytes)', () => {
  it('splits at \\n, drops the \\r of a \\r\\n, and keeps blank lines (they keep their line numbers)', () => {
    expect(linesOf(bytes('{"a": 1}\r\n\n  \r\n{"b": 2}\n'))).toEqual(['{"a": 1}', '', '  ', '{"b": 2}']);
  });

  it('reads a last line without a line break, and a lone \\r as an empty line', () => {
    expect(linesOf(bytes('x\ny'))).toEqual(['x', 'y']);
    expect(linesOf(bytes('x\n\r'))).toEqual(['x', '']);
    expect(linesOf(bytes(''))).toEqual([]);
  });

  it('decodes UTF-8, keeping a byte-order mark as text (as the stream decoding did) and a \\r inside a line', () => {
    expect(linesOf(bytes('\uFEFF{"t": "é😀"}\n{"t": "a\rb"}\n'))).toEqual(['\uFEFF{"t": "é😀"}', '{"t": "a\rb"}']);
  });
});
