/**
 * The CLI's `run --data` on N BLEU rows (bench/pairs.ts), whole process, against an NLTK script that does the
 * same job (read the JSONL, sentence_bleu each row, write one JSON line per row): wall time, the child's peak
 * memory (max RSS from GNU time), ratio to NLTK. Runs ours and NLTK's interleaved, reports medians and the
 * machine's load. NLTK is looked up in $BENCH_PYTHON (default /usr/bin/python3); without it, NLTK's figure is
 * printed as "not measured".
 * Needs `npm run build:cli` first. `--explain` grades with explanations (`run --data --explain`; without it, the
 * CLI's default: no explanations). `--compare DIR` also runs another build's CLI (DIR/bin/grader-playground.js,
 * e.g. a copy of bin/, dist-cli/, package.json and links to node_modules/ and public/ made before a change),
 * interleaved, with the flags `--compare-flags "..."` gives it (default: ours).
 * Usage: npx tsx bench/cli-data.ts [--rows N] [--runs R] [--explain] [--memory-only] [--compare DIR [--compare-flags F]]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePairs } from './pairs.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ROWS = arg('--rows', 10_000);
const RUNS = arg('--runs', 5);
const explain = process.argv.includes('--explain');
function strArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ourFlags = explain ? ['--explain'] : process.argv.includes('--no-explain') ? ['--no-explain'] : [];
const compareDir = strArg('--compare');
const compareFlags = strArg('--compare-flags')?.split(' ').filter(Boolean) ?? ourFlags;
const memoryOnly = process.argv.includes('--memory-only');
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin', 'grader-playground.js');
if (!existsSync(join(root, 'dist-cli', 'cli.js'))) {
  console.error('run `npm run build:cli` first');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'gp-bench-cli-'));
const grader = join(dir, 'g.json');
writeFileSync(grader, JSON.stringify({ type: 'text_similarity', name: 'b', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'bleu' }));
const data = join(dir, 'rows.jsonl');

async function writeRows(): Promise<void> {
  // Rows repeat the 10,000 seeded pairs, so a million rows cost no more memory to generate than 10,000.
  const pairs = makePairs({ count: Math.min(ROWS, 10_000) });
  const out = createWriteStream(data);
  for (let i = 0; i < ROWS; i++) {
    const [a, b] = pairs[i % pairs.length]!;
    if (!out.write(JSON.stringify({ item: { reference: b }, sample: { output_text: a } }) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const NLTK_SCRIPT = `
import json, sys
from nltk.translate.bleu_score import sentence_bleu
with open(sys.argv[1]) as f, open(sys.argv[2], 'w') as out:
    for i, line in enumerate(f):
        row = json.loads(line)
        score = sentence_bleu([row['item']['reference'].split()], row['sample']['output_text'].split())
        out.write(json.dumps({'row': i, 'sample_index': 0, 'result': {'reward': score}}) + '\\n')
`;

interface Run {
  wall: number;
  /** User + system CPU seconds of the child (all its threads). */
  cpu: number;
  maxRssMb: number;
  status: number | null;
}

/** One child process under GNU time (for its max RSS; wall time is ours). */
function timed(cmd: string, args: string[]): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const [user, sys, rss] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  if (r.status !== 0) console.error(r.stderr.slice(-2000));
  return { wall, cpu: user + sys, maxRssMb: rss / 1024, status: r.status };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

await writeRows();
console.log(`${ROWS} BLEU rows (${(statSync(data).size / 1e6).toFixed(1)} MB), ${RUNS} runs each, interleaved; load before ${load()}`);
const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const hasNltk = !memoryOnly && existsSync(python) && spawnSync(python, ['-c', 'import nltk'], { encoding: 'utf8' }).status === 0;
const script = join(dir, 'nltk_bleu.py');
writeFileSync(script, NLTK_SCRIPT);
const ours: Run[] = [];
const nltk: Run[] = [];
const outOurs = join(dir, 'ours.jsonl');
const outNltk = join(dir, 'nltk.jsonl');
const other: Run[] = [];
const outOther = join(dir, 'other.jsonl');
for (let r = 0; r < RUNS; r++) {
  ours.push(timed(process.execPath, [cli, 'run', '--grader', grader, '--data', data, '--out', outOurs, ...ourFlags]));
  if (compareDir) other.push(timed(process.execPath, [join(compareDir, 'bin', 'grader-playground.js'), 'run', '--grader', grader, '--data', data, '--out', outOther, ...compareFlags]));
  if (hasNltk) nltk.push(timed(python, [script, data, outNltk]));
}
if (ours.some((r) => r.status !== 0)) console.log(`ours failed in ${ours.filter((r) => r.status !== 0).length} of ${RUNS} runs`);
const fmt = (runs: Run[]) =>
  `median ${median(runs.map((r) => r.wall)).toFixed(3)} s (${Math.min(...runs.map((r) => r.wall)).toFixed(3)}–${Math.max(...runs.map((r) => r.wall)).toFixed(3)}), ` +
  `CPU median ${median(runs.map((r) => r.cpu)).toFixed(3)} s, peak RSS median ${median(runs.map((r) => r.maxRssMb)).toFixed(0)} MB (max ${Math.max(...runs.map((r) => r.maxRssMb)).toFixed(0)})`;
console.log(`ours ${ourFlags.join(' ') || '(default flags)'}: ${fmt(ours)}   [output ${(statSync(outOurs).size / 1e6).toFixed(1)} MB]`);
if (compareDir) {
  console.log(`compared build ${compareDir} ${compareFlags.join(' ')}: ${fmt(other)}   [output ${(statSync(outOther).size / 1e6).toFixed(1)} MB]`);
  const cpu = (runs: Run[]) => median(runs.map((r) => r.cpu));
  console.log(`ours / compared build (medians): wall ${(median(ours.map((r) => r.wall)) / median(other.map((r) => r.wall))).toFixed(2)}x, CPU ${(cpu(ours) / cpu(other)).toFixed(2)}x`);
}
if (hasNltk) {
  console.log(`NLTK script (${python}): ${fmt(nltk)}`);
  const ratio = median(ours.map((r) => r.wall)) / median(nltk.map((r) => r.wall));
  console.log(`ratio ours / NLTK (medians): ${ratio.toFixed(2)}x   target <= 0.3x`);
} else if (!memoryOnly) {
  console.log(`NLTK: not measured (no nltk in ${python}; set BENCH_PYTHON to a python with nltk)`);
}
console.log(`load after ${load()}`);
rmSync(dir, { recursive: true, force: true });
