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
import { porterStem } from './porter.ts';
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

/** [original index, compared form] as in NLTK's enumerated word lists. */
type Entry = [number, string];

/**
 * NLTK's `_match_enums` (and, with `synonymsOf`, `_enum_wordnetsyn_match`): for hypothesis entries from last to
 * first, the last remaining reference entry that matches is taken and both are removed from their lists.
 */
function matchStage(
  hyp: Entry[],
  ref: Entry[],
  stage: MeteorStage,
  out: Array<[number, number, MeteorStage]>,
  synonymsOf?: (word: string) => ReadonlySet<string> | readonly string[],
): void {
  for (let i = hyp.length - 1; i >= 0 && ref.length > 0; i--) {
    const [hi, hw] = hyp[i] as Entry;
    let syns: ReadonlySet<string> | null = null;
    if (synonymsOf) {
      const s = synonymsOf(hw);
      syns = s instanceof Set ? s : new Set(s as readonly string[]);
    }
    for (let j = ref.length - 1; j >= 0; j--) {
      const rw = (ref[j] as Entry)[1];
      if (rw === hw || (syns !== null && syns.has(rw))) {
        out.push([hi, (ref[j] as Entry)[0], stage]);
        hyp.splice(i, 1);
        ref.splice(j, 1);
        break;
      }
    }
  }
}

/** NLTK's `_count_chunks` on matches sorted by hypothesis index. */
function countChunks(matches: ReadonlyArray<readonly [number, number, MeteorStage]>): number {
  let chunks = 1;
  for (let i = 0; i < matches.length - 1; i++) {
    const a = matches[i] as readonly [number, number, MeteorStage];
    const b = matches[i + 1] as readonly [number, number, MeteorStage];
    if (!(b[0] === a[0] + 1 && b[1] === a[1] + 1)) chunks++;
  }
  return chunks;
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
  let hyp: Entry[] = hypothesisTokens.map((w, i): Entry => [i, w.toLowerCase()]);
  let ref: Entry[] = referenceTokens.map((w, i): Entry => [i, w.toLowerCase()]);
  const found: Array<[number, number, MeteorStage]> = [];

  matchStage(hyp, ref, 'exact', found);
  if (hyp.length > 0 && ref.length > 0) {
    hyp = hyp.map(([i, w]): Entry => [i, porterStem(w)]);
    ref = ref.map(([i, w]): Entry => [i, porterStem(w)]);
    matchStage(hyp, ref, 'stem', found);
  }
  if (wordnet && hyp.length > 0 && ref.length > 0) {
    // NLTK looks up synsets of the stemmed word and tests `ref in syns ∪ {hyp}`; matchStage adds the hyp itself.
    matchStage(hyp, ref, 'synonym', found, (w) => wordnet.synonyms(w));
  }
  // Python's sort is stable and hypothesis indices are unique, so a plain numeric sort gives NLTK's order.
  found.sort((a, b) => a[0] - b[0]);

  const m = found.length;
  const lenHyp = hypothesisTokens.length;
  const lenRef = referenceTokens.length;
  const matchedHyp = new Set(found.map((f) => f[0]));
  const matchedRef = new Set(found.map((f) => f[1]));
  const details: MeteorDetails = {
    kind: 'meteor',
    alignment: found.map(([h, r, stage]) => ({
      hyp: h,
      ref: r,
      stage,
      hypWord: hypothesisTokens[h] as string,
      refWord: referenceTokens[r] as string,
    })),
    unmatchedHyp: hypothesisTokens.flatMap((word, index) => (matchedHyp.has(index) ? [] : [{ index, word }])),
    unmatchedRef: referenceTokens.flatMap((word, index) => (matchedRef.has(index) ? [] : [{ index, word }])),
    wordnet: wordnet !== null,
    hypothesisLength: lenHyp,
    referenceLength: lenRef,
    chunks: m > 0 ? countChunks(found) : 0,
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
  const fragFrac = details.chunks / m;
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
