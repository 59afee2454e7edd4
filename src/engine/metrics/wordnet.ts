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

/** File name passed to `DataRuntime.load` (the runtimes map it to `public/data/<name>`). */
export const WORDNET_DATA_FILE = 'wordnet-3.0-synonyms.txt.gz';

export interface WordNet {
  /** Lemma names without "_" of every synset `wordnet.synsets(word)` returns, first occurrence order. */
  synonyms(word: string): string[];
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

function applyRules(forms: readonly string[], rules: ReadonlyArray<readonly [string, string]>): string[] {
  const out: string[] = [];
  // Duplicates never change which forms survive (filterForms keeps first occurrences), and without dropping
  // them the candidate list can grow exponentially on words like "eseseses".
  const seen = new Set<string>();
  for (const form of forms) {
    for (const [old, repl] of rules) {
      if (form.endsWith(old)) {
        const next = form.slice(0, form.length - old.length) + repl;
        if (!seen.has(next)) {
          seen.add(next);
          out.push(next);
        }
      }
    }
  }
  return out;
}

export class CompactWordNet implements WordNet {
  private readonly lineOf = new Map<string, number>();
  private readonly cache = new Map<string, string[]>();
  /** Per index line: a bit per POS the lemma has (bit 4 set once computed). */
  private readonly posMask: Uint8Array;

  constructor(
    private readonly synsetNames: string[],
    lemmas: string[],
    /** Index line after the lemma's tab: the four POS fields. */
    private readonly fields: string[],
    /** Per index line: the synset id that its first "+" stands for. */
    private readonly firstNew: Int32Array,
    private readonly exceptions: ReadonlyArray<ReadonlyMap<string, string[]>>,
  ) {
    for (let i = 0; i < lemmas.length; i++) this.lineOf.set(lemmas[i] as string, i);
    this.posMask = new Uint8Array(lemmas.length);
  }

  private hasPos(line: number, pos: number): boolean {
    let mask = this.posMask[line] as number;
    if (mask === 0) {
      mask = 16;
      const s = this.fields[line] as string;
      let field = 0;
      let empty = true;
      for (let j = 0; j <= s.length; j++) {
        const c = j < s.length ? s.charCodeAt(j) : TAB;
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
    const s = this.fields[line] as string;
    const out: number[] = [];
    let next = this.firstNew[line] as number;
    let field = 0;
    let start = 0;
    for (let j = 0; j <= s.length; j++) {
      const c = j < s.length ? s.charCodeAt(j) : TAB;
      if (c !== TAB && c !== COMMA) continue;
      const isNew = j - start === 1 && s.charCodeAt(start) === PLUS;
      if (field === pos && j > start) {
        if (isNew) out.push(next);
        else if (!(j - start === 1 && s[start] === '.')) out.push(parseInt(s.slice(start, j), 36));
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

  private filterForms(forms: readonly string[], pos: number): string[] {
    const out: string[] = [];
    for (const form of forms) {
      const line = this.lineOf.get(form);
      if (line !== undefined && this.hasPos(line, pos) && !out.includes(form)) out.push(form);
    }
    return out;
  }

  /** NLTK's `_morphy(form, pos)`: the base forms of `form` that WordNet lists under `pos`. */
  morphy(form: string, pos: WordNetPos | number): string[] {
    const p = typeof pos === 'number' ? pos : WORDNET_POS.indexOf(pos);
    const rules = SUBSTITUTIONS[p] ?? [];
    const exc = this.exceptions[p]?.get(form);
    if (exc !== undefined) return this.filterForms([form, ...exc], p);
    let forms = applyRules([form], rules);
    let results = this.filterForms([form, ...forms], p);
    if (results.length > 0) return results;
    while (forms.length > 0) {
      forms = applyRules(forms, rules);
      results = this.filterForms(forms, p);
      if (results.length > 0) return results;
    }
    return [];
  }

  synonyms(word: string): string[] {
    const lemma = word.toLowerCase();
    const hit = this.cache.get(lemma);
    if (hit !== undefined) return hit;
    const out: string[] = [];
    const seen = new Set<string>();
    for (let p = 0; p < WORDNET_POS.length; p++) {
      for (const form of this.morphy(lemma, p)) {
        for (const id of this.synsetIds(this.lineOf.get(form) as number, p)) {
          for (const name of (this.synsetNames[id] as string).split(' ')) {
            if (!seen.has(name)) {
              seen.add(name);
              out.push(name);
            }
          }
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
  const nextLine = (): string => {
    const end = text.indexOf('\n', pos);
    if (end < 0) throw new Error('WordNet data file is truncated');
    const line = text.slice(pos, end);
    pos = end + 1;
    return line;
  };
  const header = nextLine();
  if (!header.startsWith(HEADER)) throw new Error('Not a wordnet-synonyms v1 data file');
  const counts = header.split(' ').slice(3).map(Number);
  if (counts.length !== 6 || counts.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error('WordNet data file has a malformed header');
  }
  const [nSynsets, nLemmas, ...nExceptions] = counts as [number, number, number, number, number, number];
  const synsetNames: string[] = new Array<string>(nSynsets);
  for (let i = 0; i < nSynsets; i++) synsetNames[i] = nextLine();
  const lemmas: string[] = new Array<string>(nLemmas);
  const fields: string[] = new Array<string>(nLemmas);
  const firstNew = new Int32Array(nLemmas);
  let newCount = 0;
  for (let i = 0; i < nLemmas; i++) {
    const line = nextLine();
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`WordNet data file: index line ${i} has no tab`);
    lemmas[i] = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    fields[i] = rest;
    firstNew[i] = newCount;
    for (let j = 0; j < rest.length; j++) if (rest.charCodeAt(j) === PLUS) newCount++;
  }
  if (newCount !== nSynsets) throw new Error('WordNet data file: synset references do not add up');
  const exceptions = nExceptions.map((n) => {
    const m = new Map<string, string[]>();
    for (let i = 0; i < n; i++) {
      const [form, ...bases] = nextLine().split(' ');
      m.set(form as string, bases);
    }
    return m;
  });
  return new CompactWordNet(synsetNames, lemmas, fields, firstNew, exceptions);
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
