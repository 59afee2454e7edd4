/**
 * Converting positions between UTF-16 code units (napi, @ast-grep/wasm, web-tree-sitter, JS strings) and
 * Unicode code points (ast-grep's Python binding: `Pos.column`/`index` and edit offsets count characters).
 * The two differ only after an astral character (e.g. an emoji), which is two UTF-16 units and one code point.
 */
import type { AstPos, AstRange } from './types.ts';

export interface PositionMapper {
  /** A UTF-16 position of the source as the same position in code points. */
  toCodePoints(pos: AstPos): AstPos;
  toCodePointsRange(range: AstRange): AstRange;
  /** A code-point offset of the source as a UTF-16 offset (e.g. for applying Python-side edits). */
  indexToUtf16(codePointIndex: number): number;
  /** A UTF-16 offset as a code-point offset. */
  indexToCodePoints(utf16Index: number): number;
}

/** Builds a mapper for one source text; O(number of astral characters) memory, O(log n) per lookup. */
export function positionMapper(source: string): PositionMapper {
  // UTF-16 index of each astral character's high surrogate, ascending.
  const astral: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < source.length) {
      const d = source.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  // How many astral characters start before UTF-16 index `i`.
  const before = (i: number): number => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((astral[mid] as number) < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const indexToCodePoints = (i: number): number => i - before(i);
  const toCodePoints = (pos: AstPos): AstPos => {
    if (astral.length === 0) return { ...pos };
    const lineStart = pos.index - pos.column;
    return {
      line: pos.line,
      column: pos.column - (before(pos.index) - before(lineStart)),
      index: indexToCodePoints(pos.index),
    };
  };
  const indexToUtf16 = (cp: number): number => {
    // Each astral character before the target adds one unit; walk the sorted list while it stays before.
    let units = cp;
    for (const at of astral) {
      if (at < units) units++;
      else break;
    }
    return units;
  };
  return {
    toCodePoints,
    toCodePointsRange: (r) => ({ start: toCodePoints(r.start), end: toCodePoints(r.end) }),
    indexToUtf16,
    indexToCodePoints,
  };
}
