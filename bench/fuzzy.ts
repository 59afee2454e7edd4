/**
 * Times the rapidfuzz-compatible scorers (src/engine/metrics/fuzzy.ts) on the shared workload (bench/pairs.ts:
 * 10,000 pairs of ~200 characters), warm-up then best of several runs, and prints a table against the targets.
 * When python-Levenshtein is importable (Debian python3-levenshtein), times `Levenshtein.ratio` on the same pairs
 * and checks that 100·Levenshtein.ratio equals our `ratio` (it is the same Indel ratio).
 * Usage: npx tsx bench/fuzzy.ts [--pairs N] [--runs R]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUZZY_SCORERS, type FuzzyScorer } from '../src/engine/metrics/fuzzy.ts';
import { makePairs } from './pairs.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const COUNT = arg('--pairs', 10_000);
const RUNS = arg('--runs', 5);
const pairs = makePairs({ count: COUNT });

/** Seconds for 10,000 pairs (scaled if --pairs differs), from the task's targets. */
const TARGETS: Partial<Record<string, number>> = { ratio: 0.033, WRatio: 0.3, partial_ratio: 2 };

function timeScorer(f: FuzzyScorer, opts?: { processor: boolean }): { best: number; sum: number } {
  let sum = 0;
  for (let k = 0; k < Math.min(pairs.length, 2000); k++) sum += f(pairs[k]![0], pairs[k]![1], opts); // warm-up
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    sum = 0;
    const t0 = process.hrtime.bigint();
    for (const [a, b] of pairs) sum += f(a, b, opts);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.min(best, s);
  }
  return { best, sum };
}

interface Row {
  scorer: string;
  seconds: number;
  perPair: number;
  target?: number;
  mean: number;
}

const rows: Row[] = [];
const cases: Array<[string, FuzzyScorer, boolean]> = [
  ...Object.entries(FUZZY_SCORERS).map(([n, f]) => [n, f as FuzzyScorer, false] as [string, FuzzyScorer, boolean]),
  ['ratio[default_process]', FUZZY_SCORERS.ratio, true],
  ['WRatio[default_process]', FUZZY_SCORERS.WRatio, true],
];
for (const [name, f, processor] of cases) {
  const { best, sum } = timeScorer(f, processor ? { processor } : undefined);
  const target = TARGETS[name];
  rows.push({
    scorer: name,
    seconds: best,
    perPair: (best / pairs.length) * 1e6,
    mean: sum / pairs.length,
    ...(target !== undefined ? { target: (target * pairs.length) / 10_000 } : {}),
  });
}

console.log(`fuzzy scorers, ${pairs.length} pairs (mean lengths ${meanLen(0)} / ${meanLen(1)} chars), best of ${RUNS}, Node ${process.version}`);
console.log('scorer                      total s   µs/pair  mean score   target s');
for (const r of rows) {
  const verdict = r.target === undefined ? '' : `${r.target.toFixed(3)} ${r.seconds <= r.target ? 'ok' : 'SLOW'}`;
  console.log(
    `${r.scorer.padEnd(26)} ${r.seconds.toFixed(4).padStart(8)} ${r.perPair.toFixed(2).padStart(9)} ${r.mean
      .toFixed(3)
      .padStart(11)}   ${verdict}`,
  );
}

function meanLen(side: 0 | 1): number {
  return Math.round(pairs.reduce((n, p) => n + p[side].length, 0) / pairs.length);
}

/* ------------------------------------------------------- python-Levenshtein */

const PY_SNIPPET = `
import json, sys, time, Levenshtein
pairs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
ratio = Levenshtein.ratio
for a, b in pairs[:2000]: ratio(a, b)
best = float('inf')
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    for a, b in pairs: ratio(a, b)
    best = min(best, time.perf_counter() - t0)
print(json.dumps({"best": best, "scores": [ratio(a, b) * 100 for a, b in pairs]}))
`;

function findPython(): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import Levenshtein'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

const python = findPython();
if (!python) {
  console.log('\npython-Levenshtein not importable (apt-get install -y python3-levenshtein): comparison skipped');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'fuzzy-bench-'));
  try {
    const file = join(dir, 'pairs.jsonl');
    writeFileSync(file, pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const r = spawnSync(python, ['-c', PY_SNIPPET, file, String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(r.stderr);
    const { best, scores } = JSON.parse(r.stdout) as { best: number; scores: number[] };
    const ours = rows.find((x) => x.scorer === 'ratio')!;
    let maxDiff = 0;
    pairs.forEach(([a, b], i) => {
      maxDiff = Math.max(maxDiff, Math.abs(FUZZY_SCORERS.ratio(a, b) - scores[i]!));
    });
    console.log(
      `\npython-Levenshtein ratio (${python}): ${best.toFixed(4)} s for ${pairs.length} pairs ` +
        `(${((best / pairs.length) * 1e6).toFixed(2)} µs/pair, Python loop included)`,
    );
    console.log(`ours/theirs (ratio): ${(ours.seconds / best).toFixed(3)}`);
    console.log(`max |ours - 100·Levenshtein.ratio| over all pairs: ${maxDiff}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
