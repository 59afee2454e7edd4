/**
 * WordNet 3.0 synonyms as NLTK 3.8's METEOR sees them: `synonyms(w)` is the set of
 * `lemma.name()` (without "_") over `nltk.corpus.wordnet.synsets(w)`, which lowercases w and runs morphy
 * (exception lists, then suffix rules) for noun, verb, adjective and adverb in turn.
 * The data is `public/data/wordnet-3.0-synonyms.txt.gz`, built by `scripts/build-wordnet.py` (format described
 * there) and fetched through `EngineRuntime.data` the first time METEOR runs, then kept for the session.
 * Decompression happens here with `DecompressionStream` (a global in browser workers and in Node >= 18), so the
 * data runtimes only hand over the file's bytes. No Node or DOM imports: this file runs in the grader worker.
 */
import type { EngineRuntime } from '../runtime.ts';
import { pyLower } from '../unicode.ts';

/** File name passed to `DataRuntime.load` (the runtimes map it to `public/data/<name>`). */
export const WORDNET_DATA_FILE = 'wordnet-3.0-synonyms.txt.gz';

export interface WordNet {
  /** Lemma names without "_" of every synset `wordnet.synsets(word)` returns, first occurrence order. */
  synonyms(word: string): string[];
  /** The same names as a set, when the implementation can cache one (METEOR's hot path uses it). */
  synonymSet?(word: string): ReadonlySet<string>;
}

/** NLTK's POS_LIST order: the order `synsets(word)` visits the parts of speech. */
export const WORDNET_POS = ['n', 'v', 'a', 'r'] as const;
export type WordNetPos = (typeof WORDNET_POS)[number];

/** NLTK's `WordNetCorpusReader.MORPHOLOGICAL_SUBSTITUTIONS`, in its order, by POS index. */
const SUBSTITUTIONS: ReadonlyArray<ReadonlyArray<readonly [string, string]>> = [
  [['s', ''], ['ses', 's'], ['ves', 'f'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  [],
];

const HEADER = 'wordnet-synonyms 1 ';
const CACHE_LIMIT = 50_000;
const TAB = 9;
const COMMA = 44;
const PLUS = 43;
const DOT = 46;

function applyRules(forms: readonly string[], rules: ReadonlyArray<readonly [string, string]>): string[] {
  const out: string[] = [];
  for (const form of forms) {
    for (const [old, repl] of rules) {
      if (form.endsWith(old)) {
        const next = form.slice(0, form.length - old.length) + repl;
        // Duplicates never change which forms survive (filterForms keeps first occurrences), and without
        // dropping them the candidate list can grow exponentially on words like "eseseses".
        if (!out.includes(next)) out.push(next);
      }
    }
  }
  return out;
}

/** FNV-1a over UTF-16 units of s[start, end). */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Lemma -> index line, as an open-addressing hash table over the file's text. A `Map` with 147k string keys
 * took most of the parse time (slicing and hashing every lemma); this hashes the text in place.
 */
class LemmaTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly text: string,
    private readonly start: Int32Array,
    private readonly end: Int32Array,
  ) {
    let size = 1;
    while (size < start.length * 3) size <<= 1;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < start.length; i++) {
      let k = hashRange(text, start[i] as number, end[i] as number) & this.mask;
      while (this.slots[k] !== 0) k = (k + 1) & this.mask;
      this.slots[k] = i + 1;
    }
  }

  /** The index line of `word`, or -1. */
  get(word: string): number {
    const t = this.text;
    const n = word.length;
    let k = hashRange(word, 0, n) & this.mask;
    for (let slot = this.slots[k] as number; slot !== 0; slot = this.slots[k] as number) {
      const s = this.start[slot - 1] as number;
      if ((this.end[slot - 1] as number) - s === n) {
        let j = 0;
        while (j < n && t.charCodeAt(s + j) === word.charCodeAt(j)) j++;
        if (j === n) return slot - 1;
      }
      k = (k + 1) & this.mask;
    }
    return -1;
  }
}

/**
 * The parsed data file. Everything but the lemma lookup table stays in the file's text, addressed by offsets:
 * a synset's names and a lemma's POS fields are only read when a word needs them, which keeps parsing to one
 * pass and a few typed arrays.
 */
export class CompactWordNet implements WordNet {
  private readonly cache = new Map<string, Set<string>>();
  /** Per index line: a bit per POS the lemma has (bit 4 set once computed). */
  private readonly posMask: Uint8Array;

