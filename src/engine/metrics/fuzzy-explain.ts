/**
 * Explanations of the rapidfuzz scorers for the UI: which characters one optimal alignment matched, the best
 * window of the partial scorers, and the steps that produced the score (for WRatio: which sub-scorer won, the
 * length ratio and the scale). Plain JSON data (it crosses postMessage).
 * Offsets: `matchedInput`, `matchedReference` and `window.start/end` are UTF-16 [start, end) offsets into the
 * ORIGINAL (unprocessed) strings, ready for JS/DOM highlighting; the `...Cp` twins are the same ranges in code
 * points (Python indices). default_process maps code point to code point and only trims, so both stay exact.
 * The score always comes from fuzzy.ts; nothing here decides a score.
 */
import {
  decomposeTokens,
  defaultProcessCodePoints,
  FUZZY_SCORERS,
  partialRatioAlignmentCodePoints,
  ratioCodePoints,
  wratioTrace,
  type FuzzyOptions,
  type FuzzyScorerName,
} from './fuzzy.ts';
import { lcsAlignment, lcsLength } from './lcs.ts';
import { cpToUtf16Offsets, fromCodePoints, isPySpace, pySorted, toCodePoints } from './tokenize.ts';

export type Range = [number, number];

export interface FuzzyExplanation {
  kind: 'fuzzy';
  scorer: FuzzyScorerName;
  score: number;
  processor: boolean;
  processedInput: string;
  processedReference: string;
  /** UTF-16 ranges of the original input matched by one alignment (shared tokens, for the token scorers). */
  matchedInput: Range[];
  matchedReference: Range[];
  matchedInputCp: Range[];
  matchedReferenceCp: Range[];
  /** partial_ratio: the best window, in whichever string was the longer one. */
  window?: { in: 'input' | 'reference'; start: number; end: number; startCp: number; endCp: number };
  steps: string[];
}

/** Matched code-point indices (into the processed strings) plus the text of the steps. */
interface Trace {
  a: number[];
  b: number[];
  window?: { in: 'input' | 'reference'; startCp: number; endCp: number };
  steps: string[];
}

interface Token {
  text: string;
  start: number; // code point index in the processed string
  end: number;
}

