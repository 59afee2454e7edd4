/**
 * The shared, deterministic workload of the text-metric benchmarks: N pairs (default 10,000) of ~200-character
 * English-like sentences from a small vocabulary, the second a noisy copy of the first (typos, dropped, replaced,
 * inserted and swapped words; about one pair in ten a shorter excerpt) so scores spread over 0..100.
 * Same seed, same pairs, on every machine: benches of different metrics time the same inputs.
 * Benchmark input only; nothing here is used by the engine.
 */

/** mulberry32: a small, well-mixed 32-bit PRNG (returns floats in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const VOCABULARY = (
  'the a an of to in on at for with from by and or but not is was are were be been has have had will would ' +
  'can could model answer reference score metric token length penalty summary report quick brown fox jumps ' +
  'over lazy dog cat sat mat river bank money house water fire small large big little glad happy fast rapid ' +
  'speed run runs ran running home paris france city country people time year day way thing world life hand ' +
  'part child eye woman place work week case point government company number group problem fact'
).split(' ');

export interface PairOptions {
  /** How many pairs. Default 10,000. */
  count?: number;
  /** PRNG seed. Default 12345. */
  seed?: number;
  /** Target length of the first string, in characters. Default 200. */
  length?: number;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function typo(word: string, rnd: () => number): string {
  const i = Math.floor(rnd() * word.length);
  const ch = LETTERS[Math.floor(rnd() * LETTERS.length)] as string;
  switch (Math.floor(rnd() * 4)) {
    case 0: // substitute
      return word.slice(0, i) + ch + word.slice(i + 1);
    case 1: // delete
      return word.length > 1 ? word.slice(0, i) + word.slice(i + 1) : word;
    case 2: // insert
      return word.slice(0, i) + ch + word.slice(i);
    default: // transpose
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
  }
}

function sentence(rnd: () => number, target: number): string[] {
  const words: string[] = [];
  let len = -1;
  while (len < target) {
    const w = VOCABULARY[Math.floor(rnd() * VOCABULARY.length)] as string;
    words.push(w);
    len += w.length + 1;
  }
  return words;
}

function mutate(words: string[], rnd: () => number): string[] {
  const rate = rnd() * 0.6; // 0 = identical, 0.6 = heavily edited
  const out: string[] = [];
  for (const w of words) {
    const r = rnd();
    if (r < rate / 4) continue; // drop
    if (r < rate / 2) out.push(VOCABULARY[Math.floor(rnd() * VOCABULARY.length)] as string); // replace
    else if (r < rate) out.push(typo(w, rnd));
    else out.push(w);
    if (rnd() < rate / 6) out.push(VOCABULARY[Math.floor(rnd() * VOCABULARY.length)] as string); // insert
  }
  for (let i = 0; i + 1 < out.length; i++) {
    if (rnd() < rate / 5) [out[i], out[i + 1]] = [out[i + 1] as string, out[i] as string];
  }
  return out.length ? out : ['empty'];
}

/** The benchmark pairs: [candidate, reference], deterministic for a given seed. */
export function makePairs(opts: PairOptions = {}): Array<[string, string]> {
  const { count = 10_000, seed = 12345, length = 200 } = opts;
  const rnd = mulberry32(seed);
  const pairs: Array<[string, string]> = [];
  for (let k = 0; k < count; k++) {
    const target = Math.round(length * (0.75 + rnd() * 0.5));
    const reference = sentence(rnd, target);
    let candidate = mutate(reference, rnd);
    if (rnd() < 0.1) {
      // an excerpt: exercises the partial scorers and WRatio's length-ratio branch
      const n = Math.max(2, Math.floor(candidate.length * (0.15 + rnd() * 0.4)));
      const start = Math.floor(rnd() * (candidate.length - n + 1));
      candidate = candidate.slice(start, start + n);
    }
    pairs.push([candidate.join(' '), reference.join(' ')]);
  }
  return pairs;
}
