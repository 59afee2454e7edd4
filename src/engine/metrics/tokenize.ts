/**
 * Python `str` semantics the text metrics share: code points instead of UTF-16 units, `str.split()` with
 * Python's exact whitespace set, and code-point string ordering (Python's `sorted`).
 * Pure helpers only: no metric lives here, and nothing here may depend on the browser's Unicode tables
 * (the whitespace set is fixed so every engine splits the same way).
 */

/**
 * Python `str.isspace()`: Unicode White_Space-ish set CPython derives from bidi class WS/B/S and category Zs.
 * Differs from JS `\s`: includes \x1c-\x1f and \x85, excludes \ufeff. All members are in the BMP.
 * Indexed by UTF-16 unit up to U+3000 (1 = space); read-only.
 */
export const PY_SPACE = (() => {
  const t = new Uint8Array(0x3001);
  const set = (a: number, b = a): void => {
    for (let c = a; c <= b; c++) t[c] = 1;
  };
  set(0x09, 0x0d);
  set(0x1c, 0x20);
  set(0x85);
  set(0xa0);
  set(0x1680);
  set(0x2000, 0x200a);
  set(0x2028, 0x2029);
  set(0x202f);
  set(0x205f);
  set(0x3000);
  return t;
})();

/** Python `ch.isspace()` for one code point (or UTF-16 unit: surrogates are never spaces). */
export function isPySpace(cp: number): boolean {
  return cp <= 0x3000 && PY_SPACE[cp] === 1;
}

/** Python `s.split()` (no argument): split on runs of whitespace, drop empty strings. */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x3000 && PY_SPACE[c] === 1) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(start === 0 ? s : s.slice(start));
  return out;
}

/** A token of `pySplit` with its position in the source, in UTF-16 units (for highlighting). */
export interface TokenSpan {
  text: string;
  start: number;
  end: number;
}

/** `pySplit` that also reports where each token sits (UTF-16 offsets into `s`). */
export function pySplitSpans(s: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  const n = s.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 0x20;
    if (c <= 0x3000 && PY_SPACE[c] === 1) {
      if (start >= 0) {
        out.push({ text: s.slice(start, i), start, end: i });
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  return out;
}

/**
 * Python's `str` ordering (by code point). JS `<` compares UTF-16 units, which puts astral characters
 * (surrogates D800-DFFF) before U+E000-U+FFFF; shifting units at the first difference restores code-point order.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) return compareCpAt(a, b, i);
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Slow path at a difference involving a surrogate: compare real code points (pairs or lone surrogates). */
function compareCpAt(a: string, b: string, i: number): number {
  if (i > 0) {
    const p = a.charCodeAt(i - 1);
    if (p >= 0xd800 && p <= 0xdbff) {
      const cx = a.codePointAt(i - 1) as number;
      const cy = b.codePointAt(i - 1) as number;
      if (cx !== cy) return cx - cy;
    }
  }
  return (a.codePointAt(i) as number) - (b.codePointAt(i) as number);
}

let sortKeys: Float64Array = new Float64Array(64);
const KEY_INDEX = 524288; // 2^19 tokens; keys below stay exact doubles (< 2^53)

/**
 * Python `sorted(tokens)` for strings, as a new array. Hot in the token scorers, so the common case sorts
 * numeric keys (first two UTF-16 units + index) natively and only compares whole strings within ties;
 * tokens that start with a surrogate fall back to the comparator.
 */
export function pySorted(tokens: Iterable<string>): string[] {
  const arr = Array.isArray(tokens) ? (tokens as string[]).slice() : Array.from(tokens);
  const n = arr.length;
  if (n < 2) return arr;
  if (n >= KEY_INDEX) return arr.sort(compareCodePoints);
  if (sortKeys.length < n) sortKeys = new Float64Array(Math.max(n, sortKeys.length * 2));
  const keys = sortKeys.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const t = arr[i] as string;
    // +1 so that a missing unit (shorter string) sorts first
    const u0 = t.length > 0 ? t.charCodeAt(0) + 1 : 0;
    const u1 = t.length > 1 ? t.charCodeAt(1) + 1 : 0;
    if ((u0 > 0xd800 && u0 <= 0xe000) || (u1 > 0xd800 && u1 <= 0xe000)) return arr.sort(compareCodePoints);
    keys[i] = (u0 * 65537 + u1) * KEY_INDEX + i;
  }
  if (n <= 64) insertionSortKeys(keys, n);
  else keys.sort();
  const out = new Array<string>(n);
  let groupStart = 0;
  let groupKey = -1;
  for (let k = 0; k < n; k++) {
    const key = keys[k] as number;
    const head = Math.floor(key / KEY_INDEX);
    out[k] = arr[key - head * KEY_INDEX] as string;
    if (head !== groupKey) {
      if (k - groupStart > 1) insertionSort(out, groupStart, k);
      groupStart = k;
      groupKey = head;
    }
  }
  if (n - groupStart > 1) insertionSort(out, groupStart, n);
  return out;
}

/** For the usual sentence-sized lists a plain insertion sort beats TypedArray#sort's setup. */
export function insertionSortKeys(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > x) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = x;
  }
}

