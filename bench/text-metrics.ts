/**
 * Times the text_similarity metrics on the shared workload (bench/pairs.ts: 10,000 pairs of ~200 characters):
 * BLEU, GLEU, ROUGE-1, ROUGE-2, ROUGE-L (also with stemming), METEOR and fuzzy_match, each called the way the
 * text_similarity grader calls it (raw strings in, score and explanation details out). When Debian's
 * NLTK is importable (Debian's python3-nltk, or any python named by NLTK_PYTHON, e.g. a venv with `pip install
 * nltk`), times NLTK's sentence_bleu / sentence_gleu (and meteor_score with `--py-metrics bleu,gleu,meteor`, when
 * the WordNet reader of scripts/gen-nltk-fixtures.py works) on the same pairs in the same run, interleaved: each
 * round times every metric of ours, then one python process times NLTK's; medians of the rounds are compared,
 * and every score is checked. rouge-score's own code is timed the same way when ROUGE_SCORE_DIR names a folder
 * holding it (see ROUGE_DIR below); otherwise the ROUGE rows print "not measured": no figure is quoted in their
 * place. The machine's load (os.loadavg) is printed before and after.
 * Usage: NLTK_PYTHON=/path/python [ROUGE_SCORE_DIR=/path] npx tsx bench/text-metrics.ts [--pairs N] [--runs R] [--length CHARS]
 *        [--py-metrics bleu,gleu[,meteor]] [--metrics bleu,gleu,rouge_1,...] [--no-python]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bleu } from '../src/engine/metrics/bleu.ts';
import { explainFuzzy, FUZZY_SCORERS } from '../src/engine/metrics/fuzzy.ts';
import { gleu } from '../src/engine/metrics/gleu.ts';
import { meteorScore } from '../src/engine/metrics/meteor.ts';
import { porterStem } from '../src/engine/metrics/porter.ts';
import { rougeL, rougeN } from '../src/engine/metrics/rouge.ts';
import { pySplit } from '../src/engine/metrics/tokenize.ts';
import { loadWordNet } from '../src/engine/metrics/wordnet.ts';
import { nodeDataRuntime } from '../src/engine/node-data.ts';
import { runGrader } from '../src/engine/run.ts';
import { makePairs } from './pairs.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const COUNT = arg('--pairs', 10_000);
const RUNS = arg('--runs', 5);
const LENGTH = arg('--length', 200);
const pyIdx = process.argv.indexOf('--py-metrics');
const onlyIdx = process.argv.indexOf('--metrics');
/** `--metrics bleu,gleu,rouge_1,rouge_2`: time only these (ours and the references'); all when absent. */
const ONLY = onlyIdx >= 0 ? new Set(process.argv[onlyIdx + 1]!.split(',')) : null;
const PY_METRICS = (pyIdx >= 0 ? process.argv[pyIdx + 1]! : 'bleu,gleu')
  .split(',')
  .filter((m) => !ONLY || ONLY.has(m))
  .join(',');
const pairs = makePairs({ count: COUNT, length: LENGTH });
/**
 * rouge-score's own code: a folder holding its package as `rouge/` (google-research/google-research's rouge/
 * folder, whose modules import each other as `rouge.*`); it needs nltk, absl-py and six in the python used.
 * rouge-score is not on this machine's package index, so without the folder its rows say "not measured".
 */
const ROUGE_DIR = process.env.ROUGE_SCORE_DIR && existsSync(join(process.env.ROUGE_SCORE_DIR, 'rouge', 'rouge_scorer.py')) ? process.env.ROUGE_SCORE_DIR : '';
const scale = 10_000 / pairs.length;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

type Metric = (candidate: string, reference: string) => number;

interface Timing {
  wall: number;
  cpu: number;
  scores: number[];
}

function warm(f: Metric): void {
  for (let k = 0; k < Math.min(pairs.length, 2000); k++) f(pairs[k]![0], pairs[k]![1]);
}

/** One timed pass over all pairs. */
function time(f: Metric): Timing {
  const scores = new Array<number>(pairs.length);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < pairs.length; k++) scores[k] = f(pairs[k]![0], pairs[k]![1]);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, scores };
}

/** Medians of wall and CPU over rounds (scores from the first). */
function med(ts: Timing[]): Timing {
  return { wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)), scores: ts[0]!.scores };
}

/** The whole grader path (validation, template rendering, explanation, RunResult) for one metric. */
async function timeGrader(metric: string): Promise<Timing> {
  const grader = { type: 'text_similarity', name: 'b', input: '{{sample.output_text}}', reference: '{{item.reference}}', evaluation_metric: metric };
  const one = (k: number) => runGrader(grader, { output_text: pairs[k]![0] }, { reference: pairs[k]![1] });
  for (let k = 0; k < Math.min(pairs.length, 2000); k++) await one(k);
  const all: Timing[] = [];
  for (let r = 0; r < RUNS; r++) {
    const scores = new Array<number>(pairs.length);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < pairs.length; k++) scores[k] = (await one(k)).reward;
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    all.push({ wall, cpu: (c.user + c.system) / 1e6, scores });
  }
  return med(all);
}

