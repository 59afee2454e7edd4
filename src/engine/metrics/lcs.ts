/**
 * Longest common subsequence of code-point arrays with Hyyrö's bit-parallel algorithm ("Bit-parallel LCS-length
 * computation revisited", 2004), as rapidfuzz computes it, plus the Indel distance built on it and the recovery
 * of one alignment (the same traceback as rapidfuzz-cpp `recover_alignment`, for highlighting).
 * Words are 30 bits wide so every sum stays a small int in JS (no BigInt, no float carries).
 * This module knows nothing about scores, strings or processing: inputs are code points (see tokenize.ts).
 */

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

  constructor(pattern?: CodePoints, start = 0, end = pattern ? pattern.length : 0, reverse = false) {
    if (pattern) this.build(pattern, start, end, reverse);
  }

  /** Make this the vector of `pattern[start:end]` (or of its reverse, for suffix scans). */
  build(pattern: CodePoints, start = 0, end = pattern.length, reverse = false): this {
    const len = Math.max(0, end - start);
    const words = Math.ceil(len / W);
    this.len = len;
    this.words = words;
    this.latin.fill(-1);
    if (this.other.size) this.other.clear();
    let slots = 0;
    let masks = this.masks;
    for (let i = 0; i < len; i++) {
      const c = pattern[reverse ? end - 1 - i : start + i] as number;
      let slot = c < 256 ? (this.latin[c] as number) : (this.other.get(c) ?? -1);
      if (slot < 0) {
        slot = slots++;
        if (c < 256) this.latin[c] = slot;
        else this.other.set(c, slot);
        const need = slots * words;
        if (need > masks.length) {
          const grown = new Int32Array(Math.max(need, masks.length * 2));
          grown.set(masks.subarray(0, slot * words));
          masks = this.masks = grown;
        }
        masks.fill(0, slot * words, need);
      }
      const k = slot * words + ((i / W) | 0);
      masks[k] = (masks[k] as number) | (1 << i % W);
    }
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

/** LCS(pattern, text) where the text is given as slots of `pm`: `slots[start:end]`. */
export function lcsSlots(pm: PatternMatchVector, slots: Int32Array, start: number, end: number): number {
  const words = pm.words;
  if (words === 0 || end <= start) return 0;
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

/** Length of the longest common subsequence of two code-point sequences. */
export function lcsLength(a: CodePoints, b: CodePoints): number {
  const { prefix, suffix } = commonAffix(a, 0, a.length, b, 0, b.length);
  const aS = prefix;
  const aE = a.length - suffix;
  const bS = prefix;
  const bE = b.length - suffix;
  if (aE <= aS || bE <= bS) return prefix + suffix;
  // The longer string is the pattern (as rapidfuzz does): fewer rows, each row a few more words.
  const aLonger = aE - aS >= bE - bS;
  const [p, pS, pE, t, tS, tE] = aLonger ? [a, aS, aE, b, bS, bE] : [b, bS, bE, a, aS, aE];
  sharedPm.build(p, pS, pE);
  if (sharedSlots.length < tE - tS) sharedSlots = new Int32Array(Math.max(tE - tS, sharedSlots.length * 2));
  const slots = sharedPm.slotsOf(t, tS, tE, false, sharedSlots);
  return prefix + suffix + lcsSlots(sharedPm, slots, 0, tE - tS);
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
