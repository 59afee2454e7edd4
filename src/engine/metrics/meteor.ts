/**
 * METEOR exactly as NLTK 3.8's `nltk.translate.meteor_score.single_meteor_score` computes it (alpha 0.9,
 * beta 3, gamma 0.5 by default), with the alignment it found, for the explanation panel.
 * NLTK's quirks are kept on purpose: tokens are lowercased, matched exactly, then Porter-stemmed
 * (NLTK_EXTENSIONS) and matched again, and the WordNet stage runs on the *stemmed* leftovers; each stage scans
 * the hypothesis from its last word and takes the last remaining reference word that matches.
 * This module never tokenizes raw text except in `meteorFromStrings` (Python's str.split) and never fetches
 * WordNet itself: it gets a `WordNet` or asks `loadWordNet` through the runtime.
 */
import type { EngineRuntime } from '../runtime.ts';
import { meteorVocab } from './meteor-vocab.ts';
import { pySplit } from './tokenize.ts';
import { loadWordNet, type WordNet } from './wordnet.ts';

export interface MeteorOptions {
  alpha?: number;
  beta?: number;
  gamma?: number;
}

export type MeteorStage = 'exact' | 'stem' | 'synonym';

export interface MeteorMatch {
  /** Token index in the hypothesis (the graded input). */
  hyp: number;
  /** Token index in the reference. */
  ref: number;
  stage: MeteorStage;
  /** The tokens as given (before lowercasing and stemming). */
  hypWord: string;
  refWord: string;
}

export interface MeteorToken {
  index: number;
  word: string;
}

export interface MeteorDetails {
  kind: 'meteor';
  /** Matches sorted by hypothesis index, as NLTK sorts them before counting chunks. */
  alignment: MeteorMatch[];
  unmatchedHyp: MeteorToken[];
  unmatchedRef: MeteorToken[];
  /** Whether the synonym stage ran (false for the no-WordNet variant). */
  wordnet: boolean;
  hypothesisLength: number;
  referenceLength: number;
  /** Runs of matches adjacent in both sentences; 0 when nothing matched. */
  chunks: number;
  matches: number;
  precision: number;
  recall: number;
  fmean: number;
  penalty: number;
  score: number;
  alpha: number;
  beta: number;
  gamma: number;
}

export interface MeteorResult {
  score: number;
  details: MeteorDetails;
}

const STAGES: readonly MeteorStage[] = ['exact', 'stem', 'synonym'];
/** Up to this many hypothesis x reference pairs, the plain scan is faster than per-word chains. */
const SMALL = 4096;

/**
 * Per-token arrays reused from call to call: `meteorScore` is synchronous, so one set per realm is enough,
 * and allocating eight typed arrays per pair was a good part of the garbage collector's work.
 */
class Scratch {
  cap = 0;
  hypLower = new Int32Array(0);
  hypStem = new Int32Array(0);
  hypMatch = new Int32Array(0);
  stageOf = new Uint8Array(0);
  refLower = new Int32Array(0);
  refStem = new Int32Array(0);
  /** Marks on reference indices (taken / matched), cleared by whoever uses them. */
  refMark = new Uint8Array(0);

  ensure(n: number): this {
    if (n > this.cap) {
      const cap = Math.max(n, this.cap * 2, 64);
      this.cap = cap;
      this.hypLower = new Int32Array(cap);
      this.hypStem = new Int32Array(cap);
      this.hypMatch = new Int32Array(cap);
      this.stageOf = new Uint8Array(cap);
      this.refLower = new Int32Array(cap);
      this.refStem = new Int32Array(cap);
      this.refMark = new Uint8Array(cap);
    }
    return this;
  }
}
const scratch = new Scratch();

/**
 * NLTK's `_match_enums` for the exact and stem stages, on interned forms. NLTK scans the hypothesis from its
 * last entry and, for each, the reference from its last entry, taking the first equal word and removing both.
 * Since removals keep order, that is: for hypothesis indices in descending order, the largest remaining
 * reference index holding the same word. Long inputs use a per-word chain of reference indices (newest first),
 * which gives exactly that in linear time.
 */