function insertionSort(a: string[], start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const x = a[i] as string;
    let j = i - 1;
    while (j >= start && compareCodePoints(a[j] as string, x) > 0) {
      a[j + 1] = a[j] as string;
      j--;
    }
    a[j + 1] = x;
  }
}

/**
 * Code points of `s` (Python's `list(map(ord, s))`). A lone surrogate stays one code point, as in Python
 * strings decoded with surrogatepass and as `Array.from` does.
 */
export function toCodePoints(s: string): Int32Array {
  const n = s.length;
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    out[k++] = c;
  }
  return k === n ? out : out.slice(0, k);
}

/**
 * `toCodePoints` into a caller-owned scratch buffer (a view of it, or a new array when it is too small), to spare
 * an allocation per call in hot loops. The view is only valid until the buffer is reused.
 */
export function toCodePointsInto(s: string, buf: Int32Array): Int32Array {
  const n = s.length;
  if (buf.length < n) return toCodePoints(s);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    buf[k++] = c;
  }
  return buf.subarray(0, k);
}

/**
 * The code points of `" ".join(tokens)` written straight into `buf` (a view of it, or a new array when it is
 * too small): the token scorers need only the joined code points, so the joined string is never built.
 */
export function joinCodePointsInto(tokens: readonly string[], buf: Int32Array): Int32Array {
  let units = tokens.length ? tokens.length - 1 : 0;
  for (const t of tokens) units += t.length;
  if (buf.length < units) buf = new Int32Array(units);
  let k = 0;
  for (let ti = 0; ti < tokens.length; ti++) {
    if (ti > 0) buf[k++] = 0x20;
    const s = tokens[ti] as string;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
        }
      }
      buf[k++] = c;
    }
  }
  return buf.subarray(0, k);
}

/** Inverse of `toCodePoints` (optionally of the slice [start, end)). */
export function fromCodePoints(cps: ArrayLike<number>, start = 0, end = cps.length): string {
  let s = '';
  const CHUNK = 4096;
  for (let i = start; i < end; i += CHUNK) {
    const part: number[] = [];
    const stop = Math.min(end, i + CHUNK);
    for (let j = i; j < stop; j++) part.push(cps[j] as number);
    s += String.fromCodePoint(...part);
  }
  return s;
}

/** Python `len(s)`: the number of code points. */
export function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * UTF-16 offset of every code-point index of `s`, plus one entry for the end (length cpLength(s)+1):
 * turns code-point ranges (how the metrics count) into offsets a JS/DOM highlighter can use.
 */
export function cpToUtf16Offsets(s: string): Int32Array {
  const cps = toCodePoints(s);
  const out = new Int32Array(cps.length + 1);
  let u = 0;
  for (let i = 0; i < cps.length; i++) {
    out[i] = u;
    u += (cps[i] as number) > 0xffff ? 2 : 1;
  }
  out[cps.length] = u;
  return out;
}