function tokensOf(cps: Int32Array): Token[] {
  const out: Token[] = [];
  let start = -1;
  for (let i = 0; i <= cps.length; i++) {
    const space = i === cps.length || isPySpace(cps[i] as number);
    if (space && start >= 0) {
      out.push({ text: fromCodePoints(cps, start, i), start, end: i });
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  return out;
}

/** `" ".join(words)` as code points, with where each code point came from (-1 for the joining spaces). */
function joinWithOrigins(words: string[], tokens: Token[]): { cps: Int32Array; origin: Int32Array } {
  const firstAt = new Map<string, number>();
  for (const t of tokens) if (!firstAt.has(t.text)) firstAt.set(t.text, t.start);
  // Repeated words (token_sort keeps duplicates) take successive occurrences, left to right.
  const occurrences = new Map<string, number[]>();
  for (const t of tokens) {
    const list = occurrences.get(t.text) ?? [];
    list.push(t.start);
    occurrences.set(t.text, list);
  }
  const used = new Map<string, number>();
  const cps: number[] = [];
  const origin: number[] = [];
  words.forEach((w, k) => {
    if (k > 0) {
      cps.push(0x20);
      origin.push(-1);
    }
    const n = used.get(w) ?? 0;
    used.set(w, n + 1);
    const start = occurrences.get(w)?.[n] ?? firstAt.get(w) ?? -1;
    const wc = toCodePoints(w);
    wc.forEach((c, i) => {
      cps.push(c);
      origin.push(start < 0 ? -1 : start + i);
    });
  });
  return { cps: Int32Array.from(cps), origin: Int32Array.from(origin) };
}

/**
 * Highlighting needs the whole bit matrix (|a|·|b|/30 words); past this many cells we skip the highlight rather
 * than allocate hundreds of megabytes. The score never depends on it.
 */
const MAX_ALIGNMENT_CELLS = 1e8;

function alignment(trace: Trace, a: Int32Array, b: Int32Array): Int32Array {
  if (a.length * b.length <= MAX_ALIGNMENT_CELLS) return lcsAlignment(a, b);
  trace.steps.push(`highlighting skipped: ${a.length} x ${b.length} code points is too large to align`);
  return new Int32Array(0);
}

function pairsInto(trace: Trace, pairs: Int32Array, mapA?: Int32Array, mapB?: Int32Array, offA = 0, offB = 0): number {
  for (let k = 0; k < pairs.length; k += 2) {
    const i = (pairs[k] as number) + offA;
    const j = (pairs[k + 1] as number) + offB;
    const oi = mapA ? (mapA[i] as number) : i;
    const oj = mapB ? (mapB[j] as number) : j;
    if (oi >= 0) trace.a.push(oi);
    if (oj >= 0) trace.b.push(oj);
  }
  return pairs.length / 2;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
}

function traceRatio(a: Int32Array, b: Int32Array, trace: Trace, label = 'ratio', mapA?: Int32Array, mapB?: Int32Array): number {
  const score = ratioCodePoints(a, b);
  const lcs = lcsLength(a, b);
  pairsInto(trace, alignment(trace, a, b), mapA, mapB);
  trace.steps.push(
    a.length + b.length === 0
      ? `${label}: both strings empty -> 100`
      : `${label}: LCS ${lcs} of ${a.length}+${b.length} code points -> 200*${lcs}/${a.length + b.length} = ${fmt(score)}`,
  );
  return score;
}

function tracePartial(
  a: Int32Array,
  b: Int32Array,
  trace: Trace,
  label = 'partial_ratio',
  mapA?: Int32Array,
  mapB?: Int32Array,
): number {
  const al = partialRatioAlignmentCodePoints(a, b);
  const sub = alignment(trace, a.subarray(al.src_start, al.src_end), b.subarray(al.dest_start, al.dest_end));
  pairsInto(trace, sub, mapA, mapB, al.src_start, al.dest_start);
  const inInput = al.src_start !== 0 || al.src_end !== a.length;
  const side = inInput ? 'input' : 'reference';
  const [ws, we] = inInput ? [al.src_start, al.src_end] : [al.dest_start, al.dest_end];
  if (!mapA && !mapB) trace.window = { in: side, startCp: ws, endCp: we };
  const text = fromCodePoints(inInput ? a : b, ws, we);
  trace.steps.push(`${label}: best window ${side}[${ws}:${we}] = ${JSON.stringify(text)} -> ${fmt(al.score)}`);
  return al.score;
}

/** Every code point of every token in `keep`, in both token lists. */
function markTokens(trace: Trace, ta: Token[], tb: Token[], keep: Set<string>): void {
  for (const t of ta) if (keep.has(t.text)) for (let i = t.start; i < t.end; i++) trace.a.push(i);
  for (const t of tb) if (keep.has(t.text)) for (let i = t.start; i < t.end; i++) trace.b.push(i);
}

function traceTokenSort(a: Int32Array, b: Int32Array, trace: Trace, partial: boolean): number {
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  const ja = joinWithOrigins(pySorted(ta.map((t) => t.text)), ta);
  const jb = joinWithOrigins(pySorted(tb.map((t) => t.text)), tb);
  trace.steps.push(`sorted tokens: ${JSON.stringify(fromCodePoints(ja.cps))} vs ${JSON.stringify(fromCodePoints(jb.cps))}`);
  return partial
    ? tracePartial(ja.cps, jb.cps, trace, 'partial_ratio of sorted tokens', ja.origin, jb.origin)
    : traceRatio(ja.cps, jb.cps, trace, 'ratio of sorted tokens', ja.origin, jb.origin);
}

function traceTokenSet(a: Int32Array, b: Int32Array, trace: Trace, score: number, partial: boolean): void {
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  if (!ta.length || !tb.length) {
    trace.steps.push('a string has no tokens -> 0');
    return;
  }
  const { intersection, diffAB, diffBA } = decomposeTokens(
    ta.map((t) => t.text),
    tb.map((t) => t.text),
  );
  markTokens(trace, ta, tb, new Set(intersection));
  trace.steps.push(
    `shared tokens: ${JSON.stringify(intersection.join(' '))}; only in input: ${JSON.stringify(diffAB.join(' '))}; ` +
      `only in reference: ${JSON.stringify(diffBA.join(' '))}`,
  );
  if (intersection.length && (partial || !diffAB.length || !diffBA.length)) {
    trace.steps.push(partial ? 'a token is shared -> 100' : 'one token set contains the other -> 100');
    return;
  }
  const da = joinWithOrigins(diffAB, ta);
  const db = joinWithOrigins(diffBA, tb);
  if (partial) {
    tracePartial(da.cps, db.cps, trace, 'partial_ratio of the differences', da.origin, db.origin);
    return;
  }
  pairsInto(trace, alignment(trace, da.cps, db.cps), da.origin, db.origin);
  trace.steps.push(
    intersection.length
      ? `max of ratio(shared+diffs) and the two shared-vs-shared+diff ratios -> ${fmt(score)}`
      : `ratio of the differences -> ${fmt(score)}`,
  );
}

function traceScorer(name: FuzzyScorerName, a: Int32Array, b: Int32Array, s1: string, s2: string, trace: Trace): void {
  const score = FUZZY_SCORERS[name](s1, s2);
  switch (name) {
    case 'ratio':
      traceRatio(a, b, trace);
      return;
    case 'QRatio':
      if (!a.length || !b.length) trace.steps.push('QRatio: an empty string -> 0');
      else traceRatio(a, b, trace, 'QRatio');
      return;
    case 'partial_ratio':
      tracePartial(a, b, trace);
      return;
    case 'token_sort_ratio':
      traceTokenSort(a, b, trace, false);
      return;
    case 'partial_token_sort_ratio':
      traceTokenSort(a, b, trace, true);
      return;
    case 'token_set_ratio':
      traceTokenSet(a, b, trace, score, false);
      return;
    case 'partial_token_set_ratio':
      traceTokenSet(a, b, trace, score, true);
      return;
    case 'token_ratio': {
      const set = FUZZY_SCORERS.token_set_ratio(s1, s2);
      const sort = FUZZY_SCORERS.token_sort_ratio(s1, s2);
      trace.steps.push(`token_set_ratio ${fmt(set)}, token_sort_ratio ${fmt(sort)}: the larger wins`);
      traceScorer(set >= sort ? 'token_set_ratio' : 'token_sort_ratio', a, b, s1, s2, trace);
      return;
    }
    case 'partial_token_ratio': {
      const set = FUZZY_SCORERS.partial_token_set_ratio(s1, s2);
      const sort = FUZZY_SCORERS.partial_token_sort_ratio(s1, s2);
      trace.steps.push(`partial_token_set_ratio ${fmt(set)}, partial_token_sort_ratio ${fmt(sort)}: the larger wins`);
      traceScorer(set >= sort ? 'partial_token_set_ratio' : 'partial_token_sort_ratio', a, b, s1, s2, trace);
      return;
    }
    case 'WRatio': {
      if (!a.length || !b.length) {
        trace.steps.push('WRatio: an empty string -> 0');
        return;
      }
      const w = wratioTrace(s1, s2);
      // Sub-scores shown without WRatio's internal cut-offs (which report a hopeless candidate as 0).
      const f = FUZZY_SCORERS;
      trace.steps.push(`length ratio ${fmt(w.lenRatio)} (longer/shorter, in code points); ratio ${fmt(w.ratio)}`);
      if (w.partialScale === undefined) {
        const tr = f.token_ratio(s1, s2);
        trace.steps.push(`length ratio < 1.5: candidates ratio ${fmt(w.ratio)} and 0.95 * token_ratio ${fmt(tr)} = ${fmt(0.95 * tr)}`);
      } else {
        const ps = w.partialScale;
        const pr = f.partial_ratio(s1, s2);
        const ptr = f.partial_token_ratio(s1, s2);
        trace.steps.push(
          `length ratio >= 1.5: partial scale ${ps} (0.9 up to 8x, else 0.6); candidates ratio ${fmt(w.ratio)}, ` +
            `${ps} * partial_ratio ${fmt(pr)} = ${fmt(ps * pr)}, 0.95 * ${ps} * partial_token_ratio ${fmt(ptr)} = ${fmt(0.95 * ps * ptr)}`,
        );
      }
      trace.steps.push(`winner: ${w.winner} -> WRatio ${fmt(w.score)}`);
      traceScorer(w.winner, a, b, s1, s2, trace);
      return;
    }
  }
}

/** Sorted distinct indices -> merged [start, end) ranges. */
function toRanges(indices: number[]): Range[] {
  const sorted = Array.from(new Set(indices)).sort((x, y) => x - y);
  const out: Range[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

function toUtf16(ranges: Range[], offsets: Int32Array): Range[] {
  return ranges.map(([s, e]) => [offsets[s] as number, offsets[e] as number]);
}

/**
 * Explain one fuzzy score: the score (identical to calling the scorer), the processed strings, the matched
 * characters of one optimal alignment, the partial window and human-readable steps.
 */
export function explainFuzzy(s1: string, s2: string, scorer: FuzzyScorerName, opts?: FuzzyOptions): FuzzyExplanation {
  const processor = opts?.processor === true;
  const raw1 = toCodePoints(s1);
  const raw2 = toCodePoints(s2);
  const p1 = processor ? defaultProcessCodePoints(raw1) : { cps: raw1, lead: 0 };
  const p2 = processor ? defaultProcessCodePoints(raw2) : { cps: raw2, lead: 0 };
  const ps1 = processor ? fromCodePoints(p1.cps) : s1;
  const ps2 = processor ? fromCodePoints(p2.cps) : s2;
  const score = FUZZY_SCORERS[scorer](s1, s2, opts);
  const trace: Trace = { a: [], b: [], steps: [] };
  if (processor) trace.steps.push(`default_process: ${JSON.stringify(ps1)} vs ${JSON.stringify(ps2)}`);
  traceScorer(scorer, p1.cps, p2.cps, ps1, ps2, trace);
  const cutoff = opts?.scoreCutoff ?? 0;
  if (cutoff > 0) trace.steps.push(`score_cutoff ${fmt(cutoff)}: scores below it are reported as 0 -> ${fmt(score)}`);

  const rangesA = toRanges(trace.a.map((i) => i + p1.lead));
  const rangesB = toRanges(trace.b.map((i) => i + p2.lead));
  const off1 = cpToUtf16Offsets(s1);
  const off2 = cpToUtf16Offsets(s2);
  const out: FuzzyExplanation = {
    kind: 'fuzzy',
    scorer,
    score,
    processor,
    processedInput: ps1,
    processedReference: ps2,
    matchedInput: toUtf16(rangesA, off1),
    matchedReference: toUtf16(rangesB, off2),
    matchedInputCp: rangesA,
    matchedReferenceCp: rangesB,
    steps: trace.steps,
  };
  if (trace.window) {
    const inInput = trace.window.in === 'input';
    const lead = inInput ? p1.lead : p2.lead;
    const off = inInput ? off1 : off2;
    const startCp = trace.window.startCp + lead;
    const endCp = trace.window.endCp + lead;
    out.window = { in: trace.window.in, start: off[startCp] as number, end: off[endCp] as number, startCp, endCp };
  }
  return out;
}