function matchEqual(
  hypForms: Int32Array,
  refForms: Int32Array,
  hypLeft: number[],
  refLeft: number[],
  hypMatch: Int32Array,
  stageOf: Uint8Array,
  stage: number,
  lenRef: number,
  taken: Uint8Array,
): void {
  let matched = false;
  if (hypLeft.length * refLeft.length <= SMALL) {
    taken.fill(0, 0, lenRef);
    for (let k = hypLeft.length - 1; k >= 0; k--) {
      const i = hypLeft[k] as number;
      const w = hypForms[i] as number;
      for (let m = refLeft.length - 1; m >= 0; m--) {
        const j = refLeft[m] as number;
        if (refForms[j] === w && taken[j] === 0) {
          taken[j] = 1;
          hypMatch[i] = j;
          stageOf[i] = stage;
          matched = true;
          break;
        }
      }
    }
  } else {
    const top = new Map<number, number>();
    const below = new Int32Array(lenRef);
    for (const j of refLeft) {
      const w = refForms[j] as number;
      below[j] = top.get(w) ?? -1;
      top.set(w, j);
    }
    for (let k = hypLeft.length - 1; k >= 0; k--) {
      const i = hypLeft[k] as number;
      const w = hypForms[i] as number;
      const j = top.get(w);
      if (j !== undefined && j >= 0) {
        hypMatch[i] = j;
        stageOf[i] = stage;
        top.set(w, below[j] as number);
        matched = true;
      }
    }
  }
  if (matched) compact(hypLeft, refLeft, hypMatch, lenRef, taken);
}

/** Drops matched entries from the leftover lists (they stay in ascending index order). */
function compact(hypLeft: number[], refLeft: number[], hypMatch: Int32Array, lenRef: number, usedRef: Uint8Array): void {
  usedRef.fill(0, 0, lenRef);
  let w = 0;
  for (const i of hypLeft) {
    const j = hypMatch[i] as number;
    if (j === -1) hypLeft[w++] = i;
    else usedRef[j] = 1;
  }
  hypLeft.length = w;
  w = 0;
  for (const j of refLeft) if (usedRef[j] === 0) refLeft[w++] = j;
  refLeft.length = w;
}

/**
 * NLTK's `_enum_wordnetsyn_match` on the stemmed leftovers: for hypothesis entries from last to first, the
 * last remaining reference entry equal to the stem or to one of the lemma names of `wordnet.synsets(stem)`.
 */
function matchSynonyms(
  hypStems: Int32Array,
  refStems: Int32Array,
  hypLeft: number[],
  refLeft: number[],
  hypMatch: Int32Array,
  stageOf: Uint8Array,
  wordnet: WordNet,
  lenRef: number,
  marks: Uint8Array,
): void {
  marks.fill(0, 0, lenRef);
  let left = refLeft.length;
  let matched = false;
  for (let k = hypLeft.length - 1; k >= 0 && left > 0; k--) {
    const i = hypLeft[k] as number;
    const h = hypStems[i] as number;
    const syns = meteorVocab.synonymIds(wordnet, h);
    for (let m = refLeft.length - 1; m >= 0; m--) {
      const j = refLeft[m] as number;
      if (marks[j] !== 0) continue;
      const r = refStems[j] as number;
      if (r === h || syns.has(r)) {
        hypMatch[i] = j;
        stageOf[i] = 2;
        marks[j] = 1;
        left--;
        matched = true;
        break;
      }
    }
  }
  if (matched) compact(hypLeft, refLeft, hypMatch, lenRef, marks);
}

/**
 * `single_meteor_score(reference, hypothesis)` on pre-tokenized input. `wordnet` null skips the synonym stage
 * (NLTK with a WordNet whose `synsets()` finds nothing: the `meteor[no_wordnet]` vectors).
 */