async function main(): Promise<void> {
  const wordnet = await loadWordNet({ data: nodeDataRuntime() });
  const stemmer = (t: string) => porterStem(t);
  // Argument order as the grader uses it: reference first, the graded candidate second.
  const metrics: Record<string, Metric> = {
    bleu: (c, r) => bleu(r, c).score,
    gleu: (c, r) => gleu(r, c).score,
    rouge_1: (c, r) => rougeN(r, c, 1).score,
    rouge_2: (c, r) => rougeN(r, c, 2).score,
    rouge_l: (c, r) => rougeL(r, c).score,
    'rouge_1[stemmer]': (c, r) => rougeN(r, c, 1, { stemmer }).score,
    'rouge_l[stemmer]': (c, r) => rougeL(r, c, { stemmer }).score,
    meteor: (c, r) => meteorScore(pySplit(r), pySplit(c), wordnet).score,
    fuzzy_match: (c, r) => FUZZY_SCORERS.WRatio(c, r, { processor: true }) / 100,
    'fuzzy_match+explain': (c, r) => explainFuzzy(c, r, 'WRatio', { processor: true }).score / 100,
  };
  if (ONLY) for (const name of Object.keys(metrics)) if (!ONLY.has(name)) delete metrics[name];
  const loadBefore = load();
  const rounds: Record<string, Timing[]> = {};
  const pyRounds: Record<string, PyTiming[]> = {};
  const dir = mkdtempSync(join(tmpdir(), 'text-metrics-bench-'));
  const pairsFile = join(dir, 'pairs.json');
  writeFileSync(pairsFile, JSON.stringify(pairs));
  const py = process.argv.includes('--no-python') ? undefined : findNltk();
  let pyFailed = false;
  try {
    for (const f of Object.values(metrics)) warm(f);
    for (let r = 0; r < RUNS; r++) {
      for (const [name, f] of Object.entries(metrics)) (rounds[name] ??= []).push(time(f));
      if (py && !pyFailed) {
        const out = runNltk(py, pairsFile);
        if (!out) pyFailed = true;
        else for (const [name, t] of Object.entries(out)) (pyRounds[name] ??= []).push(t);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ours: Record<string, Timing> = {};
  for (const [name, ts] of Object.entries(rounds)) ours[name] = med(ts);
  for (const m of ['bleu', 'rouge_l'] as const) if (!ONLY || ONLY.has(`${m} via runGrader`)) ours[`${m} via runGrader`] = await timeGrader(m);
  const python: Record<string, PyTiming> | null = Object.keys(pyRounds).length ? {} : null;
  for (const [name, ts] of Object.entries(pyRounds)) python![name] = med(ts);

  const meanLen = (side: 0 | 1) => Math.round(pairs.reduce((n, p) => n + p[side].length, 0) / pairs.length);
  const meanTokens = Math.round(pairs.reduce((n, p) => n + p[1].split(' ').length, 0) / pairs.length);
  console.log(
    `text metrics, ${pairs.length} pairs (mean ${meanLen(0)} / ${meanLen(1)} chars, ~${meanTokens} reference tokens), ` +
      `medians of ${RUNS} interleaved rounds, Node ${process.version}; seconds per 10,000 pairs; load before ${loadBefore}, after ${load()}`,
  );
  if (py) console.log(`NLTK: ${py.python} (nltk ${py.version})`);
  console.log(
    'metric                 ours wall   ours CPU  µs/pair | Python wall  Python CPU  (source)             | speed-up wall   CPU  10× (CPU)',
  );
  for (const [name, t] of Object.entries(ours)) {
    const measured = python?.[name];
    const source = measured
      ? name.startsWith('rouge')
        ? 'rouge-score, this run'
        : 'NLTK, this run'
      : name.startsWith('rouge')
        ? 'rouge-score: not measured'
        : 'not measured';
    const wall = t.wall * scale;
    const cpu = t.cpu * scale;
    const num = (x: number | undefined, w: number) => (x === undefined ? '-'.padStart(w) : x.toFixed(3).padStart(w));
    const ratio = (x: number | undefined, w: number) => (x === undefined ? '-'.padStart(w) : `${x.toFixed(1)}×`.padStart(w));
    const sw = measured ? measured.wall / t.wall : undefined;
    const sc = measured ? measured.cpu / t.cpu : undefined;
    console.log(
      `${name.padEnd(22)} ${num(wall, 9)} ${num(cpu, 10)} ${((t.wall / pairs.length) * 1e6).toFixed(1).padStart(8)} | ` +
        `${num(measured ? measured.wall * scale : undefined, 11)} ${num(measured ? measured.cpu * scale : undefined, 11)}  ${source.padEnd(20)} | ` +
        `${ratio(sw, 13)} ${ratio(sc, 5)}  ${sc === undefined ? '' : sc >= 10 ? 'ok' : 'MISSED'}`,
    );
  }
  if (python) {
    for (const [name, p] of Object.entries(python)) {
      const mine = ours[name]!.scores;
      let bad = 0;
      let worst = 0;
      p.scores.forEach((s, k) => {
        const d = Math.abs(s - mine[k]!);
        const rel = s === 0 ? d : d / Math.abs(s);
        worst = Math.max(worst, rel);
        if (rel > 1e-12) bad++;
      });
      console.log(`${name} vs ${name.startsWith('rouge') ? 'rouge-score' : 'NLTK'}: scores differing by more than 1e-12 (relative): ${bad} of ${p.scores.length} (worst ${worst.toExponential(2)})`);
    }
  }
}

interface PyTiming {
  wall: number;
  cpu: number;
  scores: number[];
}

/** A python that imports nltk: $NLTK_PYTHON, else Debian's /usr/bin/python3; undefined (with a note) when none. */
function findNltk(): { python: string; version: string } | undefined {
  for (const python of [process.env.NLTK_PYTHON, '/usr/bin/python3']) {
    if (!python || !existsSync(python)) continue;
    const r = spawnSync(python, ['-c', 'import nltk; print(nltk.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  console.log('NLTK not importable (apt-get install -y python3-nltk, or NLTK_PYTHON=<python with nltk>): Python not measured');
  return undefined;
}

/** One round of NLTK timings on the same pairs (one pass per metric, after a warm-up), or null on failure. */
function runNltk(py: { python: string }, pairsFile: string): Record<string, PyTiming> | null {
  const fixtures = new URL('../scripts/gen-nltk-fixtures.py', import.meta.url).pathname;
  const script = `
import json, sys, time
from nltk.translate.bleu_score import sentence_bleu
from nltk.translate.gleu_score import sentence_gleu
pairs = json.load(open(sys.argv[1]))
wanted = sys.argv[3].split(',')
fns = {
    'bleu': lambda c, r: sentence_bleu([r.split()], c.split()),
    'gleu': lambda c, r: sentence_gleu([r.split()], c.split()),
}
if 'meteor' in wanted:
    try:
        import importlib.util
        spec = importlib.util.spec_from_file_location('gen', sys.argv[2])
        gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
        wn = gen.wordnet_reader(); wn.ensure_loaded()
        from nltk.translate.meteor_score import meteor_score
        fns['meteor'] = lambda c, r: meteor_score([r.split()], c.split(), wordnet=wn)
    except Exception as e:
        print('meteor skipped: %r' % (e,), file=sys.stderr)
rouge_dir = sys.argv[4]
if rouge_dir:
    # rouge-score's own code (google-research rouge/, imported as the package 'rouge') from ROUGE_SCORE_DIR.
    sys.path.insert(0, rouge_dir)
    from rouge import rouge_scorer
    def rouge_fn(kind, stem):
        sc = rouge_scorer.RougeScorer([kind], use_stemmer=stem)
        return lambda c, r: sc.score(r, c)[kind].fmeasure
    for key, kind, stem in [('rouge_1', 'rouge1', False), ('rouge_2', 'rouge2', False), ('rouge_l', 'rougeL', False),
                            ('rouge_1[stemmer]', 'rouge1', True), ('rouge_l[stemmer]', 'rougeL', True)]:
        if sys.argv[5] and key not in sys.argv[5].split(','): continue
        fns[key] = rouge_fn(kind, stem)
        wanted.append(key)
out = {}
for name, f in fns.items():
    if name not in wanted: continue
    for c, r in pairs[:2000]: f(c, r)
    t0, c0 = time.perf_counter(), time.process_time()
    scores = [f(c, r) for c, r in pairs]
    out[name] = {'wall': time.perf_counter() - t0, 'cpu': time.process_time() - c0, 'scores': scores}
print(json.dumps(out))
`;
  const r = spawnSync(py.python, ['-c', script, pairsFile, fixtures, PY_METRICS, ROUGE_DIR, ONLY ? [...ONLY].join(',') : ''], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    console.log(`NLTK timing failed: ${r.stderr.slice(-500)}`);
    return null;
  }
  const skipped = r.stderr.split('\n').find((l) => l.startsWith('meteor skipped'));
  if (skipped) console.log(skipped);
  return JSON.parse(r.stdout) as Record<string, PyTiming>;
}

void main();
