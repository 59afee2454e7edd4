/**
 * NLTK 3.8's PorterStemmer (`nltk/stem/porter.py`), in all three of its modes, exact to the character.
 * METEOR's stem stage and ROUGE's `use_stemmer` (rouge-score builds `PorterStemmer()`, i.e. NLTK_EXTENSIONS)
 * both call this. It must not "fix" NLTK's quirks: the irregular-forms table is looked up with the word as
 * given (so "Skies" is not in it, "skies" is), the length-2 shortcut counts the original word, and the
 * `*d` rule also fires on a literal "*d" suffix, because NLTK's rule list treats "*d" as a suffix too.
 * Python indexes strings by code point; words containing astral characters are remapped to BMP stand-ins
 * before stemming so that `word[-2]`, `len(word)` and double-letter checks count code points, as Python does.
 */

import { pyLower } from '../unicode.ts';
import { cpLength } from './tokenize.ts';

export type PorterMode = 'NLTK_EXTENSIONS' | 'MARTIN_EXTENSIONS' | 'ORIGINAL_ALGORITHM';

/** NLTK_EXTENSIONS' table of irregular forms, inverted (form -> stem). */
const POOL: ReadonlyMap<string, string> = (() => {
  const irregular: Record<string, string[]> = {
    sky: ['sky', 'skies'],
    die: ['dying'],
    lie: ['lying'],
    tie: ['tying'],
    news: ['news'],
    inning: ['innings', 'inning'],
    outing: ['outings', 'outing'],
    canning: ['cannings', 'canning'],
    howe: ['howe'],
    proceed: ['proceed'],
    exceed: ['exceed'],
    succeed: ['succeed'],
  };
  const m = new Map<string, string>();
  for (const [key, forms] of Object.entries(irregular)) for (const f of forms) m.set(f, key);
  return m;
})();

/**
 * Rule conditions, as codes rather than closures so the rule tables are built once (NLTK builds its lists on
 * every call; the behaviour is the same). `stem` is the word with the suffix removed.
 */
const enum Cond {
  None,
  /** m(stem) > 0 */
  M0,
  /** m(stem) > 1 */
  M1,
  /** m(stem) > 1 and stem ends in s or t (step 4's ION) */
  Ion,
  /** NLTK's 'logi' rule measures the stem with the 'l' kept: m(stem + 'l') > 0 */
  LogiNltk,
  /** NLTK's step 1c: the stem is longer than one letter and ends in a consonant */
  Y1cNltk,
  /** the original step 1c: the stem contains a vowel */
  Vowel,
  /** step 5b: m(word[:-1]) > 1, i.e. m(stem + 'l') > 1 */
  Ll,
}

type Rule = readonly [suffix: string, replacement: string, condition: Cond];

/**
 * A rule list indexed by the last character of its suffixes (all ASCII, none empty). Only rules whose suffix
 * ends with the word's last character can match, and they keep their order, so "first match decides" holds.
 */
type RuleTable = ReadonlyArray<readonly Rule[] | undefined>;

function ruleTable(rules: readonly Rule[]): RuleTable {
  const byLast: Rule[][] = [];
  for (const rule of rules) (byLast[rule[0].charCodeAt(rule[0].length - 1)] ??= []).push(rule);
  return byLast;
}

const A = 97;
const E = 101;
const I = 105;
const O = 111;
const U = 117;
const Y = 121;

/** Porter's consonant: not a vowel, and `y` only when at the start or after a vowel. */
function isConsonant(word: string, i: number): boolean {
  const c = word.charCodeAt(i);
  if (c === A || c === E || c === I || c === O || c === U) return false;
  if (c === Y) return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** m in [C](VC){m}[V], over word[0:end]: the number of vowel-to-consonant transitions. */
function measure(word: string, end: number = word.length): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < end; i++) {
    const cons = isConsonant(word, i);
    if (cons && prevVowel) m++;
    prevVowel = !cons;
  }
  return m;
}

function containsVowel(word: string, end: number = word.length): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(word, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word.charCodeAt(n - 1) === word.charCodeAt(n - 2) && isConsonant(word, n - 1);
}

function holds(cond: Cond, stem: string): boolean {
  switch (cond) {
    case Cond.None:
      return true;
    case Cond.M0:
      return measure(stem) > 0;
    case Cond.M1:
      return measure(stem) > 1;
    case Cond.Ion: {
      const last = stem.charCodeAt(stem.length - 1);
      return measure(stem) > 1 && (last === 115 || last === 116);
    }
    case Cond.LogiNltk:
      return measure(stem + 'l') > 0;
    case Cond.Y1cNltk:
      return stem.length > 1 && isConsonant(stem, stem.length - 1);
    case Cond.Vowel:
      return containsVowel(stem);
    case Cond.Ll:
      return measure(stem + 'l') > 1;
  }
}

