/**
 * Times the text_similarity metrics on the shared workload (bench/pairs.ts: 10,000 pairs of ~200 characters):
 * BLEU, GLEU, ROUGE-1, ROUGE-2, ROUGE-L (also with stemming), METEOR and fuzzy_match, each called the way the
 * text_similarity grader calls it (raw strings in, score and explanation details out). When NLTK is importable
 * by $BENCH_PYTHON (default /usr/bin/python3: Debian's python3-nltk), times NLTK's sentence_bleu / sentence_gleu
 * (and meteor_score when the WordNet reader of scripts/gen-nltk-fixtures.py works) on the same pairs in the same
 * run, and checks every score. rouge-score is timed the same way when importable; it is not installable here, and
 * then its comparison says "not measured" (no figure is quoted in place of a measurement).
 * Wall time is the median of several runs (ours and Python's); CPU time (process CPU of that run) is printed too, because this
 * machine is shared and wall time swings with other load.
 * Usage: npx tsx bench/text-metrics.ts [--pairs N] [--runs R] [--no-python]
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
const pairs = makePairs({ count: COUNT });
const scale = 10_000 / pairs.length;


type Metric = (candidate: string, reference: string) => number;

/** The run with the median wall time (its CPU time alongside). */
function medianRun(all: Timing[]): Timing {
  return [...all].sort((a, b) => a.wall - b.wall)[Math.floor((all.length - 1) / 2)]!;
}

interface Timing {
  wall: number;
  cpu: number;
  scores: number[];
}

function time(f: Metric): Timing {
  for (let k = 0; k < Math.min(pairs.length, 2000); k++) f(pairs[k]![0], pairs[k]![1]); // warm-up
  const all: Timing[] = [];
  for (let r = 0; r < RUNS; r++) {
    const scores = new Array<number>(pairs.length);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < pairs.length; k++) scores[k] = f(pairs[k]![0], pairs[k]![1]);
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    all.push({ wall, cpu: (c.user + c.system) / 1e6, scores });
  }
  return medianRun(all);
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
  return medianRun(all);
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
  const ours: Record<string, Timing> = {};
  for (const [name, f] of Object.entries(metrics)) ours[name] = time(f);
  for (const m of ['bleu', 'rouge_l'] as const) ours[`${m} via runGrader`] = await timeGrader(m);

  const python = process.argv.includes('--no-python') ? null : runNltk();
  const meanLen = (side: 0 | 1) => Math.round(pairs.reduce((n, p) => n + p[side].length, 0) / pairs.length);
  console.log(
    `text metrics, ${pairs.length} pairs (mean ${meanLen(0)} / ${meanLen(1)} chars), median of ${RUNS} runs, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}; seconds per 10,000 pairs`,
  );
  console.log(
    'metric                 ours wall   ours CPU  µs/pair | Python wall  Python CPU  (source)             | speed-up wall   CPU  10× (CPU)',
  );
  for (const [name, t] of Object.entries(ours)) {
    const measured = python?.[name];
    const refWall = measured?.wall;
    const refCpu = measured?.cpu;
    const reference = name.startsWith('rouge') ? 'rouge-score' : name.includes('fuzzy') || name.includes('via') ? '' : 'NLTK';
    const source = measured ? `${reference}, this run` : reference ? `${reference}: not measured` : '';
    const wall = t.wall * scale;
    const cpu = t.cpu * scale;
    const num = (x: number | undefined, w: number) => (x === undefined ? '-'.padStart(w) : x.toFixed(3).padStart(w));
    const ratio = (x: number | undefined, w: number) => (x === undefined ? '-'.padStart(w) : `${x.toFixed(1)}×`.padStart(w));
    const sw = refWall !== undefined ? refWall / wall : undefined;
    const sc = refCpu !== undefined ? refCpu / cpu : undefined;
    console.log(
      `${name.padEnd(22)} ${num(wall, 9)} ${num(cpu, 10)} ${((t.wall / pairs.length) * 1e6).toFixed(1).padStart(8)} | ` +
        `${num(measured ? measured.wall * scale : refWall, 11)} ${num(measured ? measured.cpu * scale : refCpu, 11)}  ${source.padEnd(20)} | ` +
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
      console.log(`${name} vs NLTK: scores differing by more than 1e-12 (relative): ${bad} of ${p.scores.length} (worst ${worst.toExponential(2)})`);
    }
  }
}

interface PyTiming {
  wall: number;
  cpu: number;
  scores: number[];
}

/** NLTK timings on the same pairs, or null when python3-nltk is missing. */
function runNltk(): Record<string, PyTiming> | null {
  const py = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  if (!existsSync(py) || spawnSync(py, ['-c', 'import nltk'], { encoding: 'utf8' }).status !== 0) {
    console.log(`NLTK not importable by ${py} (apt-get install -y python3-nltk, or set BENCH_PYTHON): Python figures not measured`);
    return null;
  }
  const fixtures = new URL('../scripts/gen-nltk-fixtures.py', import.meta.url).pathname;
  const script = `
import json, sys, time, warnings
from nltk.translate.bleu_score import sentence_bleu
from nltk.translate.gleu_score import sentence_gleu
pairs = json.load(open(sys.argv[1]))
runs = int(sys.argv[2])
fns = {
    'bleu': lambda c, r: sentence_bleu([r.split()], c.split()),
    'gleu': lambda c, r: sentence_gleu([r.split()], c.split()),
}
try:
    import importlib.util
    spec = importlib.util.spec_from_file_location('gen', sys.argv[3])
    gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
    wn = gen.wordnet_reader(); wn.ensure_loaded()
    from nltk.translate.meteor_score import meteor_score
    fns['meteor'] = lambda c, r: meteor_score([r.split()], c.split(), wordnet=wn)
except Exception as e:
    print('meteor skipped: %r' % (e,), file=sys.stderr)
try:
    from rouge_score import rouge_scorer
    for key, name in (('rouge1', 'rouge_1'), ('rouge2', 'rouge_2'), ('rougeL', 'rouge_l')):
        sc = rouge_scorer.RougeScorer([key])
        fns[name] = (lambda sc, key: lambda c, r: sc.score(r, c)[key].fmeasure)(sc, key)
except Exception as e:
    print('rouge-score not importable: %r' % (e,), file=sys.stderr)
out = {}
for name, f in fns.items():
    for c, r in pairs[:2000]: f(c, r)
    all = []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        scores = [f(c, r) for c, r in pairs]
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        all.append({'wall': wall, 'cpu': cpu, 'scores': scores})
    all.sort(key=lambda t: t['wall'])
    out[name] = all[(len(all) - 1) // 2]
print(json.dumps(out))
`;
  const dir = mkdtempSync(join(tmpdir(), 'text-metrics-bench-'));
  try {
    writeFileSync(join(dir, 'pairs.json'), JSON.stringify(pairs));
    const runs = String(Math.min(RUNS, 3));
    const r = spawnSync(py, ['-c', script, join(dir, 'pairs.json'), runs, fixtures], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) {
      console.log(`NLTK timing failed: ${r.stderr.slice(-500)}`);
      return null;
    }
    for (const l of r.stderr.split('\n')) if (l.startsWith('meteor skipped') || l.startsWith('rouge-score not')) console.log(l);
    return JSON.parse(r.stdout) as Record<string, PyTiming>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
