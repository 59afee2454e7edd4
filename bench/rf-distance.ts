/**
 * Times the rapidfuzz distance modules (src/engine/metrics/rf-metrics.ts) and Levenshtein.editops on the shared
 * workload (bench/pairs.ts: 10,000 pairs of ~200 characters), best of several runs, and, when a Python with
 * rapidfuzz is given (`--python /tmp/rf/bin/python`), rapidfuzz's C++ on the same pairs.
 * Usage: npx tsx bench/rf-distance.ts [--pairs N] [--runs R] [--python PATH]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { levenshteinEditops } from '../src/engine/metrics/rf-distance.ts';
import { RF_METRIC_NAMES, rfMetric } from '../src/engine/metrics/rf-metrics.ts';
import { toCodePoints } from '../src/engine/metrics/tokenize.ts';
import { makePairs } from './pairs.ts';

const argOf = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(argOf('--pairs') ?? 10_000);
const RUNS = Number(argOf('--runs') ?? 3);
const PYTHON = argOf('--python');
const pairs = makePairs({ count: COUNT });
const cps = pairs.map(([a, b]) => [toCodePoints(a), toCodePoints(b)] as const);

function time(f: (a: Int32Array, b: Int32Array) => unknown): number {
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    for (const [a, b] of cps) f(a, b);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

const ours: Record<string, number> = {};
for (const name of RF_METRIC_NAMES) ours[`${name}.normalized_similarity`] = time((a, b) => rfMetric(name, 'normalized_similarity', a, b));
ours['Levenshtein.distance weights=(1,1,2)'] = time((a, b) => rfMetric('Levenshtein', 'distance', a, b, { weights: [1, 1, 2] }));
ours['Levenshtein.distance weights=(2,3,5)'] = time((a, b) => rfMetric('Levenshtein', 'distance', a, b, { weights: [2, 3, 5] }));
ours['Levenshtein.editops'] = time((a, b) => levenshteinEditops(a, b));

let theirs: Record<string, number> = {};
if (PYTHON) {
  const dir = mkdtempSync(join(tmpdir(), 'rf-bench-'));
  writeFileSync(join(dir, 'pairs.json'), JSON.stringify(pairs));
  const script = `
import json, sys, time
from rapidfuzz.distance import *
from rapidfuzz.distance import Levenshtein
pairs = json.load(open(sys.argv[1]))
def t(f):
    best = 1e9
    for _ in range(${RUNS}):
        t0 = time.perf_counter()
        for a, b in pairs: f(a, b)
        best = min(best, time.perf_counter() - t0)
    return best
out = {}
for n in ${JSON.stringify(RF_METRIC_NAMES)}:
    out[n + ".normalized_similarity"] = t(globals()[n].normalized_similarity)
out["Levenshtein.distance weights=(1,1,2)"] = t(lambda a, b: Levenshtein.distance(a, b, weights=(1, 1, 2)))
out["Levenshtein.distance weights=(2,3,5)"] = t(lambda a, b: Levenshtein.distance(a, b, weights=(2, 3, 5)))
out["Levenshtein.editops"] = t(Levenshtein.editops)
print(json.dumps(out))
`;
  writeFileSync(join(dir, 'bench.py'), script);
  const r = spawnSync(PYTHON, [join(dir, 'bench.py'), join(dir, 'pairs.json')], { encoding: 'utf8' });
  if (r.status === 0) theirs = JSON.parse(r.stdout) as Record<string, number>;
  else console.error(r.stderr);
  rmSync(dir, { recursive: true });
}

console.log(`${COUNT} pairs of ~200 characters, best of ${RUNS} runs (seconds)`);
console.log('| function | engine (Node) | rapidfuzz 3.14.6 C++ |');
console.log('|---|---|---|');
for (const [k, v] of Object.entries(ours)) console.log(`| ${k} | ${v.toFixed(3)} | ${theirs[k]?.toFixed(3) ?? '-'} |`);