/**
 * NLTK's `_apply_rule_list` for rules with a fixed replacement: the first rule whose suffix matches decides,
 * and its condition failing stops the list. (Step 1b's `*d` rule is handled where it occurs.)
 */
function applyRuleList(word: string, table: RuleTable): string {
  const rules = table[word.charCodeAt(word.length - 1)];
  if (rules === undefined) return word;
  for (let k = 0; k < rules.length; k++) {
    const [suffix, replacement, cond] = rules[k] as Rule;
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      return holds(cond, stem) ? stem + replacement : word;
    }
  }
  return word;
}

const STEP1A = ruleTable([
  ['sses', 'ss', Cond.None],
  ['ies', 'i', Cond.None],
  ['ss', 'ss', Cond.None],
  ['s', '', Cond.None],
]);

function step2Rules(mode: PorterMode): Rule[] {
  const rules: Rule[] = [
    ['ational', 'ate', Cond.M0],
    ['tional', 'tion', Cond.M0],
    ['enci', 'ence', Cond.M0],
    ['anci', 'ance', Cond.M0],
    ['izer', 'ize', Cond.M0],
    mode === 'ORIGINAL_ALGORITHM' ? ['abli', 'able', Cond.M0] : ['bli', 'ble', Cond.M0],
    ['alli', 'al', Cond.M0],
    ['entli', 'ent', Cond.M0],
    ['eli', 'e', Cond.M0],
    ['ousli', 'ous', Cond.M0],
    ['ization', 'ize', Cond.M0],
    ['ation', 'ate', Cond.M0],
    ['ator', 'ate', Cond.M0],
    ['alism', 'al', Cond.M0],
    ['iveness', 'ive', Cond.M0],
    ['fulness', 'ful', Cond.M0],
    ['ousness', 'ous', Cond.M0],
    ['aliti', 'al', Cond.M0],
    ['iviti', 'ive', Cond.M0],
    ['biliti', 'ble', Cond.M0],
  ];
  if (mode === 'NLTK_EXTENSIONS') {
    rules.push(['fulli', 'ful', Cond.M0]);
    // NLTK keeps the 'l' of 'logi' with the stem when measuring, so 'geo'/'theo' qualify.
    rules.push(['logi', 'log', Cond.LogiNltk]);
  }
  if (mode === 'MARTIN_EXTENSIONS') rules.push(['logi', 'log', Cond.M0]);
  return rules;
}

const STEP3 = ruleTable([
  ['icate', 'ic', Cond.M0],
  ['ative', '', Cond.M0],
  ['alize', 'al', Cond.M0],
  ['iciti', 'ic', Cond.M0],
  ['ical', 'ic', Cond.M0],
  ['ful', '', Cond.M0],
  ['ness', '', Cond.M0],
]);

const STEP4 = ruleTable(
  [
    'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
    'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
  ].map((s): Rule => [s, '', s === 'ion' ? Cond.Ion : Cond.M1]),
);

const STEP5B = ruleTable([['ll', 'l', Cond.Ll]]);

class Stemmer {
  private readonly nltk: boolean;
  private readonly step1c: RuleTable;
  private readonly step2: RuleTable;

  constructor(readonly mode: PorterMode) {
    this.nltk = mode === 'NLTK_EXTENSIONS';
    this.step1c = ruleTable([['y', 'i', this.nltk ? Cond.Y1cNltk : Cond.Vowel]]);
    this.step2 = ruleTable(step2Rules(mode));
  }

