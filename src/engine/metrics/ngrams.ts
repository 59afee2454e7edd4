/**
 * N-gram counting shared by BLEU, GLEU and ROUGE. Every distinct token, then every distinct n-gram, of the
 * texts being compared gets a small integer id, so counting is array indexing instead of hashing strings, and
 * two n-grams get the same id exactly when Python's tuples of str are equal (whatever characters the tokens
 * hold). No metric logic lives here.
 */

export class NgramIndex {
  /**
   * levels[n][s][i]: id of the n-gram of sequence s starting at i (level 0 unused). Plain arrays of small
   * integers: V8 allocates them several times faster than small typed arrays, and there are many per call.
   */
  private readonly levels: number[][][] = [];
  private readonly sizes: number[] = [];

  constructor(sequences: readonly (readonly string[])[]) {
    let total = 0;
    for (const seq of sequences) total += seq.length;
    const table = sharedTokens;
    table.reset(total);
    this.levels[1] = sequences.map((seq) => {
      const ids: number[] = [];
      for (let i = 0; i < seq.length; i++) ids.push(table.intern(seq[i]!));
      return ids;
    });
    this.sizes[1] = table.size;
  }

  /** Token ids of sequence s (equal ids = equal tokens). */
  tokens(s: number): readonly number[] {
    return this.levels[1]![s]!;
  }

  /** Number of distinct n-grams of order n over all sequences (ids of order n are 0..size−1). */
  size(n: number): number {
    this.build(n);
    return this.sizes[n]!;
  }

  /** N-gram ids of order n along sequence s (empty when the sequence is shorter than n). */
  ids(s: number, n: number): readonly number[] {
    this.build(n);
    return this.levels[n]![s]!;
  }

  /**
   * An n-gram is its (n−1)-gram prefix plus one token: intern the pair (prefix id, token id), through a direct
   * table when prefixes × tokens is small (the usual sentence) and a hash table otherwise.
   */
  private build(n: number): void {
    const toks = this.levels[1]!;
    const vocab = this.sizes[1]!;
    for (let level = this.levels.length; level <= n; level++) {
      const prev = this.levels[level - 1]!;
      const cells = this.sizes[level - 1]! * vocab;
      let size = 0;
      let next: number[][];
      if (cells <= DIRECT_LIMIT) {
        const direct = directTable(cells);
        next = prev.map((p, s) => {
          const count = p.length - 1;
          const out: number[] = [];
          const tok = toks[s]!;
          for (let i = 0; i < count; i++) {
            const cell = p[i]! * vocab + tok[i + level - 1]!;
            let id = direct[cell]! - 1;
            if (id < 0) {
              id = size++;
              direct[cell] = size;
            }
            out.push(id);
          }
          return out;
        });
      } else {
        let positions = 0;
        for (const p of prev) positions += Math.max(0, p.length - 1);
        const table = pairTable(positions);
        next = prev.map((p, s) => {
          const count = p.length - 1;
          const out: number[] = [];
          const tok = toks[s]!;
          for (let i = 0; i < count; i++) out.push(table.intern(p[i]!, tok[i + level - 1]!));
          return out;
        });
        size = table.size;
      }
      this.levels[level] = next;
      this.sizes[level] = size;
    }
  }
}

/** Above this many (prefix, token) cells the direct table would cost more to clear than hashing. */
const DIRECT_LIMIT = 1 << 16;
const directBuffer = new Int32Array(DIRECT_LIMIT);

function directTable(cells: number): Int32Array {
  directBuffer.fill(0, 0, cells);
  return directBuffer;
}

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

/** The same for strings (tokens): FNV-1a over UTF-16 units, then `===` on collision. */
class TokenTable {
  size = 0;
  private mask = 0;
  private gen = 0;
  private stamp = new Int32Array(0);
  private keys: string[] = [];
  private val = new Int32Array(0);

  reset(capacityHint: number): void {
    let cap = 16;
    while (cap < capacityHint * 2) cap *= 2;
    if (cap > this.stamp.length) {
      this.stamp = new Int32Array(cap);
      this.keys = new Array<string>(cap).fill('');
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

  intern(t: string): number {
    const { stamp, keys, mask, gen } = this;
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      if (stamp[slot] !== gen) {
        stamp[slot] = gen;
        keys[slot] = t;
        this.val[slot] = this.size;
        return this.size++;
      }
      if (keys[slot] === t) return this.val[slot]!;
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

/**
 * The counting half of sharedNgrams: adds the hypothesis counts into w[0, size) and returns the positions where a
 * shared n-gram first occurs. Then w[id] and w[size + id] are the two counts of the n-gram at such a position.
 */
export function sharedFirsts(hyp: ArrayLike<number>, w: Int32Array, size: number): number[] {
  const firsts: number[] = [];
  for (let i = 0; i < hyp.length; i++) {
    const id = hyp[i]!;
    const c = w[id]!;
    w[id] = c + 1;
    if (c === 0 && w[size + id]! > 0) firsts.push(i);
  }
  return firsts;
}

/** What sharedNgrams calls total, without the list: Σ over distinct hypothesis n-grams of min(counts). Same `w` layout. */
export function sharedTotal(hyp: ArrayLike<number>, w: Int32Array, size: number): number {
  for (let i = 0; i < hyp.length; i++) w[hyp[i]!]!++;
  let total = 0;
  for (let i = 0; i < hyp.length; i++) {
    const id = hyp[i]!;
    const hc = w[id]!;
    if (hc === 0) continue;
    const rc = w[size + id]!;
    total += hc < rc ? hc : rc;
    w[id] = 0;
  }
  return total;
}

/** One shared n-gram: its counts in the hypothesis and the reference side, and min of the two. */
export interface SharedNgram {
  ngram: string[];
  hypothesisCount: number;
  referenceCount: number;
  shared: number;
}

/**
 * Count the hypothesis n-grams (ids `hyp`) into `w[0, size)` and pair them with the reference counts already in
 * `w[size, 2·size)`: the n-grams both sides have, in order of first appearance in the hypothesis, and the sum of
 * min(count, reference count). BLEU's clipped precision and GLEU's overlap are both this.
 */
export function sharedNgrams(hyp: ArrayLike<number>, w: Int32Array, size: number, hypothesis: readonly string[], n: number): { ngrams: SharedNgram[]; total: number } {
  const firsts = sharedFirsts(hyp, w, size);
  const ngrams: SharedNgram[] = [];
  let total = 0;
  for (const start of firsts) {
    const id = hyp[start]!;
    const hc = w[id]!;
    const rc = w[size + id]!;
    const shared = hc < rc ? hc : rc;
    total += shared;
    ngrams.push({ ngram: hypothesis.slice(start, start + n), hypothesisCount: hc, referenceCount: rc, shared });
  }
  return { ngrams, total };
}
