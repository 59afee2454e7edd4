/**
 * NLTK 3.8's PorterStemmer (`nltk/stem/porter.py`), in all three of its modes, exact to the character.
 * METEOR's stem stage and ROUGE's `use_stemmer` (rouge-score builds `PorterStemmer()`, i.e. NLTK_EXTENSIONS)
 * both call this. It must not "fix" NLTK's quirks: the irregular-forms table is looked up with the word as
 * given (so "Skies" is not in it, "skies" is), the length-2 shortcut counts the original word, and the
 * `*d` rule also fires on a literal "*d" suffix, because NLTK's rule list treats "*d" as a suffix too.
 * Python indexes strings by code point; words containing astral characters are remapped to BMP stand-ins
 * before stemming so that `word[-2]`, `len(word)` and double-letter checks count code points, as Python does.
 */

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

type Condition = ((stem: string) => boolean) | null;
type Rule = readonly [suffix: string, replacement: string, condition: Condition];

function isVowelLetter(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

/** Porter's consonant: not a vowel, and `y` only when at the start or after a vowel. */
function isConsonant(word: string, i: number): boolean {
  const c = word[i] as string;
  if (isVowelLetter(c)) return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** m in [C](VC){m}[V]: the number of vowel-to-consonant transitions. */
function measure(stem: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const cons = isConsonant(stem, i);
    if (cons && prevVowel) m++;
    prevVowel = !cons;
  }
  return m;
}

const hasPositiveMeasure = (stem: string): boolean => measure(stem) > 0;

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

function replaceSuffix(word: string, suffix: string, replacement: string): string {
  return suffix === '' ? word + replacement : word.slice(0, word.length - suffix.length) + replacement;
}

class Stemmer {
  constructor(readonly mode: PorterMode) {}

  endsCvc(word: string): boolean {
    const n = word.length;
    if (
      n >= 3 &&
      isConsonant(word, n - 3) &&
      !isConsonant(word, n - 2) &&
      isConsonant(word, n - 1) &&
      word[n - 1] !== 'w' &&
      word[n - 1] !== 'x' &&
      word[n - 1] !== 'y'
    ) {
      return true;
    }
    return this.mode === 'NLTK_EXTENSIONS' && n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
  }

  /** The first rule whose suffix matches decides: its condition failing stops the list (NLTK's semantics). */
  applyRuleList(word: string, rules: readonly Rule[]): string {
    for (const [suffix, replacement, condition] of rules) {
      if (suffix === '*d' && endsDoubleConsonant(word)) {
        const stem = word.slice(0, word.length - 2);
        return condition === null || condition(stem) ? stem + replacement : word;
      }
      if (word.endsWith(suffix)) {
        const stem = replaceSuffix(word, suffix, '');
        return condition === null || condition(stem) ? stem + replacement : word;
      }
    }
    return word;
  }

  step1a(word: string): string {
    if (this.mode === 'NLTK_EXTENSIONS' && word.endsWith('ies') && word.length === 4) {
      return replaceSuffix(word, 'ies', 'ie');
    }
    return this.applyRuleList(word, [
      ['sses', 'ss', null],
      ['ies', 'i', null],
      ['ss', 'ss', null],
      ['s', '', null],
    ]);
  }

  step1b(word: string): string {
    if (this.mode === 'NLTK_EXTENSIONS' && word.endsWith('ied')) {
      return word.length === 4 ? replaceSuffix(word, 'ied', 'ie') : replaceSuffix(word, 'ied', 'i');
    }
    if (word.endsWith('eed')) {
      const stem = replaceSuffix(word, 'eed', '');
      return measure(stem) > 0 ? stem + 'ee' : word;
    }
    let intermediate: string | null = null;
    for (const suffix of ['ed', 'ing']) {
      if (word.endsWith(suffix)) {
        const candidate = replaceSuffix(word, suffix, '');
        if (containsVowel(candidate)) {
          intermediate = candidate;
          break;
        }
      }
    }
    if (intermediate === null) return word;
    const last = intermediate[intermediate.length - 1] as string;
    return this.applyRuleList(intermediate, [
      ['at', 'ate', null],
      ['bl', 'ble', null],
      ['iz', 'ize', null],
      ['*d', last, () => last !== 'l' && last !== 's' && last !== 'z'],
      ['', 'e', (stem) => measure(stem) === 1 && this.endsCvc(stem)],
    ]);
  }

  step1c(word: string): string {
    const condition =
      this.mode === 'NLTK_EXTENSIONS'
        ? (stem: string) => stem.length > 1 && isConsonant(stem, stem.length - 1)
        : containsVowel;
    return this.applyRuleList(word, [['y', 'i', condition]]);
  }

  step2(word: string): string {
    if (this.mode === 'NLTK_EXTENSIONS' && word.endsWith('alli') && hasPositiveMeasure(replaceSuffix(word, 'alli', ''))) {
      return this.step2(replaceSuffix(word, 'alli', 'al'));
    }
    const p = hasPositiveMeasure;
    const rules: Rule[] = [
      ['ational', 'ate', p],
      ['tional', 'tion', p],
      ['enci', 'ence', p],
      ['anci', 'ance', p],
      ['izer', 'ize', p],
      this.mode === 'ORIGINAL_ALGORITHM' ? ['abli', 'able', p] : ['bli', 'ble', p],
      ['alli', 'al', p],
      ['entli', 'ent', p],
      ['eli', 'e', p],
      ['ousli', 'ous', p],
      ['ization', 'ize', p],
      ['ation', 'ate', p],
      ['ator', 'ate', p],
      ['alism', 'al', p],
      ['iveness', 'ive', p],
      ['fulness', 'ful', p],
      ['ousness', 'ous', p],
      ['aliti', 'al', p],
      ['iviti', 'ive', p],
      ['biliti', 'ble', p],
    ];
    if (this.mode === 'NLTK_EXTENSIONS') {
      rules.push(['fulli', 'ful', p]);
      // NLTK keeps the 'l' of 'logi' with the stem when measuring, so 'geo'/'theo' qualify.
      rules.push(['logi', 'log', () => hasPositiveMeasure(word.slice(0, word.length - 3))]);
    }
    if (this.mode === 'MARTIN_EXTENSIONS') rules.push(['logi', 'log', p]);
    return this.applyRuleList(word, rules);
  }

  step3(word: string): string {
    const p = hasPositiveMeasure;
    return this.applyRuleList(word, [
      ['icate', 'ic', p],
      ['ative', '', p],
      ['alize', 'al', p],
      ['iciti', 'ic', p],
      ['ical', 'ic', p],
      ['ful', '', p],
      ['ness', '', p],
    ]);
  }

  step4(word: string): string {
    const gt1 = (stem: string): boolean => measure(stem) > 1;
    return this.applyRuleList(word, STEP4_SUFFIXES.map((s): Rule => [s, '', s === 'ion' ? ionCondition : gt1]));
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

  step5b(word: string): string {
    return this.applyRuleList(word, [['ll', 'l', () => measure(word.slice(0, -1)) > 1]]);
  }

  /**
   * `stem(word)` where `lower` is `word.lower()` with every character a single UTF-16 unit. NLTK looks the
   * irregular forms up with the word as given and applies the length shortcut to the word as given.
   */
  stem(word: string, lower: string, originalLength: number): string {
    if (this.mode === 'NLTK_EXTENSIONS') {
      const irregular = POOL.get(word);
      if (irregular !== undefined) return irregular;
    }
    if (this.mode !== 'ORIGINAL_ALGORITHM' && originalLength <= 2) return lower;
    let stem = lower;
    stem = this.step1a(stem);
    stem = this.step1b(stem);
    stem = this.step1c(stem);
    stem = this.step2(stem);
    stem = this.step3(stem);
    stem = this.step4(stem);
    stem = this.step5a(stem);
    stem = this.step5b(stem);
    return stem;
  }
}

const STEP4_SUFFIXES = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
  'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
] as const;

function ionCondition(stem: string): boolean {
  const last = stem[stem.length - 1];
  return measure(stem) > 1 && (last === 's' || last === 't');
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
  const lower = word.toLowerCase();
  const result = SURROGATE_PAIR.test(lower)
    ? stemAstral(stemmer, word, lower)
    : stemmer.stem(word, lower, SURROGATE_PAIR.test(word) ? cpLength(word) : word.length);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
