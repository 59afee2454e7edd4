/**
 * N-gram counting shared by BLEU, GLEU and ROUGE. Every distinct token, then every distinct n-gram, of the
 * texts being compared gets a small integer id, so counting is array indexing instead of hashing strings, and
 * two n-grams get the same id exactly when Python's tuples of str are equal (whatever characters the tokens
 * hold). No metric logic lives here.
 */
import { PY_SPACE } from './tokenize.ts';

/**
 * The ids of one index live in module-level buffers reused by the next index (allocating per n-gram order was
 * most of the cost of a short sentence): an index is valid until the next `new NgramIndex`, and using it after
 * that throws. The engine is single-threaded and every metric uses its index to completion first.
 */
let epoch = 0;
/** levelBuffers[n][start(s) + i]: id of the n-gram of order n of sequence s starting at token i (index 0 unused). */
const levelBuffers: Int32Array[] = [];

function levelBuffer(n: number, length: number): Int32Array {
  const b = levelBuffers[n];
  if (b && b.length >= length) return b;
  const grown = new Int32Array(Math.max(length, 2 * (b?.length ?? 512)));
  levelBuffers[n] = grown;
  return grown;
}

export class NgramIndex {
  /** Where each sequence starts in the level buffers (the same offset at every order), then the total length. */
  private readonly starts: number[];
  private readonly sizes: number[] = [];
  private readonly epoch = ++epoch;
  private built = 1;

  /** `interned`: the token ids are already in the level-1 buffer and the token table (see `split`). */
  constructor(sequences: readonly (readonly string[])[], interned = false) {
    const starts: number[] = [];
    let total = 0;
    for (let s = 0; s < sequences.length; s++) {
      starts.push(total);
      total += sequences[s]!.length;
    }
    starts.push(total);
    this.starts = starts;
    const table = sharedTokens;
    if (!interned) {
      table.reset(total);
      const ids = levelBuffer(1, total);
      let k = 0;
      for (const seq of sequences) for (let i = 0; i < seq.length; i++) ids[k++] = table.intern(seq[i]!);
    }
    this.sizes[1] = table.size;
  }