export function meteorScore(
  referenceTokens: readonly string[],
  hypothesisTokens: readonly string[],
  wordnet: WordNet | null,
  opts: MeteorOptions = {},
): MeteorResult {
  const alpha = opts.alpha ?? 0.9;
  const beta = opts.beta ?? 3.0;
  const gamma = opts.gamma ?? 0.5;
  const lenHyp = hypothesisTokens.length;
  const lenRef = referenceTokens.length;
  meteorVocab.trim();
  // Interned lowercase and stem ids: the strings NLTK compares, as integers. Stems are computed for every
  // token (NLTK stems only the leftovers), which changes nothing since stemming is a pure function.
  const { hypLower, hypStem, hypMatch, stageOf, refLower, refStem, refMark } = scratch.ensure(Math.max(lenHyp, lenRef));
  const hypLeft: number[] = new Array<number>(lenHyp);
  const refLeft: number[] = new Array<number>(lenRef);
  for (let i = 0; i < lenHyp; i++) {
    const t = meteorVocab.token(hypothesisTokens[i] as string);
    hypLower[i] = t.lower;
    hypStem[i] = t.stem;
    hypLeft[i] = i;
  }
  for (let j = 0; j < lenRef; j++) {
    const t = meteorVocab.token(referenceTokens[j] as string);
    refLower[j] = t.lower;
    refStem[j] = t.stem;
    refLeft[j] = j;
  }
  // hypMatch: for each hypothesis index, the reference index it matched, or -1.
  hypMatch.fill(-1, 0, lenHyp);

  matchEqual(hypLower, refLower, hypLeft, refLeft, hypMatch, stageOf, 0, lenRef, refMark);
  if (hypLeft.length > 0 && refLeft.length > 0) {
    matchEqual(hypStem, refStem, hypLeft, refLeft, hypMatch, stageOf, 1, lenRef, refMark);
  }
  if (wordnet && hypLeft.length > 0 && refLeft.length > 0) {
    matchSynonyms(hypStem, refStem, hypLeft, refLeft, hypMatch, stageOf, wordnet, lenRef, refMark);
  }

  // NLTK sorts matches by hypothesis index before counting chunks; walking hypMatch gives that order.
  const alignment: MeteorMatch[] = [];
  let chunks = 0;
  let prevHyp = -2;
  let prevRef = -2;
  for (let i = 0; i < lenHyp; i++) {
    const j = hypMatch[i] as number;
    if (j < 0) continue;
    if (!(i === prevHyp + 1 && j === prevRef + 1)) chunks++;
    prevHyp = i;
    prevRef = j;
    alignment.push({
      hyp: i,
      ref: j,
      stage: STAGES[stageOf[i] as number] as MeteorStage,
      hypWord: hypothesisTokens[i] as string,
      refWord: referenceTokens[j] as string,
    });
  }
  const m = alignment.length;
  const details: MeteorDetails = {
    kind: 'meteor',
    alignment,
    unmatchedHyp: hypLeft.map((index) => ({ index, word: hypothesisTokens[index] as string })),
    unmatchedRef: refLeft.map((index) => ({ index, word: referenceTokens[index] as string })),
    wordnet: wordnet !== null,
    hypothesisLength: lenHyp,
    referenceLength: lenRef,
    chunks,
    matches: m,
    precision: lenHyp > 0 ? m / lenHyp : 0,
    recall: lenRef > 0 ? m / lenRef : 0,
    fmean: 0,
    penalty: 0,
    score: 0,
    alpha,
    beta,
    gamma,
  };
  // Every ZeroDivisionError in NLTK (an empty side, no match, a zero F denominator) returns 0.0.
  const { precision, recall } = details;
  const denominator = alpha * precision + (1 - alpha) * recall;
  if (lenHyp === 0 || lenRef === 0 || m === 0 || denominator === 0) return { score: 0, details };
  const fmean = (precision * recall) / denominator;
  const fragFrac = chunks / m;
  const penalty = gamma * fragFrac ** beta;
  const score = (1 - penalty) * fmean;
  details.fmean = fmean;
  details.penalty = penalty;
  details.score = score;
  return { score, details };
}

export interface MeteorStringOptions extends MeteorOptions {
  /** Run the WordNet synonym stage (default true: NLTK's default `wordnet`). */
  wordnet?: boolean;
}

/**
 * METEOR of two raw strings as the golden vectors define it:
 * `meteor_score([reference.split()], hypothesis.split())`, loading WordNet through the runtime on first use.
 * Rejects when WordNet is wanted and the runtime cannot provide it.
 */
export async function meteorFromStrings(
  reference: string,
  hypothesis: string,
  runtime: EngineRuntime | undefined,
  opts: MeteorStringOptions = {},
): Promise<MeteorResult> {
  const wordnet = opts.wordnet === false ? null : await loadWordNet(runtime ?? {});
  return meteorScore(pySplit(reference), pySplit(hypothesis), wordnet, opts);
}
