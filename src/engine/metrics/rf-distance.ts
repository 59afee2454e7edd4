/**
 * rapidfuzz 3.x's `distance` metrics on code-point sequences (any ArrayLike<number>: the Python shim maps other
 * sequences onto numbers that are equal where their elements are equal): raw distances and similarities for
 * Levenshtein (with weights), Hamming, OSA, Damerau-Levenshtein, Prefix, Postfix, and Jaro / Jaro-Winkler with
 * rapidfuzz's float formulas term by term, plus the edit operations (editops) rapidfuzz reports. Indel and LCSseq
 * use lcs.ts. Cut-off semantics and normalisation live in rf-metrics.ts.
 */
import { distance as levenshteinUnits } from 'fastest-levenshtein';
import { lcsLength, type CodePoints } from './lcs.ts';

export type Seq = CodePoints;

/** Levenshtein distance with (insertion, deletion, substitution) costs, rapidfuzz's generic row over s1. */
export function levenshtein(s1: Seq, s2: Seq, ins = 1, del = 1, sub = 1): number {
  if (ins === 1 && del === 1 && sub === 2) return s1.length + s2.length - 2 * lcsLength(s1, s2);
  if (ins === 1 && del === 1 && sub === 1) return uniformLevenshtein(s1, s2);
  const len1 = s1.length;
  const cache = new Float64Array(len1 + 1);
  for (let i = 0; i <= len1; i++) cache[i] = i * del;
  for (let j = 0; j < s2.length; j++) {
    const ch2 = s2[j];
    let temp = cache[0]!;
    cache[0] = temp + ins;
    for (let i = 0; i < len1; i++) {
      let x = temp;
      if (s1[i] !== ch2) {
        x = cache[i]! + del;
        const up = cache[i + 1]! + ins;
        if (up < x) x = up;
        const diag = temp + sub;
        if (diag < x) x = diag;
      }
      temp = cache[i + 1]!;
      cache[i + 1] = x;
    }
  }
  return cache[len1]!;
}

/**
 * Uniform Levenshtein by fastest-levenshtein (Myers' bit-parallel algorithm on UTF-16 units): each distinct
 * symbol becomes one BMP unit (surrogates skipped), since only equality of symbols matters.
 */
function uniformLevenshtein(s1: Seq, s2: Seq): number {
  const table = new Map<number, string>();
  const text = (s: Seq) => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      let c = table.get(s[i]!);
      if (c === undefined) {
        let unit = table.size;
        if (unit >= 0xd800) unit += 0x800;
        c = String.fromCharCode(unit);
        table.set(s[i]!, c);
      }
      out += c;
    }
    return out;
  };
  return levenshteinUnits(text(s1), text(s2));
}

/** The largest Levenshtein distance two sequences of these lengths can have with these weights. */
export function levenshteinMaximum(len1: number, len2: number, ins = 1, del = 1, sub = 1): number {
  const top = len1 * del + len2 * ins;
  if (len1 >= len2) return Math.min(top, len2 * sub + (len1 - len2) * del);
  return Math.min(top, len1 * sub + (len2 - len1) * ins);
}

export class HammingLengthError extends Error {
  constructor() {
    super('Sequences are not the same length.');
  }
}

/** Hamming distance; with `pad` the shorter sequence counts as padded, else unequal lengths throw. */
export function hamming(s1: Seq, s2: Seq, pad = true): number {
  if (!pad && s1.length !== s2.length) throw new HammingLengthError();
  const min = Math.min(s1.length, s2.length);
  let dist = Math.max(s1.length, s2.length);
  for (let i = 0; i < min; i++) if (s1[i] === s2[i]) dist--;
  return dist;
}

/** Optimal string alignment distance (adjacent transpositions, no substring edited twice). */
export function osa(s1: Seq, s2: Seq): number {
  const n = s1.length;
  const m = s2.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const a = s1[i - 1]!;
    const aBefore = i > 1 ? s1[i - 2]! : -1;
    let left = i;
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const b = s2[j - 1]!;
      let v = prev[j - 1]! + (a === b ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      if (left + 1 < v) v = left + 1;
      if (j > 1 && aBefore === b && a === s2[j - 2]) {
        const t = prev2[j - 2]! + 1;
        if (t < v) v = t;
      }
      cur[j] = v;
      left = v;
    }
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m]!;
}

