/**
 * Google's rouge-score 0.1.2 (`RougeScorer(['rougeN'|'rougeL']).score(target, prediction)`): its default
 * tokenizer, ROUGE-N n-gram overlap and ROUGE-L token LCS, with precision, recall and F-measure, plus the
 * overlapping n-grams / the LCS pairs for the explanation panel. Target (the reference) first, prediction
 * (the graded text) second, as in rouge-score. Choosing which number the grader reports is not done here.
 */
import { pyLower } from '../unicode.ts';
import { countInto, ngramAt, NgramIndex, scratch } from './ngrams.ts';

export interface RougeOptions {
  /**
   * rouge-score's `use_stemmer`: NLTK's PorterStemmer().stem applied to tokens longer than 3 characters.
   * The caller passes the stemmer so this module stays free of the Porter tables when stemming is off.
   */
  stemmer?: ((token: string) => string) | null;
}

/**
 * rouge-score's `tokenize.tokenize`: Python lower(); every run of characters outside [a-z0-9] becomes a space
 * (so non-ASCII letters vanish: "café" -> "caf"); split; stem tokens longer than 3; keep tokens matching
 * ^[a-z0-9]+$. lower() is Python's, on the pinned Unicode version (unicode.ts; e.g. "İ" -> "i̇", "K" -> "k").
 */
export function rougeTokenize(text: string, stemmer?: ((token: string) => string) | null): string[] {
  const tokens = pyLower(text).match(/[a-z0-9]+/g) ?? [];
  if (!stemmer) return tokens;
  const out: string[] = [];
  for (const t of tokens) {
    const s = t.length > 3 ? stemmer(t) : t;
    if (/^[a-z0-9]+$/.test(s)) out.push(s);
  }
  return out;
}

/** rouge-score's `scoring.fmeasure`, with the same operation order (2·P·R / (P+R)). */
export function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export interface RougeOverlap {
  ngram: string[];
  referenceCount: number;
  inputCount: number;
  overlap: number;
}

export interface RougeLcsPair {
  referenceIndex: number;
  inputIndex: number;
  token: string;
}

interface RougeCommon {
  kind: 'rouge';
  /** Tokens after rouge-score's tokenizer (and stemming when on). */
  referenceTokens: string[];
  inputTokens: string[];
  stemmed: boolean;
  precision: number;
  recall: number;
  fmeasure: number;
  [key: string]: unknown;
}

export interface RougeNDetails extends RougeCommon {
  variant: 'rouge_n';
  n: number;
  /** Shared n-grams, in order of first appearance in the reference. */
  overlaps: RougeOverlap[];
  overlap: number;
  referenceNgrams: number;
  inputNgrams: number;
}

export interface RougeLDetails extends RougeCommon {
  variant: 'rouge_l';
  lcsLength: number;
  /** One longest common subsequence, found with rouge-score's backtrack; null when too large to keep the table. */
  lcs: RougeLcsPair[] | null;
}

export type RougeDetails = RougeNDetails | RougeLDetails;

export interface RougeResult<D extends RougeDetails = RougeDetails> {
  /** The F-measure (what rouge_* graders report). */
  score: number;
  details: D;
}