  /**
   * Python's `text.split()` of each text (as `pySplit`) and the index of those token lists, in one pass over the
   * characters: a token is hashed as it is read and a repeated token reuses the first one's string (equal
   * strings, one allocation). `tokens[t]` is the token list of texts[t].
   */
  static split(texts: readonly string[]): { index: NgramIndex; tokens: string[][] } {
    let chars = 0;
    for (const text of texts) chars += text.length;
    // A token and the space after it take at least 2 units: at most ⌈chars / 2⌉ + one per text tokens.
    const bound = (chars >> 1) + texts.length + 1;
    const table = sharedTokens;
    table.reset(bound);
    const strings = table.strings;
    const ids = levelBuffer(1, bound);
    const tokens: string[][] = [];
    let k = 0;
    for (const text of texts) {
      const out: string[] = [];
      const n = text.length;
      let start = -1;
      let h = 0;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        // Printable ASCII (0x21-0x7e) is never a space: the usual character costs two compares, no table read.
        if (c > 0x20 && c < 0x7f) {
          if (start < 0) {
            start = i;
            h = FNV_OFFSET;
          }
          h = Math.imul(h ^ c, FNV_PRIME);
        } else if (c <= 0x3000 && PY_SPACE[c] === 1) {
          if (start >= 0) {
            const id = table.internRange(text, start, i, h);
            ids[k++] = id;
            out.push(strings[id]!);
            start = -1;
          }
        } else {
          if (start < 0) {
            start = i;
            h = FNV_OFFSET;
          }
          h = Math.imul(h ^ c, FNV_PRIME);
        }
      }
      if (start >= 0) {
        const id = table.internRange(text, start, n, h);
        ids[k++] = id;
        out.push(strings[id]!);
      }
      tokens.push(out);
    }
    return { index: new NgramIndex(tokens, true), tokens };
  }

  /** Offset of sequence s in `level(n)` (the same for every n). */
  start(s: number): number {
    return this.starts[s]!;
  }

  /** Number of n-grams of order n in sequence s (0 when the sequence is shorter than n). */
  count(s: number, n: number): number {
    const c = this.starts[s + 1]! - this.starts[s]! - n + 1;
    return c > 0 ? c : 0;
  }

  /**
   * The n-gram ids of order n of every sequence: those of sequence s are at [start(s), start(s) + count(s, n)).
   * A shared buffer, valid until the next NgramIndex is made.
   */
  level(n: number): Int32Array {
    this.build(n);
    return levelBuffers[n]!;
  }

  /** Token ids of sequence s (equal ids = equal tokens), as a new array. */
  tokens(s: number): number[] {
    return this.ids(s, 1);
  }

  /** Number of distinct n-grams of order n over all sequences (ids of order n are 0..size−1). */
  size(n: number): number {
    this.build(n);
    return this.sizes[n]!;
  }

  /** N-gram ids of order n along sequence s as a new array (empty when the sequence is shorter than n). */
  ids(s: number, n: number): number[] {
    const ids = this.level(n);
    const from = this.starts[s]!;
    return Array.from(ids.subarray(from, from + this.count(s, n)));
  }

  /**
   * An n-gram is its (n−1)-gram prefix plus one token: intern the pair (prefix id, token id), through a direct
   * table when prefixes × tokens is small (the usual sentence) and a hash table otherwise.
   */
  private build(n: number): void {
    if (this.epoch !== epoch) throw new Error('NgramIndex used after a newer index replaced its buffers');
    if (n <= this.built) return;
    const starts = this.starts;
    const sequences = starts.length - 1;
    const total = starts[sequences]!;
    const toks = levelBuffers[1]!;
    const vocab = this.sizes[1]!;
    for (let level = this.built + 1; level <= n; level++) {
      const prev = levelBuffers[level - 1]!;
      const next = levelBuffer(level, total);
      const cells = this.sizes[level - 1]! * vocab;
      let size = 0;
      if (cells <= DIRECT_LIMIT) {
        // A cell holds tag << ID_BITS | (id + 1): a cell of an older tag is empty, so nothing is cleared per level.
        const direct = directBuffer;
        if (++directTag > MAX_TAG) {
          direct.fill(0);
          directTag = 1;
        }
        const tag = directTag << ID_BITS;
        for (let s = 0; s < sequences; s++) {
          const from = starts[s]!;
          const to = starts[s + 1]! - level + 1;
          for (let i = from; i < to; i++) {
            const cell = prev[i]! * vocab + toks[i + level - 1]!;
            const v = direct[cell]!;
            if ((v & TAG_MASK) === tag) next[i] = (v & ID_MASK) - 1;
            else {
              next[i] = size;
              direct[cell] = tag | ++size;
            }
          }
        }
      } else {
        const table = pairTable(total);
        for (let s = 0; s < sequences; s++) {
          const from = starts[s]!;
          const to = starts[s + 1]! - level + 1;
          for (let i = from; i < to; i++) next[i] = table.intern(prev[i]!, toks[i + level - 1]!);
        }
        size = table.size;
      }
      this.sizes[level] = size;
    }
    this.built = n;
  }
}

/** Above this many (prefix, token) cells the direct table would cost more to clear than hashing. */
const DIRECT_LIMIT = 1 << 16;
/** A direct cell's id + 1 is at most DIRECT_LIMIT (one id per distinct cell): 17 bits; the tag takes the other 14. */
const ID_BITS = 17;
const ID_MASK = (1 << ID_BITS) - 1;
const TAG_MASK = ~ID_MASK;
const MAX_TAG = (1 << (31 - ID_BITS)) - 1;
const directBuffer = new Int32Array(DIRECT_LIMIT);
let directTag = 0;

/**
 * Interning of int pairs into 0, 1, 2… with open addressing. Module-level buffers are reused between calls
 * (a stamp marks the slots of the current use), because a Map per n-gram order costs more than the metric.
 * Token strings stay referenced in the shared table until overwritten; they are small and short-lived.
 * Safe: the engine is single-threaded and a table is used to completion before the next one is made.
 */
class PairTable {
  size = 0;
  private mask = 0;
  private gen = 0;
  private stamp = new Int32Array(0);
  private ka = new Int32Array(0);
  private kb = new Int32Array(0);
  private val = new Int32Array(0);