  constructor(
    private readonly text: string,
    /** Offset of each synset line in `text`, plus one past the last (each line ends with "\n"). */
    private readonly synsetStart: Int32Array,
    /** Lemma -> index line number. */
    private readonly lemmas: LemmaTable,
    /** Per index line: where its POS fields (after the lemma's tab) start and end in `text`. */
    private readonly fieldStart: Int32Array,
    private readonly fieldEnd: Int32Array,
    /** Per index line: the synset id that its first "+" stands for. */
    private readonly firstNew: Int32Array,
    private readonly exceptions: ReadonlyArray<ReadonlyMap<string, string[]>>,
  ) {
    this.posMask = new Uint8Array(fieldStart.length);
  }

  private lineOf(lemma: string): number {
    return this.lemmas.get(lemma);
  }

  private hasPos(line: number, pos: number): boolean {
    let mask = this.posMask[line] as number;
    if (mask === 0) {
      mask = 16;
      const t = this.text;
      const end = this.fieldEnd[line] as number;
      let field = 0;
      let empty = true;
      for (let j = this.fieldStart[line] as number; j <= end; j++) {
        const c = j < end ? t.charCodeAt(j) : TAB;
        if (c === TAB) {
          if (!empty) mask |= 1 << field;
          field++;
          empty = true;
        } else empty = false;
      }
      this.posMask[line] = mask;
    }
    return (mask & (1 << pos)) !== 0;
  }

  /** Synset ids of `index[lemma][pos]` that carry at least one name without "_". */
  private synsetIds(line: number, pos: number): number[] {
    const t = this.text;
    const end = this.fieldEnd[line] as number;
    const out: number[] = [];
    let next = this.firstNew[line] as number;
    let field = 0;
    let start = this.fieldStart[line] as number;
    for (let j = start; j <= end; j++) {
      const c = j < end ? t.charCodeAt(j) : TAB;
      if (c !== TAB && c !== COMMA) continue;
      const isNew = j - start === 1 && t.charCodeAt(start) === PLUS;
      if (field === pos && j > start) {
        if (isNew) out.push(next);
        else if (!(j - start === 1 && t.charCodeAt(start) === DOT)) out.push(parseInt(t.slice(start, j), 36));
      }
      if (isNew) next++;
      start = j + 1;
      if (c === TAB) {
        if (field === pos) break;
        field++;
      }
    }
    return out;
  }

  private synsetNames(id: number): string[] {
    return this.text.slice(this.synsetStart[id] as number, (this.synsetStart[id + 1] as number) - 1).split(' ');
  }

  /** NLTK's `filter_forms`: the candidates WordNet lists under `pos`, first occurrences only. */
  private filterForms(first: string | null, forms: readonly string[], pos: number): string[] {
    const out: string[] = [];
    if (first !== null) {
      const line = this.lineOf(first);
      if (line >= 0 && this.hasPos(line, pos)) out.push(first);
    }
    for (const form of forms) {
      const line = this.lineOf(form);
      if (line >= 0 && this.hasPos(line, pos) && !out.includes(form)) out.push(form);
    }
    return out;
  }

  /** NLTK's `_morphy(form, pos)`: the base forms of `form` that WordNet lists under `pos`. */
  morphy(form: string, pos: WordNetPos | number): string[] {
    const p = typeof pos === 'number' ? pos : WORDNET_POS.indexOf(pos);
    const rules = SUBSTITUTIONS[p] ?? [];
    const exc = this.exceptions[p]?.get(form);
    if (exc !== undefined) return this.filterForms(form, exc, p);
    let forms = applyRules([form], rules);
    let results = this.filterForms(form, forms, p);
    if (results.length > 0) return results;
    while (forms.length > 0) {
      forms = applyRules(forms, rules);
      results = this.filterForms(null, forms, p);
      if (results.length > 0) return results;
    }
    return [];
  }

  synonyms(word: string): string[] {
    return Array.from(this.synonymSet(word));
  }

