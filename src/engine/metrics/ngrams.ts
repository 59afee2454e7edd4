/**
 * N-gram counting shared by BLEU, GLEU and ROUGE: tokens are interned to small integers and an n-gram's key is
 * its ids joined by commas, so any token text (even one holding spaces or commas) gives a distinct key, and two
 * n-grams are equal exactly when Python's tuples of str would be. No metric logic lives here.
 */

/** Maps each distinct token to an integer id; one instance per comparison so ids are comparable across sides. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  idsOf(tokens: readonly string[]): number[] {
    const out = new Array<number>(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(t, id);
      }
      out[i] = id;
    }
    return out;
  }
}

/** One distinct n-gram: how often it occurs and where it first starts (to show its tokens). */
export interface NgramEntry {
  count: number;
  first: number;
}

export interface NgramCounts {
  /** Keyed by the ids joined with ','; insertion order is the order of first occurrence. */
  entries: Map<string, NgramEntry>;
  /** Number of n-grams counted with multiplicity (0 when the sequence is shorter than n). */
  total: number;
}

export function countNgrams(ids: readonly number[], n: number): NgramCounts {
  const entries = new Map<string, NgramEntry>();
  const last = ids.length - n;
  for (let i = 0; i <= last; i++) {
    let key = String(ids[i]);
    for (let k = 1; k < n; k++) key += ',' + ids[i + k];
    const e = entries.get(key);
    if (e) e.count++;
    else entries.set(key, { count: 1, first: i });
  }
  return { entries, total: last >= 0 ? last + 1 : 0 };
}

/** The tokens of the n-gram that starts at `first` (for explanations). */
export function ngramTokens(tokens: readonly string[], first: number, n: number): string[] {
  return tokens.slice(first, first + n);
}
