/**
 * The `nltk` (nltk.translate's bleu_score, gleu_score, meteor_score) and `rouge_score` provider: writes the
 * Python modules (nltk-py.ts) and registers `_gp_metrics_js`, backed by the engine's metric modules, so python
 * graders and exported reward files that import them score exactly as text_similarity does, offline. METEOR
 * needs WordNet: the host says how to load data files (`setMetricsData`), and `prepareRun` loads it before a
 * source that mentions meteor runs (Python calls JS synchronously and cannot wait).
 */
import type { PyodideAPI } from 'pyodide';
import { sentenceBleu } from '../metrics/bleu.ts';
import { sentenceGleu } from '../metrics/gleu.ts';
import { meteorScore } from '../metrics/meteor.ts';
import { porterStem } from '../metrics/porter.ts';
import { rougeL, rougeN } from '../metrics/rouge.ts';
import { loadWordNet, type WordNet } from '../metrics/wordnet.ts';
import type { DataRuntime } from '../runtime.ts';
import { NLTK_FILES } from './nltk-py.ts';
import { PROVIDED_DIR, type PythonModuleProvider } from './packages.ts';

let dataRuntime: DataRuntime | undefined;
let wordnet: WordNet | null = null;

/** How this host loads the app's data files (WordNet for METEOR). */
export function setMetricsData(data: DataRuntime): void {
  dataRuntime = data;
}

const tokens = (json: string): string[][] => JSON.parse(json) as string[][];

export const metricsBridge = {
  /** [score, true when NLTK returns the int 0 (no unigram matches)]. */
  bleu(refsJson: string, hypJson: string, weightsJson: string): [number, boolean] {
    const r = sentenceBleu(tokens(refsJson), JSON.parse(hypJson) as string[], JSON.parse(weightsJson) as number[]);
    return [r.score, r.details.zeroReason !== null];
  },
  gleu(refsJson: string, hypJson: string, minLen: number, maxLen: number): number {
    return sentenceGleu(tokens(refsJson), JSON.parse(hypJson) as string[], minLen, maxLen).score;
  },
  meteor(refsJson: string, hypJson: string, alpha: number, beta: number, gamma: number): number {
    if (!wordnet) throw new Error('METEOR needs WordNet, which this host did not load');
    const hyp = JSON.parse(hypJson) as string[];
    let best = -Infinity;
    for (const ref of tokens(refsJson)) best = Math.max(best, meteorScore(ref, hyp, wordnet, { alpha, beta, gamma }).score);
    if (best === -Infinity) throw new Error('max() arg is an empty sequence');
    return best;
  },
  /** [precision, recall, fmeasure]; n = 0 is rougeL. */
  rouge(target: string, prediction: string, n: number, stem: boolean): [number, number, number] {
    const stemmer = stem ? (t: string) => porterStem(t) : null;
    const r = n === 0 ? rougeL(target, prediction, { stemmer }) : rougeN(target, prediction, n, { stemmer });
    return [r.details.precision, r.details.recall, r.score];
  },
};

export const nltkProvider: PythonModuleProvider = {
  imports: ['nltk', 'rouge_score'],
  partialNote:
    "The playground's nltk provides nltk.translate's bleu_score, gleu_score and meteor_score, and its rouge_score " +
    'provides rouge_scorer.RougeScorer, all computed by the same code as text_similarity; this part of the library is not there.',
  install(pyodide: unknown) {
    const py = pyodide as PyodideAPI;
    py.registerJsModule('_gp_metrics_js', metricsBridge);
    for (const [path, text] of Object.entries(NLTK_FILES)) {
      const file = `${PROVIDED_DIR}/${path}`;
      py.FS.mkdirTree(file.slice(0, file.lastIndexOf('/')));
      py.FS.writeFile(file, text);
    }
    py.runPython('import importlib\nimportlib.invalidate_caches()');
  },
  async prepareRun(_pyodide, request) {
    if (wordnet || !/meteor/.test(request.source) || !dataRuntime) return;
    try {
      wordnet = await loadWordNet({ data: dataRuntime });
    } catch {
      // The Python call then raises, saying WordNet is missing.
    }
  },
};