  synonymSet(word: string): ReadonlySet<string> {
    // Keys are lowercase, so a hit on the word as given is a hit on its lowercase (METEOR passes stems,
    // already lowercase, and this skips building a new string per call).
    const direct = this.cache.get(word);
    if (direct !== undefined) return direct;
    const lemma = pyLower(word);
    const hit = this.cache.get(lemma);
    if (hit !== undefined) return hit;
    // A Set iterates in insertion order, so this is also NLTK's first-occurrence order.
    const out = new Set<string>();
    for (let p = 0; p < WORDNET_POS.length; p++) {
      for (const form of this.morphy(lemma, p)) {
        for (const id of this.synsetIds(this.lineOf(form), p)) {
          for (const name of this.synsetNames(id)) out.add(name);
        }
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(lemma, out);
    return out;
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Parses the uncompressed data file. Throws on gzip input (use `decodeWordNet`) or a malformed file. */
export function parseWordNet(data: Uint8Array | ArrayBuffer): WordNet {
  const bytes = asBytes(data);
  if (isGzip(bytes)) throw new Error('parseWordNet: the data is gzip-compressed; use decodeWordNet');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  let pos = 0;
  /** Moves past the next line and returns where it ends (its "\n"). */
  const endOfLine = (): number => {
    const end = text.indexOf('\n', pos);
    if (end < 0) throw new Error('WordNet data file is truncated');
    pos = end + 1;
    return end;
  };
  const header = text.slice(0, endOfLine());
  if (!header.startsWith(HEADER)) throw new Error('Not a wordnet-synonyms v1 data file');
  const counts = header.split(' ').slice(3).map(Number);
  if (counts.length !== 6 || counts.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error('WordNet data file has a malformed header');
  }
  const [nSynsets, nLemmas, ...nExceptions] = counts as [number, number, number, number, number, number];
  const synsetStart = new Int32Array(nSynsets + 1);
  for (let i = 0; i < nSynsets; i++) {
    synsetStart[i] = pos;
    endOfLine();
  }
  synsetStart[nSynsets] = pos;
  const lemmaStart = new Int32Array(nLemmas);
  const lemmaEnd = new Int32Array(nLemmas);
  const fieldStart = new Int32Array(nLemmas);
  const fieldEnd = new Int32Array(nLemmas);
  const firstNew = new Int32Array(nLemmas);
  let newCount = 0;
  for (let i = 0; i < nLemmas; i++) {
    const start = pos;
    const end = endOfLine();
    const tab = text.indexOf('\t', start);
    if (tab < 0 || tab > end) throw new Error(`WordNet data file: index line ${i} has no tab`);
    lemmaStart[i] = start;
    lemmaEnd[i] = tab;
    fieldStart[i] = tab + 1;
    fieldEnd[i] = end;
    firstNew[i] = newCount;
    for (let j = text.indexOf('+', tab); j >= 0 && j < end; j = text.indexOf('+', j + 1)) newCount++;
  }
  if (newCount !== nSynsets) throw new Error('WordNet data file: synset references do not add up');
  const exceptions = nExceptions.map((n) => {
    const m = new Map<string, string[]>();
    for (let i = 0; i < n; i++) {
      const start = pos;
      const [form, ...bases] = text.slice(start, endOfLine()).split(' ');
      m.set(form as string, bases);
    }
    return m;
  });
  const lemmas = new LemmaTable(text, lemmaStart, lemmaEnd);
  return new CompactWordNet(text, synsetStart, lemmas, fieldStart, fieldEnd, firstNew, exceptions);
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new Error('This JavaScript runtime has no DecompressionStream to unpack the WordNet data');
  }
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Parses the data file as stored (gzip) or already decompressed (e.g. by an HTTP layer). */
export async function decodeWordNet(data: Uint8Array | ArrayBuffer): Promise<WordNet> {
  const bytes = asBytes(data);
  return parseWordNet(isGzip(bytes) ? await gunzip(bytes) : bytes);
}

let loaded: Promise<WordNet> | null = null;

/**
 * The WordNet data, fetched and parsed once per JS realm (worker or Node process) and shared by every run,
 * whatever runtime object asks: the file's content never varies. A failed load is forgotten so a later run
 * can retry.
 */
export function loadWordNet(runtime: EngineRuntime): Promise<WordNet> {
  // Checked before the cache so that a runtime without data files fails the same way every time.
  const data = runtime.data;
  if (!data) return Promise.reject(new Error('METEOR needs WordNet, but this runtime cannot load data files'));
  if (loaded) return loaded;
  const attempt = data.load(WORDNET_DATA_FILE).then(decodeWordNet);
  loaded = attempt;
  attempt.catch(() => {
    if (loaded === attempt) loaded = null;
  });
  return attempt;
}
