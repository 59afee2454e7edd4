/**
 * METEOR's hot-loop memory: each distinct token is lowercased, Porter-stemmed and interned once, and each
 * stem's WordNet synonyms are kept as a set of interned ids, so scoring a pair compares integers instead of
 * hashing and comparing strings again. Pure caching: it must give exactly the strings NLTK would compare
 * (`str.lower`, then `PorterStemmer().stem`, then the lemma names of `wordnet.synsets(stem)`).
 * Ids are only meaningful within one `meteorScore` call; `trim()` (called between calls) may reset them.
 */
import { pyLower } from '../unicode.ts';
import { porterStem } from './porter.ts';
import type { WordNet } from './wordnet.ts';

export interface TokenForms {
  /** Interned id of `token.lower()`. */
  lower: number;
  /** Interned id of `PorterStemmer().stem(token.lower())`. */
  stem: number;
}

/** Past this many interned strings the tables are dropped and rebuilt on demand, bounding memory. */
const LIMIT = 500_000;

export class MeteorVocab {
  constructor(private readonly limit: number = LIMIT) {}

  private ids = new Map<string, number>();
  private strings: string[] = [];
  private tokens = new Map<string, TokenForms>();
  private synonymSets = new WeakMap<WordNet, Map<number, ReadonlySet<number>>>();
  /** The last WordNet asked about and its table: there is normally just one, so skip the WeakMap. */
  private lastWordNet: WordNet | null = null;
  private lastByStem: Map<number, ReadonlySet<number>> | null = null;

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  stringOf(id: number): string {
    return this.strings[id] as string;
  }

  token(raw: string): TokenForms {
    let forms = this.tokens.get(raw);
    if (forms === undefined) {
      const lower = pyLower(raw);
      forms = { lower: this.intern(lower), stem: this.intern(porterStem(lower)) };
      this.tokens.set(raw, forms);
    }
    return forms;
  }

  /** Interned lemma names of `wordnet.synsets(stringOf(stem))` (the word itself is not added). */
  synonymIds(wordnet: WordNet, stem: number): ReadonlySet<number> {
    let byStem = wordnet === this.lastWordNet ? this.lastByStem : this.synonymSets.get(wordnet);
    if (byStem === undefined || byStem === null) {
      byStem = new Map();
      this.synonymSets.set(wordnet, byStem);
    }
    this.lastWordNet = wordnet;
    this.lastByStem = byStem;
    let set = byStem.get(stem);
    if (set === undefined) {
      const word = this.stringOf(stem);
      const names = wordnet.synonymSet ? wordnet.synonymSet(word) : wordnet.synonyms(word);
      const ids = new Set<number>();
      for (const name of names) ids.add(this.intern(name));
      set = ids;
      byStem.set(stem, set);
    }
    return set;
  }

  /** Forgets everything once the tables have grown past the limit. Call only between scores. */
  trim(): void {
    if (this.strings.length < this.limit && this.tokens.size < this.limit) return;
    this.ids = new Map();
    this.strings = [];
    this.tokens = new Map();
    this.synonymSets = new WeakMap();
    this.lastWordNet = null;
    this.lastByStem = null;
  }
}

/** The realm-wide vocabulary METEOR scores share. */
export const meteorVocab = new MeteorVocab();