/** Unrestricted Damerau-Levenshtein distance (Zhao et al., as rapidfuzz computes it). */
export function damerauLevenshtein(s1: Seq, s2: Seq): number {
  const len2 = s2.length;
  const maxVal = Math.max(s1.length, len2) + 1;
  const lastRowId = new Map<number, number>();
  const size = len2 + 2;
  const FR = new Array<number>(size).fill(maxVal);
  let R1 = new Array<number>(size).fill(maxVal);
  let R = Array.from({ length: size }, (_, i) => i);
  R[size - 1] = maxVal;
  for (let i = 1; i <= s1.length; i++) {
    [R, R1] = [R1, R];
    let lastColId = -1;
    let lastI2l1 = R[0]!;
    R[0] = i;
    let T = maxVal;
    for (let j = 1; j <= len2; j++) {
      const a = s1[i - 1]!;
      const b = s2[j - 1]!;
      let temp = Math.min(R1[j - 1]! + (a !== b ? 1 : 0), R[j - 1]! + 1, R1[j]! + 1);
      if (a === b) {
        lastColId = j;
        FR[j] = j >= 2 ? R1[j - 2]! : R1[size + j - 2]!;
        T = lastI2l1;
      } else {
        const k = lastRowId.get(b) ?? -1;
        const l = lastColId;
        if (j - l === 1) temp = Math.min(temp, FR[j]! + (i - k));
        else if (i - k === 1) temp = Math.min(temp, T + (j - l));
      }
      lastI2l1 = R[j]!;
      R[j] = temp;
    }
    lastRowId.set(s1[i - 1]!, i);
  }
  return R[len2]!;
}

export function prefixLength(s1: Seq, s2: Seq): number {
  const min = Math.min(s1.length, s2.length);
  let i = 0;
  while (i < min && s1[i] === s2[i]) i++;
  return i;
}

export function postfixLength(s1: Seq, s2: Seq): number {
  const min = Math.min(s1.length, s2.length);
  let i = 0;
  while (i < min && s1[s1.length - 1 - i] === s2[s2.length - 1 - i]) i++;
  return i;
}

/* ------------------------------------------------------------------ Jaro */

function jaroFormula(p: number, t: number, common: number, transpositions: number): number {
  const trans = Math.floor(transpositions / 2);
  let sim = 0.0;
  sim += common / p;
  sim += common / t;
  sim += (common - trans) / common;
  return sim / 3.0;
}

/** Jaro similarity (0..1), returning 0 below `cutoff` as rapidfuzz does. */
export function jaro(s1: Seq, s2: Seq, cutoff = 0): number {
  const pLen = s1.length;
  const tLen = s2.length;
  if (cutoff > 1.0) return 0;
  if (!pLen && !tLen) return 1.0;
  if (!pLen || !tLen || jaroFormula(pLen, tLen, Math.min(pLen, tLen), 0) < cutoff) return 0;
  if (pLen === 1 && tLen === 1) return s1[0] === s2[0] ? 1.0 : 0.0;
  const bound = Math.floor(Math.max(pLen, tLen) / 2) - 1;
  const p = Math.min(pLen, tLen + bound);
  const t = Math.min(tLen, pLen + bound);
  const f1 = new Uint8Array(pLen);
  const f2 = new Uint8Array(tLen);
  let common = 0;
  for (let i = 0; i < p; i++) {
    const lo = Math.max(0, i - bound);
    const hi = Math.min(i + bound, t - 1);
    for (let j = lo; j <= hi; j++) {
      if (!f2[j] && s2[j] === s1[i]) {
        f1[i] = f2[j] = 1;
        common++;
        break;
      }
    }
  }
  if (!common || jaroFormula(pLen, tLen, common, 0) < cutoff) return 0;
  let k = 0;
  let trans = 0;
  for (let i = 0; i < p; i++) {
    if (!f1[i]) continue;
    let j = k;
    while (!f2[j]) j++;
    k = j + 1;
    if (s1[i] !== s2[j]) trans++;
  }
  const sim = jaroFormula(pLen, tLen, common, trans);
  return sim >= cutoff ? sim : 0;
}

export class PrefixWeightError extends Error {
  constructor() {
    super('prefix_weight has to be in the range 0.0 - 1.0');
  }
}

/** Jaro-Winkler similarity with rapidfuzz's prefix bonus (at most 4 code points) and cut-off plumbing. */
export function jaroWinkler(s1: Seq, s2: Seq, prefixWeight = 0.1, cutoff = 0): number {
  if (prefixWeight > 1.0 || prefixWeight < 0.0) throw new PrefixWeightError();
  const maxPrefix = Math.min(s1.length, s2.length, 4);
  let prefix = 0;
  while (prefix < maxPrefix && s1[prefix] === s2[prefix]) prefix++;
  let jaroCutoff = cutoff;
  if (jaroCutoff > 0.7) {
    const prefixSim = prefix * prefixWeight;
    jaroCutoff = prefixSim >= 1.0 ? 0.7 : Math.max(0.7, (prefixSim - jaroCutoff) / (prefixSim - 1.0));
  }
  let sim = jaro(s1, s2, jaroCutoff);
  if (sim > 0.7) {
    sim += prefix * prefixWeight * (1.0 - sim);
    sim = Math.min(sim, 1.0);
  }
  return sim >= cutoff ? sim : 0;
}

/* ------------------------------------------------------------------ edit operations */

export type EditTag = 'insert' | 'delete' | 'replace';
/** [tag, src_pos, dest_pos], as rapidfuzz's Editop. */
export type EditOp = [EditTag, number, number];

function affix(s1: Seq, s2: Seq): [number, number] {
  const prefix = prefixLength(s1, s2);
  let suffix = 0;
  while (
    suffix < Math.min(s1.length, s2.length) - prefix &&
    s1[s1.length - 1 - suffix] === s2[s2.length - 1 - suffix]
  ) {
    suffix++;
  }
  return [prefix, suffix];
}

