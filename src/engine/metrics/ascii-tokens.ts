/**
 * The token side of rapidfuzz's token_sort / token_set ratios on two ASCII strings, without building a string:
 * both are written as bytes (TextEncoder.encodeInto), split on Python's ASCII whitespace into byte ranges,
 * sorted by byte order (= Python's `sorted` for ASCII), decomposed into intersection and differences by one merge
 * walk, and the joined lists (`" ".join(...)`) are written as bytes straight into the LCS kernel's areas
 * (lcs.ts `asciiAreas` / `lcsAreas`). This is what rapidfuzz-cpp does with its `SplittedSentenceView` of iterator
 * ranges; fuzzy.ts keeps the general path (any Unicode, or no wasm) and the score formulas for both.
 * Module state is scratch reused by every call: not re-entrant, never held across calls.
 */
import { asciiAreas, lcsAreas } from './lcs.ts';
import { insertionSortKeys } from './tokenize.ts';

const utf8 = new TextEncoder();
const SHORT = 64;
let src: Uint8Array = new Uint8Array(1024);
/** Token ranges: [starts[i], ends[i]) in `src`; the first string's tokens come first. */
let starts: Int32Array = new Int32Array(128);
let ends: Int32Array = new Int32Array(128);
/** Sorted token numbers of A (positions [0, countA)) then of B, and the decomposition lists. */
let order: Int32Array = new Int32Array(128);
let sect: Int32Array = new Int32Array(64);
let diffA: Int32Array = new Int32Array(64);
let diffB: Int32Array = new Int32Array(64);
let keys: Float64Array = new Float64Array(64);
let heads: Float64Array = new Float64Array(128);
/** Key = head (first KEY_BYTES bytes, base 129) * KEY_INDEX + token number: below 2^53, so exact. */
const KEY_BYTES = 5;
const KEY_INDEX = 1 << 17;
const INV_KEY_INDEX = 1 / KEY_INDEX;

function growI(a: Int32Array, n: number): Int32Array {
  return a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2));
}

/** Python's str.isspace() restricted to ASCII: \t \n \v \f \r, \x1c-\x1f and the space. */
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);

/** Byte-order comparison of tokens i and j (a prefix sorts first). */
function compare(i: number, j: number): number {
  if (i === j) return 0;
  const si = starts[i] as number;
  const sj = starts[j] as number;
  const li = (ends[i] as number) - si;
  const lj = (ends[j] as number) - sj;
  const n = li < lj ? li : lj;
  for (let k = 0; k < n; k++) {
    const d = (src[si + k] as number) - (src[sj + k] as number);
    if (d !== 0) return d;
  }
  return li - lj;
}

/** Bytes in the tokens of the last split (their joined length is this plus the spaces between them). */
let splitBytes = 0;