  endsCvc(word: string): boolean {
    const n = word.length;
    if (n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)) {
      const last = word.charCodeAt(n - 1);
      if (last !== 119 && last !== 120 && last !== Y) return true; // w, x, y
    }
    return this.nltk && n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
  }

  step1a(word: string): string {
    if (this.nltk && word.length === 4 && word.endsWith('ies')) return word.slice(0, 1) + 'ie';
    return applyRuleList(word, STEP1A);
  }

  step1b(word: string): string {
    if (this.nltk && word.endsWith('ied')) {
      return word.slice(0, word.length - 3) + (word.length === 4 ? 'ie' : 'i');
    }
    if (word.endsWith('eed')) {
      const stem = word.slice(0, word.length - 3);
      return measure(stem) > 0 ? stem + 'ee' : word;
    }
    let w: string;
    if (word.endsWith('ed') && containsVowel(word, word.length - 2)) w = word.slice(0, word.length - 2);
    else if (word.endsWith('ing') && containsVowel(word, word.length - 3)) w = word.slice(0, word.length - 3);
    else return word;
    // NLTK's rule list: AT -> ATE, BL -> BLE, IZ -> IZE, (*d and not (*L or *S or *Z)) -> single letter,
    // (m=1 and *o) -> E. Its '*d' entry is also tried as a literal suffix "*d" (then the letter kept is 'd').
    if (w.endsWith('at')) return w + 'e';
    if (w.endsWith('bl')) return w + 'e';
    if (w.endsWith('iz')) return w + 'e';
    const last = w.charCodeAt(w.length - 1);
    if (endsDoubleConsonant(w) || w.endsWith('*d')) {
      // l, s, z keep the double letter
      return last === 108 || last === 115 || last === 122 ? w : w.slice(0, w.length - 2) + w[w.length - 1];
    }
    return measure(w) === 1 && this.endsCvc(w) ? w + 'e' : w;
  }

  step5a(word: string): string {
    // Unlike the other steps, both rules for a final 'e' are tried, so no rule list here.
    if (word.endsWith('e')) {
      const stem = word.slice(0, -1);
      const m = measure(stem);
      if (m > 1) return stem;
      if (m === 1 && !this.endsCvc(stem)) return stem;
    }
    return word;
  }

  step2Apply(word: string): string {
    // NLTK applies ALLI -> AL first and, when it fires, runs step 2 again on the result.
    if (this.nltk && word.endsWith('alli') && measure(word, word.length - 4) > 0) {
      return this.step2Apply(word.slice(0, word.length - 4) + 'al');
    }
    return applyRuleList(word, this.step2);
  }

  /**
   * `stem(word)` where `lower` is `word.lower()` with every character a single UTF-16 unit. NLTK looks the
   * irregular forms up with the word as given and applies the length shortcut to the word as given.
   */
  stem(word: string, lower: string, originalLength: number): string {
    if (this.nltk) {
      const irregular = POOL.get(word);
      if (irregular !== undefined) return irregular;
    }
    if (this.mode !== 'ORIGINAL_ALGORITHM' && originalLength <= 2) return lower;
    let stem = this.step1a(lower);
    stem = this.step1b(stem);
    stem = applyRuleList(stem, this.step1c);
    stem = this.step2Apply(stem);
    stem = applyRuleList(stem, STEP3);
    stem = applyRuleList(stem, STEP4);
    stem = this.step5a(stem);
    stem = applyRuleList(stem, STEP5B);
    return stem;
  }
}

const STEMMERS: Record<PorterMode, Stemmer> = {
  NLTK_EXTENSIONS: new Stemmer('NLTK_EXTENSIONS'),
  MARTIN_EXTENSIONS: new Stemmer('MARTIN_EXTENSIONS'),
  ORIGINAL_ALGORITHM: new Stemmer('ORIGINAL_ALGORITHM'),
};

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/**
 * Stems a word whose lowercase contains astral characters. None of them is a vowel, a 'y' or part of a
 * suffix, so each distinct one is swapped for a distinct private-use BMP character absent from the word,
 * stemmed, and swapped back: lengths, positions and equality then behave as on Python's code points.
 */
function stemAstral(stemmer: Stemmer, word: string, lower: string): string {
  const fromStandIn = new Map<string, string>();
  const toStandIn = new Map<string, string>();
  let next = 0xe000;
  let mapped = '';
  for (const ch of lower) {
    if (ch.length === 1) {
      mapped += ch;
      continue;
    }
    let standIn = toStandIn.get(ch);
    if (standIn === undefined) {
      while (lower.includes(String.fromCharCode(next))) next++;
      standIn = String.fromCharCode(next++);
      toStandIn.set(ch, standIn);
      fromStandIn.set(standIn, ch);
    }
    mapped += standIn;
  }
  const stemmed = stemmer.stem(word, mapped, cpLength(word));
  let out = '';
  for (const ch of stemmed) out += fromStandIn.get(ch) ?? ch;
  return out;
}

const CACHE_LIMIT = 100_000;
const caches: Record<PorterMode, Map<string, string>> = {
  NLTK_EXTENSIONS: new Map(),
  MARTIN_EXTENSIONS: new Map(),
  ORIGINAL_ALGORITHM: new Map(),
};

/** NLTK's `PorterStemmer(mode).stem(word)` (to_lowercase=True). Results are memoised per mode. */
export function porterStem(word: string, mode: PorterMode = 'NLTK_EXTENSIONS'): string {
  const cache = caches[mode];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stemmer = STEMMERS[mode];
  const lower = pyLower(word);
  const result = SURROGATE_PAIR.test(lower)
    ? stemAstral(stemmer, word, lower)
    : stemmer.stem(word, lower, SURROGATE_PAIR.test(word) ? cpLength(word) : word.length);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
