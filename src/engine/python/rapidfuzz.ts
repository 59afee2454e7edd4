/**
 * The rapidfuzz provider: writes the Python package (rapidfuzz-py.ts) into the interpreter and registers the
 * `_gp_rapidfuzz_js` module it calls, backed by the engine's fuzzy metrics (metrics/fuzzy.ts) and distance
 * modules (metrics/rf-metrics.ts, rf-distance.ts). Every length and distance counts code points, as Python does.
 */
import { distance as levenshteinUtf16 } from 'fastest-levenshtein';
import type { PyodideAPI } from 'pyodide';
import { FUZZY_SCORERS, default_process, indelDistance, partial_ratio_alignment, type FuzzyScorerName } from '../metrics/fuzzy.ts';
import { hammingEditops, lcsEditops, levenshteinEditops, type EditOp } from '../metrics/rf-distance.ts';
import { rfMetric, type RfFunction, type RfMetricName } from '../metrics/rf-metrics.ts';
import { cpLength, toCodePoints } from '../metrics/tokenize.ts';
import { PROVIDED_DIR, type PythonModuleProvider } from './packages.ts';
import { RAPIDFUZZ_FILES } from './rapidfuzz-py.ts';

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * fastest-levenshtein counts UTF-16 units. Only equality of symbols matters to an edit distance, so strings
 * with astral characters are first rewritten with one BMP unit per distinct code point.
 */
export function levenshteinCodePoints(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return levenshteinUtf16(a, b);
  const table = new Map<number, string>();
  const map = (s: string) => {
    let out = '';
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      let c = table.get(cp);
      if (c === undefined) {
        let unit = 0x100 + table.size;
        if (unit >= 0xd800) unit += 0x800;
        c = String.fromCharCode(unit);
        table.set(cp, c);
      }
      out += c;
    }
    return out;
  };
  return levenshteinUtf16(map(a), map(b));
}

/** Levenshtein with costs per operation (rapidfuzz's `weights=(insertion, deletion, substitution)`), on code points. */
export function weightedLevenshtein(a: string, b: string, ins: number, del: number, sub: number): number {
  if (ins === 1 && del === 1 && sub === 1) return levenshteinCodePoints(a, b);
  const s1 = toCodePoints(a);
  const s2 = toCodePoints(b);
  if (ins === 1 && del === 1 && sub >= 2) return indelDistance(s1, s2);
  // Row over s1, as rapidfuzz's generic version: cache[i] = cost of turning s1[:i] into the s2 prefix so far.
  const cache = new Float64Array(s1.length + 1);
  for (let i = 0; i <= s1.length; i++) cache[i] = i * del;
  for (const ch2 of s2) {
    let diag = cache[0]!;
    cache[0] = diag + ins;
    for (let i = 0; i < s1.length; i++) {
      const up = cache[i + 1]!;
      cache[i + 1] = s1[i] === ch2 ? diag : Math.min(cache[i]! + del, up + ins, diag + sub);
      diag = up;
    }
  }
  return cache[s1.length]!;
}

function processed(s: string, processor: boolean): string {
  return processor ? default_process(s) : s;
}

/** What the Python side calls; arguments arrive converted from Python (str -> string, bool -> boolean). */
export const rapidfuzzBridge = {
  score(name: string, a: string, b: string, processor: boolean, cutoff: number): number {
    const scorer = FUZZY_SCORERS[name as FuzzyScorerName];
    if (!scorer) throw new Error(`unknown rapidfuzz scorer ${name}`);
    return scorer(a, b, { processor, scoreCutoff: cutoff });
  },
  partial_ratio_alignment(a: string, b: string, processor: boolean, cutoff: number): number[] {
    const r = partial_ratio_alignment(a, b, { processor, scoreCutoff: cutoff });
    return [r.score, r.src_start, r.src_end, r.dest_start, r.dest_end];
  },
  default_process(s: string): string {
    return default_process(s);
  },
  levenshtein(a: string, b: string, processor: boolean, ins: number, del: number, sub: number): number {
    return weightedLevenshtein(processed(a, processor), processed(b, processor), ins, del, sub);
  },
  indel(a: string, b: string, processor: boolean): number {
    return indelDistance(toCodePoints(processed(a, processor)), toCodePoints(processed(b, processor)));
  },
  lengths(a: string, b: string, processor: boolean): number[] {
    return [cpLength(processed(a, processor)), cpLength(processed(b, processor))];
  },
  /** One function of a distance module (rf-metrics.ts); Python checks the arguments and picks int or float. */
  rf_metric(
    name: string,
    fn: string,
    a: string,
    b: string,
    processor: boolean,
    cutoff: number | undefined,
    ins: number,
    del: number,
    sub: number,
    pad: boolean,
    prefixWeight: number,
  ): number {
    const s1 = toCodePoints(processed(a, processor));
    const s2 = toCodePoints(processed(b, processor));
    return rfMetric(name as RfMetricName, fn as RfFunction, s1, s2, {
      ...(cutoff === undefined || cutoff === null ? {} : { scoreCutoff: cutoff }),
      weights: [ins, del, sub],
      pad,
      prefixWeight,
    });
  },
  /** [[tag, src_pos, dest_pos], ...], src_len, dest_len] of Levenshtein/Indel/LCSseq/Hamming.editops. */
  rf_editops(name: string, a: string, b: string, processor: boolean): [EditOp[], number, number] {
    const s1 = toCodePoints(processed(a, processor));
    const s2 = toCodePoints(processed(b, processor));
    const fn = name === 'Levenshtein' ? levenshteinEditops : name === 'Hamming' ? hammingEditops : lcsEditops;
    return [fn(s1, s2), s1.length, s2.length];
  },
};

/**
 * Sources that call process.cdist or cpdist (`process.cdist(...)`, or the names imported from rapidfuzz.process)
 * get numpy loaded: rapidfuzz returns numpy arrays from them.
 */
const NEEDS_NUMPY = /\bprocess\s*\.\s*c(?:p)?dist\b|\bimport\b[^\n]*\bc(?:p)?dist\b/;

export const rapidfuzzProvider: PythonModuleProvider = {
  imports: ['rapidfuzz'],
  partialNote:
    "The playground's rapidfuzz provides rapidfuzz 3.x's public API (fuzz, utils, process, and every distance " +
    'module with editops and opcodes), computed by its own TypeScript metrics; this internal module of ' +
    "rapidfuzz (e.g. a _cpp or _py implementation module) is not there, although it would import on OpenAI's image.",
  needs: (source) => (NEEDS_NUMPY.test(source) ? ['numpy'] : []),
  install(pyodide: unknown) {
    const py = pyodide as PyodideAPI;
    py.registerJsModule('_gp_rapidfuzz_js', rapidfuzzBridge);
    for (const [path, text] of Object.entries(RAPIDFUZZ_FILES)) {
      const file = `${PROVIDED_DIR}/${path}`;
      py.FS.mkdirTree(file.slice(0, file.lastIndexOf('/')));
      py.FS.writeFile(file, text);
    }
    py.runPython('import importlib\nimportlib.invalidate_caches()');
  },
};
