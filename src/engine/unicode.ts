/**
 * Python's `str.lower()` on one pinned Unicode version: the one of the CPython the python graders run on
 * (Pyodide; tables in unicode-data.ts, generated from that Python). Every case mapping of the engine goes
 * through here, so a score never depends on the JS engine's own Unicode tables (`toLowerCase` follows the
 * browser's version: Node 20 has Unicode 17, where "\uA7CE" lower-cases to "\uA7CF"; in Python 3.14 it stays).
 * ASCII takes a fast path; other tables are decoded on first use. No DOM, no metric here.
 */
import { CASED, CASE_IGNORABLE, LOWER, LOWER_MULTI, UNICODE_VERSION } from './unicode-data.ts';

export { UNICODE_VERSION };

/** In the BMP delta table: the mapping has several code points (LOWER_MULTI). */
const MULTI = 0x40000000;

let bmpDelta: Int32Array | null = null;
let astralLower: Map<number, number> | null = null;
let casedRanges: Int32Array | null = null;
let ignorableRanges: Int32Array | null = null;

function decodeLower(): void {
  bmpDelta = new Int32Array(0x10000);
  astralLower = new Map();
  let prev = 0;
  for (const run of LOWER.split(' ')) {
    const step = run.includes('_') ? 2 : 1;
    const [gap, count, delta] = run.split(/[._]/).map((x) => parseInt(x, 36)) as [number, number, number];
    const start = prev + gap;
    for (let k = 0; k < count; k++) {
      const cp = start + k * step;
      if (cp < 0x10000) bmpDelta[cp] = delta;
      else astralLower.set(cp, cp + delta);
    }
    prev = start + step * (count - 1) + 1;
  }
  for (const cp of Object.keys(LOWER_MULTI).map(Number)) bmpDelta[cp] = MULTI;
}

function decodeRanges(text: string): Int32Array {
  const parts = text.split(' ');
  const out = new Int32Array(parts.length * 2);
  let prev = 0;
  parts.forEach((p, i) => {
    const [gap, len] = p.split('.').map((x) => parseInt(x, 36)) as [number, number];
    out[2 * i] = prev + gap;
    out[2 * i + 1] = prev + gap + len - 1;
    prev = prev + gap + len;
  });
  return out;
}

function inRanges(r: Int32Array, c: number): boolean {
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < r[2 * mid]!) hi = mid - 1;
    else if (c > r[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Python's `chr(cp).lower()` as a code point: its first one when the mapping has several ("İ" -> "i"). */
export function pyLowerCodePoint(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (bmpDelta === null) decodeLower();
  if (cp < 0x10000) {
    const d = bmpDelta![cp]!;
    return d === MULTI ? LOWER_MULTI[cp]!.codePointAt(0)! : cp + d;
  }
  return astralLower!.get(cp) ?? cp;
}

/** The code point that ends just before UTF-16 offset `end`, or -1. */
function cpBefore(s: string, end: number): number {
  if (end <= 0) return -1;
  const d = s.charCodeAt(end - 1);
  if (d >= 0xdc00 && d <= 0xdfff && end >= 2) {
    const h = s.charCodeAt(end - 2);
    if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return d;
}

const cpWidth = (cp: number) => (cp > 0xffff ? 2 : 1);

/**
 * CPython's Final_Sigma context for the capital sigma at `i`: `\p{cased}\p{case-ignorable}*` before it and
 * no `\p{case-ignorable}*\p{cased}` after it (unicodeobject.c handle_capital_sigma).
 */
function finalSigma(s: string, i: number): boolean {
  if (casedRanges === null) {
    casedRanges = decodeRanges(CASED);
    ignorableRanges = decodeRanges(CASE_IGNORABLE);
  }
  const ign = ignorableRanges!;
  let j = i;
  let c = -1;
  while (j > 0) {
    c = cpBefore(s, j);
    j -= cpWidth(c);
    if (!inRanges(ign, c)) break;
    c = -1;
  }
  if (c < 0 || !inRanges(casedRanges, c)) return false;
  for (let k = i + 1; k < s.length; ) {
    const d = s.codePointAt(k)!;
    if (!inRanges(ign, d)) return !inRanges(casedRanges, d);
    k += cpWidth(d);
  }
  return true;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Python's `s.lower()`: full case mapping ("İ" -> "i̇"), Final_Sigma, Unicode of the pinned Python. */
export function pyLower(s: string): string {
  const first = s.search(NON_ASCII);
  // ASCII maps the same in every Unicode version: the engine's own toLowerCase is exact there.
  if (first < 0) return s.toLowerCase();
  if (bmpDelta === null) decodeLower();
  const delta = bmpDelta!;
  const n = s.length;
  let out = first > 0 ? s.slice(0, first).toLowerCase() : '';
  let i = first;
  let from = first; // start of the stretch not yet written to out
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // An ASCII run: lower-cased natively in one piece.
      let j = i + 1;
      while (j < n && s.charCodeAt(j) < 0x80) j++;
      out += s.slice(from, i) + s.slice(i, j).toLowerCase();
      from = i = j;
      continue;
    }
    let mapped: string | null = null;
    let width = 1;
    if (c === 0x3a3) {
      mapped = finalSigma(s, i) ? '\u03c2' : '\u03c3';
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      const m = astralLower!.get(((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000);
      if (m !== undefined) mapped = String.fromCodePoint(m);
    } else if (delta[c] !== 0) {
      mapped = delta[c] === MULTI ? LOWER_MULTI[c]! : String.fromCharCode(c + delta[c]!);
    }
    if (mapped !== null) {
      out += s.slice(from, i) + mapped;
      from = i + width;
    }
    i += width;
  }
  return out + s.slice(from);
}
