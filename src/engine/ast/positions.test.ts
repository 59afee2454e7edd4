import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionMapper } from './positions.ts';
import type { AstPos } from './types.ts';

/** The UTF-16 position of a UTF-16 offset, computed the slow, obvious way. */
function utf16Pos(source: string, index: number): AstPos {
  const before = source.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, column: index - (before.lastIndexOf('\n') + 1), index };
}
/** The same position counted in code points (ast-grep-py's convention). */
function codePointPos(source: string, index: number): AstPos {
  const before = source.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length - 1, column: [...before.slice(lineStart)].length, index: [...before].length };
}

describe('positionMapper', () => {
  it('is the identity without astral characters', () => {
    const m = positionMapper('héllo\nwörld');
    expect(m.toCodePoints({ line: 1, column: 3, index: 9 })).toStrictEqual({ line: 1, column: 3, index: 9 });
    expect(m.indexToUtf16(9)).toBe(9);
  });

  it('counts an emoji as one character after it', () => {
    const src = 'a😀b\n😀😀c';
    const m = positionMapper(src);
    // `b` is UTF-16 index 3, code point 2; `c` is UTF-16 index 9 (column 5), code point 6 (column 2).
    expect(m.toCodePoints(utf16Pos(src, 3))).toStrictEqual({ line: 0, column: 2, index: 2 });
    expect(m.toCodePoints(utf16Pos(src, 9))).toStrictEqual({ line: 1, column: 2, index: 6 });
    expect(m.toCodePointsRange({ start: utf16Pos(src, 0), end: utf16Pos(src, 10) }).end).toStrictEqual({ line: 1, column: 3, index: 7 });
    expect(m.indexToUtf16(6)).toBe(9);
    expect(m.indexToCodePoints(9)).toBe(6);
  });

  it('agrees with a direct count on random text, both ways', () => {
    const text = fc.array(fc.constantFrom('a', 'é', '\n', '😀', '𐀀', '中', ' '), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.nat(), (src, k) => {
        // Only offsets on character boundaries: node ranges never split a surrogate pair.
        const boundaries = [0, ...[...src].map((_, i) => [...src].slice(0, i + 1).join('').length)];
        const index = boundaries[k % boundaries.length] as number;
        const m = positionMapper(src);
        const cp = codePointPos(src, index);
        expect(m.toCodePoints(utf16Pos(src, index))).toStrictEqual(cp);
        expect(m.indexToUtf16(cp.index)).toBe(index);
      }),
    );
  });
});