/** ROUGE-N on two texts. `n` ≥ 1 (rouge-score rejects 0). */
export function rougeN(target: string, prediction: string, n: number, options: RougeOptions = {}): RougeResult<RougeNDetails> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ROUGE-N needs an integer n >= 1, got ${n}`);
  return rougeNTokens(rougeTokenize(target, options.stemmer), rougeTokenize(prediction, options.stemmer), n, !!options.stemmer);
}

/** rouge-score `_score_ngrams` on already tokenized text. */
export function rougeNTokens(targetTokens: string[], predictionTokens: string[], n: number, stemmed = false): RougeResult<RougeNDetails> {
  const index = new NgramIndex([targetTokens, predictionTokens]);
  const size = index.size(n);
  const ids = index.level(n);
  const t0 = index.start(0);
  const targetTotal = index.count(0, n);
  const p0 = index.start(1);
  const predictionTotal = index.count(1, n);
  // [0, size): target counts; [size, 2·size): prediction counts.
  const w = scratch(2 * size);
  countInto(ids, p0, p0 + predictionTotal, w, size);
  countInto(ids, t0, t0 + targetTotal, w, 0);
  // Shared n-grams in order of first appearance in the target (w[id] is zeroed once the n-gram is listed).
  const overlaps: RougeOverlap[] = [];
  let overlap = 0;
  for (let i = t0; i < t0 + targetTotal; i++) {
    const id = ids[i]!;
    const tc = w[id]!;
    if (tc === 0) continue;
    w[id] = 0;
    const pc = w[size + id]!;
    if (pc === 0) continue;
    const o = tc < pc ? tc : pc;
    overlap += o;
    overlaps.push({ ngram: ngramAt(targetTokens, i - t0, n), referenceCount: tc, inputCount: pc, overlap: o });
  }
  const precision = overlap / Math.max(predictionTotal, 1);
  const recall = overlap / Math.max(targetTotal, 1);
  const f = fmeasure(precision, recall);
  return {
    score: f,
    details: {
      kind: 'rouge',
      variant: 'rouge_n',
      n,
      referenceTokens: targetTokens,
      inputTokens: predictionTokens,
      stemmed,
      overlaps,
      overlap,
      referenceNgrams: targetTotal,
      inputNgrams: predictionTotal,
      precision,
      recall,
      fmeasure: f,
    },
  };
}

/** ROUGE-L on two texts. */
export function rougeL(target: string, prediction: string, options: RougeOptions = {}): RougeResult<RougeLDetails> {
  return rougeLTokens(rougeTokenize(target, options.stemmer), rougeTokenize(prediction, options.stemmer), !!options.stemmer);
}

const SHARED_LCS_CELLS = 1 << 18;

/** Above this many table cells the LCS is computed in two rows and not backtracked (memory stays small). */
const MAX_LCS_TABLE = 16_000_000;

/** rouge-score `_score_lcs` on already tokenized text. */
export function rougeLTokens(targetTokens: string[], predictionTokens: string[], stemmed = false): RougeResult<RougeLDetails> {
  const index = new NgramIndex([targetTokens, predictionTokens]);
  const ref = index.tokens(0);
  const can = index.tokens(1);
  let lcsLength = 0;
  let lcs: RougeLcsPair[] | null = [];
  if (ref.length > 0 && can.length > 0) {
    if ((ref.length + 1) * (can.length + 1) <= MAX_LCS_TABLE) {
      ({ lcsLength, lcs } = lcsWithBacktrack(ref, can, targetTokens));
    } else {
      lcsLength = lcsLengthOnly(ref, can);
      lcs = null;
    }
  }
  // rouge-score returns all zeros when either side has no token.
  const empty = ref.length === 0 || can.length === 0;
  const precision = empty ? 0 : lcsLength / can.length;
  const recall = empty ? 0 : lcsLength / ref.length;
  const f = empty ? 0 : fmeasure(precision, recall);
  return {
    score: f,
    details: {
      kind: 'rouge',
      variant: 'rouge_l',
      referenceTokens: targetTokens,
      inputTokens: predictionTokens,
      stemmed,
      lcsLength,
      lcs,
      precision,
      recall,
      fmeasure: f,
    },
  };
}

/** rouge-score `_lcs_table` + `_backtrack_norec` (prefer moving in the prediction only on a strict `>`). */
function lcsWithBacktrack(ref: readonly number[], can: readonly number[], refTokens: string[]): { lcsLength: number; lcs: RougeLcsPair[] } {
  const rows = ref.length;
  const cols = can.length;
  const w = cols + 1;
  const cells = (rows + 1) * w;
  // The usual sentence pair fits the shared zeroed buffer; a huge table gets its own, freed after the call.
  const t = cells <= SHARED_LCS_CELLS ? scratch(cells) : new Int32Array(cells);
  for (let i = 1; i <= rows; i++) {
    const r = ref[i - 1];
    const row = i * w;
    const prev = row - w;
    for (let j = 1; j <= cols; j++) {
      if (r === can[j - 1]) t[row + j] = t[prev + j - 1]! + 1;
      else {
        const up = t[prev + j]!;
        const left = t[row + j - 1]!;
        t[row + j] = up > left ? up : left;
      }
    }
  }
  const lcs: RougeLcsPair[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      lcs.push({ referenceIndex: i - 1, inputIndex: j - 1, token: refTokens[i - 1]! });
      i--;
      j--;
    } else if (t[i * w + j - 1]! > t[(i - 1) * w + j]!) j--;
    else i--;
  }
  lcs.reverse();
  return { lcsLength: t[rows * w + cols]!, lcs };
}

function lcsLengthOnly(ref: readonly number[], can: readonly number[]): number {
  let prev = new Int32Array(can.length + 1);
  let cur = new Int32Array(can.length + 1);
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i];
    for (let j = 1; j <= can.length; j++) {
      if (r === can[j - 1]) cur[j] = prev[j - 1]! + 1;
      else cur[j] = prev[j]! > cur[j - 1]! ? prev[j]! : cur[j - 1]!;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[can.length]!;
}