/** Split src[from, to) into tokens numbered from `first`; returns the next free number. */
function split(from: number, to: number, first: number): number {
  let n = first;
  let start = -1;
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = src[i] as number;
    // Every ASCII whitespace byte is <= 0x20: one comparison for the usual byte.
    if (c <= 0x20 && isSpace(c)) {
      if (start >= 0) {
        starts[n] = start;
        ends[n++] = i;
        bytes += i - start;
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) {
    starts[n] = start;
    ends[n++] = to;
    bytes += to - start;
  }
  splitBytes = bytes;
  return n;
}

/**
 * Sort tokens [first, first + n) into order[first, first + n): numeric keys on the first KEY_BYTES bytes (each
 * byte + 1, so a shorter token sorts first) with the token number below them, then ties by bytes. heads[pos]
 * keeps each sorted position's key head, so `comparePos` settles most comparisons without reading bytes.
 */
function sortTokens(first: number, n: number): void {
  if (keys.length < n) keys = new Float64Array(Math.max(n, keys.length * 2));
  if (heads.length < first + n) {
    const grown = new Float64Array(Math.max(first + n, heads.length * 2));
    grown.set(heads.subarray(0, first));
    heads = grown;
  }
  const bytes = src;
  for (let t = 0; t < n; t++) {
    const s = starts[first + t] as number;
    const len = (ends[first + t] as number) - s;
    // Branch-free (token lengths are unpredictable): bytes past the token's end are read (src keeps KEY_BYTES
    // spare bytes) and masked to 0 by ((k - len) >> 31), which is -1 for k < len. A token has at least one byte.
    const b1 = ((bytes[s + 1] as number) + 1) & ((1 - len) >> 31);
    const b2 = ((bytes[s + 2] as number) + 1) & ((2 - len) >> 31);
    const b3 = ((bytes[s + 3] as number) + 1) & ((3 - len) >> 31);
    const b4 = ((bytes[s + 4] as number) + 1) & ((4 - len) >> 31);
    const head4 = ((((bytes[s] as number) + 1) * 129 + b1) * 129 + b2) * 129 + b3; // < 129^4 < 2^31
    keys[t] = (head4 * 129 + b4) * KEY_INDEX + t;
  }
  if (n <= 64) insertionSortKeys(keys, n);
  else keys.subarray(0, n).sort();
  let groupStart = 0;
  let groupKey = -1;
  for (let k = 0; k <= n; k++) {
    let head = -2;
    if (k < n) {
      const key = keys[k] as number;
      head = Math.floor(key * INV_KEY_INDEX); // exact: a power of two
      order[first + k] = first + (key - head * KEY_INDEX);
      heads[first + k] = head;
    }
    if (head !== groupKey) {
      // Tokens longer than KEY_BYTES that share their first KEY_BYTES bytes: insertion sort by bytes.
      if (k - groupStart > 1) {
        for (let i = groupStart + 1; i < k; i++) {
          const x = order[first + i] as number;
          let j = i - 1;
          while (j >= groupStart && compare(order[first + j] as number, x) > 0) {
            order[first + j + 1] = order[first + j] as number;
            j--;
          }
          order[first + j + 1] = x;
        }
      }
      groupStart = k;
      groupKey = head;
    }
  }
}

/** compare() of the tokens at sorted positions p and q, by their key heads first. */
function comparePos(p: number, q: number): number {
  const hp = heads[p] as number;
  const hq = heads[q] as number;
  if (hp !== hq) return hp < hq ? -1 : 1;
  const i = order[p] as number;
  const j = order[q] as number;
  const li = (ends[i] as number) - (starts[i] as number);
  if (li <= KEY_BYTES && li === (ends[j] as number) - (starts[j] as number)) return 0;
  return compare(i, j);
}

/** Write `" ".join(list[0:n])` (token numbers, or positions of `order` from `at`) into `dest`. */
function writeJoined(dest: Uint8Array, list: Int32Array, at: number, n: number): void {
  let o = 0;
  for (let k = 0; k < n; k++) {
    if (k) dest[o++] = 0x20;
    const t = list[at + k] as number;
    for (let i = starts[t] as number, e = ends[t] as number; i < e; i++) dest[o++] = src[i] as number;
  }
}

/**
 * Sorted token lists of two ASCII strings and their set decomposition, with the joined lengths and LCS values
 * the token scorers ask for (fuzzy.ts `SortedTokenPair`).
 */
export class AsciiTokenPair {
  countA = 0;
  countB = 0;
  sectCount = 0;
  abCount = 0;
  baCount = 0;
  sectLen = 0;
  abLen = 0;
  baLen = 0;
  sortedLenA = 0;
  sortedLenB = 0;

  /** Load s1 and s2; false (nothing usable) when either is not ASCII or the wasm kernel is off. */
  load(s1: string, s2: string): boolean {
    const n1 = s1.length;
    const n2 = s2.length;
    if (src.length < n1 + n2 + KEY_BYTES) src = new Uint8Array((n1 + n2) * 2 + KEY_BYTES);
    if (n1 + n2 <= SHORT) {
      // Short strings: a copy loop costs less than two encodeInto calls and their result objects.
      let bad = 0;
      for (let i = 0; i < n1; i++) bad |= src[i] = s1.charCodeAt(i);
      for (let i = 0; i < n2; i++) bad |= src[n1 + i] = s2.charCodeAt(i);
      if (bad > 0x7f) return false;
    } else {
      const a = utf8.encodeInto(s1, src);
      if (a.read !== n1 || a.written !== n1) return false;
      const b = utf8.encodeInto(s2, src.subarray(n1));
      if (b.read !== n2 || b.written !== n2) return false;
    }
    if (!asciiAreas(Math.max(n1, n2))) return false;
    const maxTokens = ((n1 + 1) >> 1) + ((n2 + 1) >> 1);
    if (maxTokens >= KEY_INDEX) return false;
    if (starts.length < maxTokens) {
      starts = growI(starts, maxTokens);
      ends = growI(ends, maxTokens);
      order = growI(order, maxTokens);
    }
    const countA = split(0, n1, 0);
    this.sortedLenA = countA ? splitBytes + countA - 1 : 0;
    const total = split(n1, n1 + n2, countA);
    const countB = total - countA;
    this.sortedLenB = countB ? splitBytes + countB - 1 : 0;
    this.countA = countA;
    this.countB = countB;
    sortTokens(0, countA);
    sortTokens(countA, countB);
    this.decompose();
    return true;
  }

  /** set(A) & set(B), set(A) - set(B), set(B) - set(A), sorted, from the sorted lists (duplicates skipped). */
  private decompose(): void {
    const na = this.countA;
    const end = na + this.countB;
    const room = Math.max(na, this.countB);
    if (sect.length < room) {
      sect = growI(sect, room);
      diffA = growI(diffA, room);
      diffB = growI(diffB, room);
    }
    let i = 0;
    let j = na;
    let ns = 0;
    let nab = 0;
    let nba = 0;
    // Bytes of each list's tokens, summed on the way (the joined lengths add the spaces).
    let sectBytes = 0;
    let abBytes = 0;
    let baBytes = 0;
    while (i < na || j < end) {
      const c = i >= na ? 1 : j >= end ? -1 : comparePos(i, j);
      const t = (c <= 0 ? order[i] : order[j]) as number;
      const len = (ends[t] as number) - (starts[t] as number);
      if (c === 0) {
        sect[ns++] = t;
        sectBytes += len;
      } else if (c < 0) {
        diffA[nab++] = t;
        abBytes += len;
      } else {
        diffB[nba++] = t;
        baBytes += len;
      }
      // Skip the token just taken and its duplicates (equal tokens are adjacent in sorted order).
      if (c <= 0) {
        const p = i;
        while (++i < na && comparePos(i, p) === 0);
      }
      if (c >= 0) {
        const q = j;
        while (++j < end && comparePos(j, q) === 0);
      }
    }
    this.sectCount = ns;
    this.abCount = nab;
    this.baCount = nba;
    this.sectLen = ns ? sectBytes + ns - 1 : 0;
    this.abLen = nab ? abBytes + nab - 1 : 0;
    this.baLen = nba ? baBytes + nba - 1 : 0;
  }

  /** LCS of `" ".join(diffAB)` and `" ".join(diffBA)` (lcsLength's minLcs contract). */
  diffLcs(minLcs: number): number {
    this.writeDiff();
    return lcsAreas(this.abLen, this.baLen, minLcs);
  }

  /** LCS of `" ".join(sorted(A))` and `" ".join(sorted(B))`. */
  sortedLcs(minLcs: number): number {
    this.writeSorted();
    return lcsAreas(this.sortedLenA, this.sortedLenB, minLcs);
  }

  /** `" ".join(sorted(A))` and `" ".join(sorted(B))` as bytes in the LCS areas (views valid until the next call). */
  joinedSorted(): [Uint8Array, Uint8Array] {
    const [p, t] = this.writeSorted();
    return [p.subarray(0, this.sortedLenA), t.subarray(0, this.sortedLenB)];
  }

  /** The joined differences, likewise. */
  joinedDiff(): [Uint8Array, Uint8Array] {
    const [p, t] = this.writeDiff();
    return [p.subarray(0, this.abLen), t.subarray(0, this.baLen)];
  }

  /** Write the joined sorted lists into the LCS areas; returns the areas' whole views (no view made per call). */
  private writeSorted(): [Uint8Array, Uint8Array] {
    const areas = asciiAreas(Math.max(this.sortedLenA, this.sortedLenB)) as [Uint8Array, Uint8Array];
    writeJoined(areas[0], order, 0, this.countA);
    writeJoined(areas[1], order, this.countA, this.countB);
    return areas;
  }

  private writeDiff(): [Uint8Array, Uint8Array] {
    const areas = asciiAreas(Math.max(this.abLen, this.baLen)) as [Uint8Array, Uint8Array];
    writeJoined(areas[0], diffA, 0, this.abCount);
    writeJoined(areas[1], diffB, 0, this.baCount);
    return areas;
  }
}