function slice(s: Seq, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(s[i]!);
  return out;
}

/**
 * The edit script rapidfuzz's Levenshtein.editops (uniform weights) reports: common affixes stripped, then the
 * matrix walked back from the end preferring delete, then insert, then replace/match, exactly as rapidfuzz's
 * bit-parallel backtrace does (its VP/VN bits are the vertical +1/-1 steps of the DP matrix).
 */
export function levenshteinEditops(a: Seq, b: Seq): EditOp[] {
  const [pre, suf] = affix(a, b);
  const s1 = slice(a, pre, a.length - suf);
  const s2 = slice(b, pre, b.length - suf);
  const n = s1.length;
  const m = s2.length;
  const w = n + 1;
  // D[j * w + i] = distance(s1[:i], s2[:j])
  const D = new Int32Array(w * (m + 1));
  for (let i = 0; i <= n; i++) D[i] = i;
  for (let j = 1; j <= m; j++) {
    const row = j * w;
    const b = s2[j - 1]!;
    D[row] = j;
    let left = j;
    for (let i = 1; i <= n; i++) {
      let v = D[row - w + i - 1]! + (s1[i - 1] === b ? 0 : 1);
      const up = D[row - w + i]! + 1;
      if (up < v) v = up;
      if (left + 1 < v) v = left + 1;
      D[row + i] = v;
      left = v;
    }
  }
  let dist = D[m * w + n]!;
  const ops: EditOp[] = new Array<EditOp>(dist);
  let col = n;
  let row = m;
  const vp = (r: number, c: number) => D[r * w + c]! - D[r * w + c - 1]! === 1;
  const vn = (r: number, c: number) => D[r * w + c]! - D[r * w + c - 1]! === -1;
  while (row !== 0 && col !== 0) {
    if (vp(row, col)) {
      dist--;
      col--;
      ops[dist] = ['delete', col + pre, row + pre];
    } else {
      row--;
      if (row && vn(row, col)) {
        dist--;
        ops[dist] = ['insert', col + pre, row + pre];
      } else {
        col--;
        if (s1[col] !== s2[row]) {
          dist--;
          ops[dist] = ['replace', col + pre, row + pre];
        }
      }
    }
  }
  while (col !== 0) {
    dist--;
    col--;
    ops[dist] = ['delete', col + pre, row + pre];
  }
  while (row !== 0) {
    dist--;
    row--;
    ops[dist] = ['insert', col + pre, row + pre];
  }
  return ops;
}

/** The insert/delete script of Indel.editops and LCSseq.editops (rapidfuzz's LCS backtrace). */
export function lcsEditops(a: Seq, b: Seq): EditOp[] {
  const [pre, suf] = affix(a, b);
  const s1 = slice(a, pre, a.length - suf);
  const s2 = slice(b, pre, b.length - suf);
  const n = s1.length;
  const m = s2.length;
  const w = n + 1;
  // L[j * w + i] = LCS(s1[:i], s2[:j])
  const L = new Int32Array(w * (m + 1));
  for (let j = 1; j <= m; j++) {
    const row = j * w;
    const b = s2[j - 1]!;
    for (let i = 1; i <= n; i++) {
      if (s1[i - 1] === b) L[row + i] = L[row - w + i - 1]! + 1;
      else {
        const up = L[row - w + i]!;
        const left = L[row + i - 1]!;
        L[row + i] = up > left ? up : left;
      }
    }
  }
  let dist = n + m - 2 * L[m * w + n]!;
  const ops: EditOp[] = new Array<EditOp>(dist);
  // rapidfuzz's S bit (col-1) after row r is set when LCS does not grow with s1[col-1] (no match counted there).
  const bit = (r: number, c: number) => L[r * w + c] === L[r * w + c - 1];
  let col = n;
  let row = m;
  while (row !== 0 && col !== 0) {
    if (bit(row, col)) {
      dist--;
      col--;
      ops[dist] = ['delete', col + pre, row + pre];
    } else {
      row--;
      if (row && !bit(row, col)) {
        dist--;
        ops[dist] = ['insert', col + pre, row + pre];
      } else {
        col--;
      }
    }
  }
  while (col !== 0) {
    dist--;
    col--;
    ops[dist] = ['delete', col + pre, row + pre];
  }
  while (row !== 0) {
    dist--;
    row--;
    ops[dist] = ['insert', col + pre, row + pre];
  }
  return ops;
}

export function hammingEditops(s1: Seq, s2: Seq, pad = true): EditOp[] {
  if (!pad && s1.length !== s2.length) throw new HammingLengthError();
  const ops: EditOp[] = [];
  const min = Math.min(s1.length, s2.length);
  for (let i = 0; i < min; i++) if (s1[i] !== s2[i]) ops.push(['replace', i, i]);
  for (let i = min; i < s1.length; i++) ops.push(['delete', i, s2.length]);
  for (let i = min; i < s2.length; i++) ops.push(['insert', s1.length, i]);
  return ops;
}