  reset(capacityHint: number): void {
    let cap = 16;
    while (cap < capacityHint * 2) cap *= 2;
    if (cap > this.stamp.length) {
      this.stamp = new Int32Array(cap);
      this.ka = new Int32Array(cap);
      this.kb = new Int32Array(cap);
      this.val = new Int32Array(cap);
      this.gen = 0;
    }
    this.mask = cap - 1;
    this.size = 0;
    if (++this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }

  intern(a: number, b: number): number {
    const { stamp, ka, kb, mask, gen } = this;
    let h = Math.imul(a, 0x9e3779b1) ^ b;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    let slot = (h ^ (h >>> 13)) & mask;
    for (;;) {
      if (stamp[slot] !== gen) {
        stamp[slot] = gen;
        ka[slot] = a;
        kb[slot] = b;
        this.val[slot] = this.size;
        return this.size++;
      }
      if (ka[slot] === a && kb[slot] === b) return this.val[slot]!;
      slot = (slot + 1) & mask;
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * The same for strings (tokens): FNV-1a over UTF-16 units, then a comparison of the characters. The table keeps
 * only numbers; the strings of the current use are in `strings` (by id), a fresh array per reset, so no
 * long-lived table points at the short-lived token strings (such pointers cost a write barrier each and kept
 * every token alive until a later call overwrote it).
 */
class TokenTable {
  size = 0;
  /** strings[id]: the token of that id (the first string seen with those characters). */
  strings: string[] = [];
  private mask = 0;
  private gen = 0;
  private stamp = new Int32Array(0);
  private hashes = new Int32Array(0);
  private val = new Int32Array(0);

  reset(capacityHint: number): void {
    let cap = 16;
    while (cap < capacityHint * 2) cap *= 2;
    if (cap > this.stamp.length) {
      this.stamp = new Int32Array(cap);
      this.hashes = new Int32Array(cap);
      this.val = new Int32Array(cap);
      this.gen = 0;
    }
    this.mask = cap - 1;
    this.size = 0;
    this.strings = [];
    if (++this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }

  intern(t: string): number {
    let h = FNV_OFFSET;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), FNV_PRIME);
    return this.internRange(t, 0, t.length, h);
  }

  /** `intern(text.slice(start, end))` given that slice's FNV-1a hash `h`, slicing only a token not seen before. */
  internRange(text: string, start: number, end: number, h: number): number {
    const { stamp, hashes, val, strings, mask, gen } = this;
    const len = end - start;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      if (stamp[slot] !== gen) {
        stamp[slot] = gen;
        hashes[slot] = h;
        val[slot] = this.size;
        strings.push(text.slice(start, end));
        return this.size++;
      }
      if (hashes[slot] === h) {
        const id = val[slot]!;
        const key = strings[id]!;
        if (key.length === len) {
          let j = 0;
          while (j < len && key.charCodeAt(j) === text.charCodeAt(start + j)) j++;
          if (j === len) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
  }
}

const sharedTable = new PairTable();
const sharedTokens = new TokenTable();

function pairTable(capacityHint: number): PairTable {
  sharedTable.reset(capacityHint);
  return sharedTable;
}

let scratchBuffer = new Int32Array(1024);

/**
 * A zeroed Int32Array with at least `length` entries, shared by every caller: it is valid only until the next
 * call, so use it inside one synchronous computation (counting n-grams without allocating per order).
 */
export function scratch(length: number): Int32Array {
  if (scratchBuffer.length < length) scratchBuffer = new Int32Array(Math.max(length, scratchBuffer.length * 2));
  else scratchBuffer.fill(0, 0, length);
  return scratchBuffer;
}

/** Adds one to w[offset + id] for each id of ids[from, to). */
export function countInto(ids: Int32Array, from: number, to: number, w: Int32Array, offset: number): void {
  for (let i = from; i < to; i++) w[offset + ids[i]!]!++;
}

/**
 * Σ over the distinct n-grams of ids[from, to) of min(their count there, w[size + id]), the other side's counts
 * already being in w[size, 2·size): BLEU's clipped numerator without the n-gram list. Uses w[0, size) and
 * leaves it zeroed.
 */
export function sharedTotal(ids: Int32Array, from: number, to: number, w: Int32Array, size: number): number {
  for (let i = from; i < to; i++) w[ids[i]!]!++;
  let total = 0;
  for (let i = from; i < to; i++) {
    const id = ids[i]!;
    const hc = w[id]!;
    if (hc === 0) continue;
    const rc = w[size + id]!;
    total += hc < rc ? hc : rc;
    w[id] = 0;
  }
  return total;
}

/**
 * tokens[start, start + n) as a new array: what `tokens.slice(start, start + n)` gives, built as an array literal
 * for the usual orders (several times cheaper than slice, and the explanations hold one such array per n-gram).
 */
export function ngramAt(tokens: readonly string[], start: number, n: number): string[] {
  switch (n) {
    case 1:
      return [tokens[start]!];
    case 2:
      return [tokens[start]!, tokens[start + 1]!];
    case 3:
      return [tokens[start]!, tokens[start + 1]!, tokens[start + 2]!];
    case 4:
      return [tokens[start]!, tokens[start + 1]!, tokens[start + 2]!, tokens[start + 3]!];
    default:
      return tokens.slice(start, start + n);
  }
}
