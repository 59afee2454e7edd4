/**
 * Longest common subsequence of code-point arrays with Hyyrö's bit-parallel algorithm ("Bit-parallel LCS-length
 * computation revisited", 2004), as rapidfuzz computes it, plus the Indel distance built on it and the recovery
 * of one alignment (the same traceback as rapidfuzz-cpp `recover_alignment`, for highlighting).
 * The JS kernels use 30-bit words so every sum stays a small int (no BigInt, no float carries); `lcsLength`
 * hands longer patterns to the 64-bit wasm kernel (lcs-wasm.ts) when WebAssembly is available (`lcsLengthString`
 * does the same on surrogate-free strings without building code-point arrays),
 * and the tests run both kernels against a plain dynamic programme.
 * Memory: a pattern's masks take (distinct characters) x (length / 30) int32, e.g. 20 MB for 50k CJK characters.
 * This module knows nothing about scores, strings or processing: inputs are code points (see tokenize.ts).
 */

import { wasmLcs, type WasmLcs } from './lcs-wasm.ts';

export type CodePoints = ArrayLike<number>;

const W = 30;
const MASK = 0x3fffffff;

function popcount30(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * The pattern-match vectors of one string (rapidfuzz's BlockPatternMatchVector): for every distinct code point,
 * a bit mask of its positions, one 30-bit word per 30 characters. Characters get small slot numbers so the
 * masks sit in one flat Int32Array (slot * words + word). Reusable: `build` resets it for a new pattern.
 */
export class PatternMatchVector {
  len = 0;
  words = 0;
  slotCount = 0;
  masks: Int32Array = new Int32Array(64);
  private readonly latin = new Int32Array(256).fill(-1);
  private readonly other = new Map<number, number>();
  /** Latin-1 entries set by the last build, so the next build resets only those. */
  private readonly latinUsed = new Int32Array(256);
  private latinUsedCount = 0;

  constructor(pattern?: CodePoints, start = 0, end = pattern ? pattern.length : 0, reverse = false) {
    if (pattern) this.build(pattern, start, end, reverse);
  }

  /** Make this the vector of `pattern[start:end]` (or of its reverse, for suffix scans). */
  build(pattern: CodePoints, start = 0, end = pattern.length, reverse = false): this {
    const len = Math.max(0, end - start);
    const words = Math.ceil(len / W);
    this.len = len;
    this.words = words;
    const latin = this.latin;
    const latinUsed = this.latinUsed;
    for (let k = 0; k < this.latinUsedCount; k++) latin[latinUsed[k] as number] = -1;
    let nLatin = 0;
    if (this.other.size) this.other.clear();
    let slots = 0;
    let masks = this.masks;
    let i = 0;
    const step = reverse ? -1 : 1;
    let pos = reverse ? end - 1 : start;
    for (let w = 0; w < words; w++) {
      const stop = Math.min(len, i + W);
      for (let bit = 1; i < stop; i++, bit <<= 1, pos += step) {
        const c = pattern[pos] as number;
        let slot = c < 256 ? (latin[c] as number) : (this.other.get(c) ?? -1);
        if (slot < 0) {
          slot = slots++;
          if (c < 256) {
            latin[c] = slot;
            latinUsed[nLatin++] = c;
          } else this.other.set(c, slot);
          const base = slot * words;
          if (base + words > masks.length) {
            const grown = new Int32Array(Math.max(base + words, masks.length * 2));
            grown.set(masks.subarray(0, base));
            masks = this.masks = grown;
          }
          // A manual loop: TypedArray#fill costs more than zeroing a handful of words.
          for (let k = 0; k < words; k++) masks[base + k] = 0;
        }
        const k = slot * words + w;
        masks[k] = (masks[k] as number) | bit;
      }
    }
    this.latinUsedCount = nLatin;
    this.slotCount = slots;
    return this;
  }

  /** The slot of a code point, or -1 when it does not occur in the pattern. */
  slot(c: number): number {
    return c < 256 ? (this.latin[c] as number) : (this.other.get(c) ?? -1);
  }

  /** The slots of `text[start:end]` (reversed when asked), ready for the kernels below. */
  slotsOf(text: CodePoints, start = 0, end = text.length, reverse = false, out?: Int32Array): Int32Array {
    const n = Math.max(0, end - start);
    const res = out && out.length >= n ? out : new Int32Array(n);
    const latin = this.latin;
    const other = this.other;
    const hasOther = other.size > 0;
    if (!reverse && !hasOther) {
      for (let i = 0; i < n; i++) {
        const c = text[start + i] as number;
        res[i] = c < 256 ? (latin[c] as number) : -1;
      }
      return res;
    }
    for (let i = 0; i < n; i++) {
      const c = text[reverse ? end - 1 - i : start + i] as number;
      res[i] = c < 256 ? (latin[c] as number) : hasOther ? (other.get(c) ?? -1) : -1;
    }
    return res;
  }
}

let scratch: Int32Array = new Int32Array(64);
function scratchS(words: number): Int32Array {
  if (scratch.length < words) scratch = new Int32Array(Math.max(words, scratch.length * 2));
  scratch.fill(MASK, 0, words);
  return scratch;
}

/**
 * LCS(pattern, text) where the text is given as slots of `pm`: `slots[start:end]`.
 * With `minLcs` > 0, row r only updates the words up to pattern position r + (len1 - minLcs): an alignment of
 * length >= minLcs never goes above that diagonal, and the words above it still hold all-ones, i.e. values
 * that underestimate the true ones, which cannot beat such an alignment. So the result is exact when the true
 * LCS is >= minLcs and below minLcs otherwise. (rapidfuzz-cpp `lcs_blockwise` also freezes the words below
 * the band with a zero carry; that can underestimate a qualifying LCS, so we do not.)
 */
export function lcsSlots(pm: PatternMatchVector, slots: Int32Array, start: number, end: number, minLcs = 0): number {
  const words = pm.words;
  const len1 = pm.len;
  const len2 = end - start;
  if (words === 0 || len2 <= 0) return 0;
  const masks = pm.masks;
  if (words === 1) {
    let S = MASK;
    for (let j = start; j < end; j++) {
      const slot = slots[j] as number;
      if (slot < 0) continue;
      const u = S & (masks[slot] as number);
      S = ((S + u) | (S - u)) & MASK;
    }
    return popcount30(~S & MASK);
  }
  const S = scratchS(words);
  const bandLeft = len1 - minLcs;
  if (minLcs > 0 && bandLeft >= 0 && bandLeft + 1 < (words - 1) * W) {
    // Rows until the band reaches the top word, then the plain loop for the rest.
    const full = Math.min(len2, (words - 1) * W - bandLeft);
    let row = 0;
    for (; row < full; row++) {
      const slot = slots[start + row] as number;
      if (slot < 0) continue;
      const last = Math.ceil((row + 1 + bandLeft) / W);
      const base = slot * words;
      let carry = 0;
      for (let w = 0; w < last; w++) {
        const Sw = S[w] as number;
        const u = Sw & (masks[base + w] as number);
        const sum = Sw + u + carry;
        carry = sum >>> W;
        S[w] = (sum | (Sw - u)) & MASK;
      }
    }
    start += row;
  }
  for (let j = start; j < end; j++) {
    const slot = slots[j] as number;
    if (slot < 0) continue;
    const base = slot * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const Sw = S[w] as number;
      const u = Sw & (masks[base + w] as number);
      const sum = Sw + u + carry;
      carry = sum >>> W;
      S[w] = (sum | (Sw - u)) & MASK;
    }
  }
  let lcs = 0;
  for (let w = 0; w < words; w++) lcs += popcount30(~(S[w] as number) & MASK);
  return lcs;
}

/**
 * LCS of the pattern against every prefix of `slots[start:end]` in one pass: out[k] = LCS(pattern,
 * text[start:start+k+1]). Bit-parallel rows are exactly the prefix answers, so all prefixes cost one LCS.
 */
export function lcsPrefixes(pm: PatternMatchVector, slots: Int32Array, start: number, end: number, out: Int32Array): void {
  const words = pm.words;
  const n = end - start;
  if (words === 0) {
    out.fill(0, 0, n);
    return;
  }
  const masks = pm.masks;
  const S = scratchS(words);
  let lcs = 0;
  for (let k = 0; k < n; k++) {
    const slot = slots[start + k] as number;
    if (slot >= 0) {
      const base = slot * words;
      let carry = 0;
      lcs = 0;
      for (let w = 0; w < words; w++) {
        const Sw = S[w] as number;
        const u = Sw & (masks[base + w] as number);
        const sum = Sw + u + carry;
        carry = sum >>> W;
        const nw = (sum | (Sw - u)) & MASK;
        S[w] = nw;
        lcs += popcount30(~nw & MASK);
      }
    }
    out[k] = lcs;
  }
}

/** Lengths of the common prefix and (non-overlapping) common suffix of a[aS:aE] and b[bS:bE]. */
export function commonAffix(
  a: CodePoints,
  aS: number,
  aE: number,
  b: CodePoints,
  bS: number,
  bE: number,
): { prefix: number; suffix: number } {
  let prefix = 0;
  while (aS + prefix < aE && bS + prefix < bE && a[aS + prefix] === b[bS + prefix]) prefix++;
  let suffix = 0;
  while (aE - suffix > aS + prefix && bE - suffix > bS + prefix && a[aE - 1 - suffix] === b[bE - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

const sharedPm = new PatternMatchVector();
let sharedSlots: Int32Array = new Int32Array(256);

/**
 * Patterns this long or shorter take the one-word JS kernel; longer ones the wasm kernel when there is one. Latin-1
 * patterns have no length limit there; others (the slot path, one mask row per pattern character) stop at
 * WIDE_MAX code points and take the JS kernel beyond.
 */
const JS_ONLY_MAX = W;
const WIDE_MAX = 8192;

/*
 * Wasm memory layout, sized for `cap` 64-bit words (patterns up to 64·cap code points): S, the Latin-1 mask
 * table, the pattern, the text, then the slot path's area. The table stays all-zero between calls (clear256
 * undoes build256). A longer pattern moves the whole layout to freshly grown (zeroed) memory past the old end,
 * so the new table is zero too; the old area is left unused.
 */
let cap = 0;
let S_PTR = 0;
let TABLE_PTR = 0;
let PAT_PTR = 0;
let TEXT_PTR = 0;
let SLOT_AREA = 0;

/** Slot tables for the wasm slot path (the same character -> small number scheme as PatternMatchVector). */
const wideLatin = new Int32Array(256).fill(-1);
const wideLatinUsed = new Int32Array(256);
let wideLatinUsedCount = 0;
const wideOther = new Map<number, number>();
/**
 * The view of the whole wasm memory. Only heapFor grows that memory, and growing detaches the old buffer (its
 * views read length 0), so a non-empty view is current: the hot paths check that instead of asking for
 * `memory.buffer`, an API call.
 */
let heap: Int32Array | undefined;

function heapFor(k: WasmLcs, bytes: number): Int32Array {
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  if (!heap || heap.buffer !== k.memory.buffer) heap = new Int32Array(k.memory.buffer);
  return heap;
}

/** Make room for a pattern of `words` 64-bit words (see the layout above); returns the heap view. */
function layoutFor(k: WasmLcs, words: number): Int32Array {
  if (words <= cap && heap && heap.length !== 0) return heap;
  if (words > cap) {
    const base = cap === 0 ? 0 : k.memory.buffer.byteLength;
    cap = Math.max(words, cap * 2, WIDE_MAX / 64);
    S_PTR = base;
    TABLE_PTR = S_PTR + cap * 8;
    PAT_PTR = TABLE_PTR + 256 * cap * 8;
    TEXT_PTR = PAT_PTR + cap * 64 * 4;
    SLOT_AREA = TEXT_PTR + cap * 64 * 4;
  }
  return heapFor(k, SLOT_AREA);
}

function copyInto(h: Int32Array, at: number, src: CodePoints | string, start: number, len: number): void {
  if (typeof src === 'string') copyString(h, at, src, start, len);
  else if (src instanceof Int32Array) h.set(src.subarray(start, start + len), at);
  else for (let i = 0; i < len; i++) h[at + i] = src[start + i] as number;
}

/** Its own function so the loop only ever sees strings (the shared copy loop is slower when it sees both). */
function copyString(h: Int32Array, at: number, src: string, start: number, len: number): void {
  for (let i = 0; i < len; i++) h[at + i] = src.charCodeAt(start + i);
}

/**
 * LCS(p[pS:pS+len1], t[tS:tS+n]) with the 64-bit wasm kernel, n <= len1. Latin-1 patterns (the usual case) index
 * a 256-row mask table by code point, so all per-character work runs in wasm; other patterns (up to WIDE_MAX;
 * undefined beyond) number their characters in JS and use slot-major masks. Strings are read as code units:
 * callers pass strings only when they hold no surrogates.
 */
function lcsWasm(
  k: WasmLcs,
  p: CodePoints | string,
  pS: number,
  len1: number,
  t: CodePoints | string,
  tS: number,
  n: number,
  minLcs: number,
): number | undefined {
  const words = (len1 + 63) >>> 6;
  const band = minLcs > 0 ? len1 - minLcs : -1;
  let h = layoutFor(k, words);
  const pat = PAT_PTR >> 2;
  const text = TEXT_PTR >> 2;
  copyInto(h, pat, p, pS, len1);
  copyInto(h, text, t, tS, n);
  if (k.build256(PAT_PTR, len1, TABLE_PTR, words) === 0) {
    const lcs = k.lcs(words, n, TEXT_PTR, TABLE_PTR, S_PTR, band, 256);
    k.clear256(PAT_PTR, len1, TABLE_PTR, words);
    return lcs;
  }
  if (len1 > WIDE_MAX) return undefined;

  for (let i = 0; i < wideLatinUsedCount; i++) wideLatin[wideLatinUsed[i] as number] = -1;
  wideLatinUsedCount = 0;
  if (wideOther.size) wideOther.clear();
  const stride = words * 2; // int32 halves per slot
  const maskStart = SLOT_AREA >> 2;
  // Room for one slot per pattern character, so slots and bits are set in one pass; the text's slots go after.
  const textStart = maskStart + len1 * stride;
  h = heapFor(k, (textStart + n) * 4);
  let slots = 0;
  for (let i = 0; i < len1; i++) {
    const c = h[pat + i] as number;
    let slot = c < 256 ? (wideLatin[c] as number) : (wideOther.get(c) ?? -1);
    if (slot < 0) {
      slot = slots++;
      if (c < 256) {
        wideLatin[c] = slot;
        wideLatinUsed[wideLatinUsedCount++] = c;
      } else wideOther.set(c, slot);
      const base = maskStart + slot * stride;
      for (let q = 0; q < stride; q++) h[base + q] = 0;
    }
    const idx = maskStart + slot * stride + (i >>> 5);
    h[idx] = (h[idx] as number) | (1 << (i & 31));
  }
  const hasOther = wideOther.size > 0;
  for (let j = 0; j < n; j++) {
    const c = h[text + j] as number;
    h[textStart + j] = c < 256 ? (wideLatin[c] as number) : hasOther ? (wideOther.get(c) ?? -1) : -1;
  }
  return k.lcs(words, n, textStart * 4, SLOT_AREA, S_PTR, band, slots);
}

const utf8 = new TextEncoder();
/** Byte views of the pattern and text areas, kept while the layout and the memory stay (no view built per call). */
let patBytes: Uint8Array | undefined;
let textBytes: Uint8Array | undefined;

/** Point the byte views at the pattern and text areas (after layoutFor moved them or the memory grew). */
function byteViews(h: Int32Array): void {
  if (viewsOf !== h || viewsAt !== PAT_PTR) {
    patBytes = new Uint8Array(h.buffer, PAT_PTR, TEXT_PTR - PAT_PTR);
    textBytes = new Uint8Array(h.buffer, TEXT_PTR, SLOT_AREA - TEXT_PTR);
    viewsOf = h;
    viewsAt = PAT_PTR;
    areas = [patBytes, textBytes];
  }
}
/** [patBytes, textBytes], made once per layout for asciiAreas (its callers only read it). */
let areas: [Uint8Array, Uint8Array] | undefined;
/** The heap view and the layout the byte views were made for. */
let viewsOf: Int32Array | undefined;
let viewsAt = -1;

/**
 * LCS of two whole strings read as bytes, or -1 when either is not ASCII: each is written into the wasm memory
 * with TextEncoder.encodeInto (one byte per character exactly when it is ASCII) and one wasm call does the rest
 * (common affix, pattern choice, the unrolled or banded kernel: `lcsBytes` in lcs-wasm.ts).
 */
function lcsAsciiStrings(k: WasmLcs, a: string, b: string, minLcs: number): number {
  const lenA = a.length;
  const lenB = b.length;
  // The areas hold cap·256 bytes: room for the whole strings.
  byteViews(layoutFor(k, Math.max(1, (Math.max(lenA, lenB) + 255) >>> 8)));
  const x = utf8.encodeInto(a, patBytes as Uint8Array);
  if (x.read !== lenA || x.written !== lenA) return -1;
  const y = utf8.encodeInto(b, textBytes as Uint8Array);
  if (y.read !== lenB || y.written !== lenB) return -1;
  return k.lcsBytes(PAT_PTR, lenA, TEXT_PTR, lenB, TABLE_PTR, S_PTR, minLcs);
}

/**
 * Byte views of the wasm pattern and text areas, each with room for `n` bytes, for callers that write ASCII
 * there themselves and then call `lcsAreas` (the token scorers write joined tokens without building strings).
 * undefined when the wasm kernel is off or unavailable. Valid until the next call into this module; the same
 * array comes back each time: read it, do not change it.
 */
export function asciiAreas(n: number): [Uint8Array, Uint8Array] | undefined {
  const k = useWasm ? wasmLcs() : undefined;
  if (!k) return undefined;
  byteViews(layoutFor(k, Math.max(1, (n + 255) >>> 8)));
  return areas;
}

/**
 * LCS of the first `lenA` bytes of the pattern area and the first `lenB` of the text area (written after
 * `asciiAreas`), with lcsLength's `minLcs` contract: common affix off, the longer middle as the pattern, the JS
 * one-word kernel up to 30 bytes, the wasm kernels beyond.
 */
export function lcsAreas(lenA: number, lenB: number, minLcs = 0): number {
  if (minLcs > Math.min(lenA, lenB)) return 0;
  if (lenA > JS_ONLY_MAX || lenB > JS_ONLY_MAX) {
    return (wasmLcs() as WasmLcs).lcsBytes(PAT_PTR, lenA, TEXT_PTR, lenB, TABLE_PTR, S_PTR, minLcs);
  }
  const A = patBytes as Uint8Array;
  const B = textBytes as Uint8Array;
  let prefix = 0;
  while (prefix < lenA && prefix < lenB && A[prefix] === B[prefix]) prefix++;
  let suffix = 0;
  while (suffix < lenA - prefix && suffix < lenB - prefix && A[lenA - 1 - suffix] === B[lenB - 1 - suffix]) suffix++;
  const affix = prefix + suffix;
  const midA = lenA - affix;
  const midB = lenB - affix;
  if (midA === 0 || midB === 0) return affix;
  // Both strings are at most JS_ONLY_MAX bytes: the one-word JS kernel, the longer middle as the pattern.
  const aLonger = midA >= midB;
  const pLen = aLonger ? midA : midB;
  const tLen = aLonger ? midB : midA;
  const P = aLonger ? A : B;
  const T = aLonger ? B : A;
  const masks = shortMasks;
  for (let i = 0, bit = 1; i < pLen; i++, bit <<= 1) {
    const c = P[prefix + i] as number;
    masks[c] = (masks[c] as number) | bit;
  }
  let S = MASK;
  for (let j = 0; j < tLen; j++) {
    const u = S & (masks[T[prefix + j] as number] as number);
    S = ((S + u) | (S - u)) & MASK;
  }
  for (let i = 0; i < pLen; i++) masks[P[prefix + i] as number] = 0;
  return affix + popcount30(~S & MASK);
}

/**
 * Length of the longest common subsequence of two code-point sequences. With `minLcs`, the answer is exact when
 * it is >= minLcs and merely some smaller number otherwise (the cut-off lets the computation skip work).
 */
export function lcsLength(a: CodePoints, b: CodePoints, minLcs = 0): number {
  const lenA = a.length;
  const lenB = b.length;
  if (minLcs > Math.min(lenA, lenB)) return 0;
  let prefix = 0;
  while (prefix < lenA && prefix < lenB && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < lenA - prefix && suffix < lenB - prefix && a[lenA - 1 - suffix] === b[lenB - 1 - suffix]) suffix++;
  const affix = prefix + suffix;
  const midA = lenA - affix;
  const midB = lenB - affix;
  if (midA === 0 || midB === 0) return affix;
  // The longer string is the pattern (as rapidfuzz does): fewer rows, each row a few more words.
  const aLonger = midA >= midB;
  const p = aLonger ? a : b;
  const t = aLonger ? b : a;
  const pLen = aLonger ? midA : midB;
  const tLen = aLonger ? midB : midA;
  const rest = Math.max(0, minLcs - affix);
  const k = pLen > JS_ONLY_MAX && useWasm ? wasmLcs() : undefined;
  if (k) {
    const lcs = lcsWasm(k, p, prefix, pLen, t, prefix, tLen, rest);
    if (lcs !== undefined) return affix + lcs;
  }
  sharedPm.build(p, prefix, prefix + pLen);
  if (sharedSlots.length < tLen) sharedSlots = new Int32Array(Math.max(tLen, sharedSlots.length * 2));
  const slots = sharedPm.slotsOf(t, prefix, prefix + tLen, false, sharedSlots);
  return affix + lcsSlots(sharedPm, slots, 0, tLen, rest);
}

/** True when `s` holds a UTF-16 surrogate, i.e. its code units are not its code points. */
export function hasSurrogate(s: string): boolean {
  return SURROGATE.test(s);
}
const SURROGATE = /[\uD800-\uDFFF]/;

/** One-word masks by Latin-1 code unit for the short-pattern string kernel; all zero between calls. */
const shortMasks = new Int32Array(256);

/** A UTF-16 surrogate (half of an astral code point, or a lone one): such strings need code-point arrays. */
const isSurrogate = (c: number): boolean => (c & 0xf800) === 0xd800;

/**
 * `lcsLength` of two strings read with charCodeAt (no code-point arrays are built), or -1 when either holds a
 * surrogate (its code units are not its code points; nothing is computed then). Every character is checked once
 * on the way (affix scans, pattern build, text scan, or TextEncoder's ASCII check), so callers need no
 * `hasSurrogate` pass first; with `minLcs` > 0 they must have checked, since lengths decide early exits.
 */
export function lcsLengthString(a: string, b: string, minLcs = 0): number {
  const lenA = a.length;
  const lenB = b.length;
  if (minLcs > Math.min(lenA, lenB)) return 0;
  // Longer strings go to wasm as bytes when they are ASCII (surrogates are not), affix and all.
  const k = (lenA > JS_ONLY_MAX || lenB > JS_ONLY_MAX) && useWasm ? wasmLcs() : undefined;
  if (k) {
    const lcs = lcsAsciiStrings(k, a, b, minLcs);
    if (lcs >= 0) return lcs;
  }
  let prefix = 0;
  for (; prefix < lenA && prefix < lenB; prefix++) {
    const c = a.charCodeAt(prefix);
    if (c !== b.charCodeAt(prefix)) break;
    if (isSurrogate(c)) return -1;
  }
  let suffix = 0;
  for (; suffix < lenA - prefix && suffix < lenB - prefix; suffix++) {
    const c = a.charCodeAt(lenA - 1 - suffix);
    if (c !== b.charCodeAt(lenB - 1 - suffix)) break;
    if (isSurrogate(c)) return -1;
  }
  const affix = prefix + suffix;
  const midA = lenA - affix;
  const midB = lenB - affix;
  if (midA === 0 || midB === 0) {
    const rest = midA === 0 ? b : a;
    for (let i = prefix, end = prefix + midA + midB; i < end; i++) if (isSurrogate(rest.charCodeAt(i))) return -1;
    return affix;
  }
  const aLonger = midA >= midB;
  const p = aLonger ? a : b;
  const t = aLonger ? b : a;
  const pLen = aLonger ? midA : midB;
  const tLen = aLonger ? midB : midA;
  if (pLen <= JS_ONLY_MAX) {
    const masks = shortMasks;
    let other: Map<number, number> | undefined;
    let surrogate = false;
    for (let i = 0, bit = 1; i < pLen; i++, bit <<= 1) {
      const c = p.charCodeAt(prefix + i);
      if (c < 256) masks[c] = (masks[c] as number) | bit;
      else {
        if (isSurrogate(c)) surrogate = true;
        (other ??= new Map()).set(c, (other.get(c) ?? 0) | bit);
      }
    }
    let S = MASK;
    for (let j = 0; j < tLen; j++) {
      const c = t.charCodeAt(prefix + j);
      let m: number;
      if (c < 256) m = masks[c] as number;
      else {
        if (isSurrogate(c)) surrogate = true;
        m = other ? (other.get(c) ?? 0) : 0;
      }
      const u = S & m;
      S = ((S + u) | (S - u)) & MASK;
    }
    for (let i = 0; i < pLen; i++) {
      const c = p.charCodeAt(prefix + i);
      if (c < 256) masks[c] = 0;
    }
    return surrogate ? -1 : affix + popcount30(~S & MASK);
  }
  const rest = Math.max(0, minLcs - affix);
  // pLen > JS_ONLY_MAX: a string is longer than that, so k is set when wasm is on (and it was not ASCII).
  if (hasSurrogate(p) || hasSurrogate(t)) return -1;
  if (k) {
    const lcs = lcsWasm(k, p, prefix, pLen, t, prefix, tLen, rest);
    if (lcs !== undefined) return affix + lcs;
  }
  sharedPm.build(toCodeUnits(p, prefix, pLen));
  if (sharedSlots.length < tLen) sharedSlots = new Int32Array(Math.max(tLen, sharedSlots.length * 2));
  const slots = sharedPm.slotsOf(toCodeUnits(t, prefix, tLen), 0, tLen, false, sharedSlots);
  return affix + lcsSlots(sharedPm, slots, 0, tLen, rest);
}

function toCodeUnits(s: string, start: number, len: number): Int32Array {
  const out = new Int32Array(len);
  for (let i = 0; i < len; i++) out[i] = s.charCodeAt(start + i);
  return out;
}

let useWasm = true;
/** Tests switch the wasm kernel off to check the JS one on the same inputs (and vice versa). */
export function setWasmKernel(on: boolean): void {
  useWasm = on;
}

/** Indel distance (insertions + deletions; a substitution costs 2): |a| + |b| - 2·LCS(a, b). */
export function indelDistance(a: CodePoints, b: CodePoints): number {
  return a.length + b.length - 2 * lcsLength(a, b);
}

/**
 * One longest common subsequence as matched index pairs, ascending: pairs[2k] in `a`, pairs[2k+1] in `b`.
 * Uses rapidfuzz's traceback (common affix first, then the recorded bit matrix with `a` as the pattern), so the
 * alignment is the one `rapidfuzz.distance.Indel.editops(a, b)` reports.
 */
export function lcsAlignment(a: CodePoints, b: CodePoints): Int32Array {
  const { prefix, suffix } = commonAffix(a, 0, a.length, b, 0, b.length);
  const len1 = a.length - prefix - suffix;
  const len2 = b.length - prefix - suffix;
  const middle: number[] = [];
  if (len1 > 0 && len2 > 0) {
    const pm = new PatternMatchVector(a, prefix, prefix + len1);
    const words = pm.words;
    const slots = pm.slotsOf(b, prefix, prefix + len2);
    const matrix = new Int32Array(len2 * words);
    const S = new Int32Array(words).fill(MASK);
    const masks = pm.masks;
    for (let row = 0; row < len2; row++) {
      const slot = slots[row] as number;
      if (slot >= 0) {
        const base = slot * words;
        let carry = 0;
        for (let w = 0; w < words; w++) {
          const Sw = S[w] as number;
          const u = Sw & (masks[base + w] as number);
          const sum = Sw + u + carry;
          carry = sum >>> W;
          S[w] = (sum | (Sw - u)) & MASK;
        }
      }
      matrix.set(S, row * words);
    }
    const bit = (row: number, col: number): boolean =>
      (((matrix[row * words + ((col / W) | 0)] as number) >>> col % W) & 1) === 1;
    let col = len1;
    let row = len2;
    while (row && col) {
      if (bit(row - 1, col - 1)) col--; // a[col] deleted
      else {
        row--;
        if (row && !bit(row - 1, col - 1)) continue; // b[row] inserted
        col--;
        middle.push(prefix + col, prefix + row);
      }
    }
  }
  const total = prefix + suffix + middle.length / 2;
  const out = new Int32Array(total * 2);
  let k = 0;
  for (let i = 0; i < prefix; i++) {
    out[k++] = i;
    out[k++] = i;
  }
  for (let i = middle.length - 2; i >= 0; i -= 2) {
    out[k++] = middle[i] as number;
    out[k++] = middle[i + 1] as number;
  }
  for (let i = 0; i < suffix; i++) {
    out[k++] = a.length - suffix + i;
    out[k++] = b.length - suffix + i;
  }
  return out;
}
