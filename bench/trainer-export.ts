/**
 * Trainer exports: how long writing a file takes (every gallery example × every target), and how fast an exported
 * TRL reward function grades under CPython (10,000 completions of a string_check and of a BLEU grader, one call
 * with lists, as GRPOTrainer makes it) next to the engine's runGrader on the same rows in Node.
 * Run: npx tsx bench/trainer-export.ts   (BENCH_PYTHON picks the interpreter; default /usr/bin/python3 with nltk)
 */
import { spawnSync } from 'node:child_process';
import { parseJson } from '../src/engine/json.ts';
import { runGrader } from '../src/engine/run.ts';
import { sampleFromModelText } from '../src/engine/sample.ts';
import type { JsonValue } from '../src/engine/types.ts';
import { GALLERY } from '../src/gallery/index.ts';
import { exportForTarget } from '../src/share/trainer/export.ts';
import { TARGETS } from '../src/share/trainer/targets.ts';

const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const doc = (d: unknown): JsonValue => (typeof d === 'string' ? (parseJson(d) as { value: JsonValue }).value : (d as JsonValue));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const times: number[] = [];
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  for (const e of GALLERY) for (const t of TARGETS) exportForTarget(doc(e.grader), t);
  times.push(performance.now() - t0);
}
const files = GALLERY.length * TARGETS.length;
console.log(`export: ${files} files in ${median(times).toFixed(1)} ms (median of 5), ${(median(times) / files).toFixed(2)} ms per file`);

const N = 10_000;
const words = 'the a cat dog sat ran on in mat park today quickly blue green'.split(' ');
let seed = 7;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const sentence = () => Array.from({ length: 8 + Math.floor(rand() * 8) }, () => words[Math.floor(rand() * words.length)]).join(' ');
const completions = Array.from({ length: N }, sentence);
const item = { answer: 'cat sat', reference: 'the cat sat on the mat today' };

for (const metric of ['string_check', 'bleu'] as const) {
  const grader =
    metric === 'string_check'
      ? { type: 'string_check', name: 's', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'ilike' }
      : { type: 'text_similarity', name: 'b', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'bleu' };
  const exp = exportForTarget(grader, 'trl');
  if (!exp.ok) throw new Error(exp.message);
  const script = `${exp.export.code}
import json, sys, time
data = json.loads(sys.stdin.read())
t0 = time.perf_counter()
out = ${exp.export.entry}(prompts=["p"] * len(data["c"]), completions=data["c"], item_json=[data["i"]] * len(data["c"]))
print(json.dumps({"s": time.perf_counter() - t0, "sum": sum(out)}))
`;
  const run = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify({ c: completions, i: JSON.stringify(item) }), encoding: 'utf8', maxBuffer: 1 << 26 });
  const py = run.status === 0 ? (JSON.parse(run.stdout) as { s: number; sum: number }) : null;
  const t0 = performance.now();
  let sum = 0;
  for (const c of completions) sum += (await runGrader(grader, sampleFromModelText(c), item, { explain: false })).reward;
  const ms = performance.now() - t0;
  console.log(
    `${metric}: exported TRL function under CPython ${py ? `${(py.s * 1000).toFixed(0)} ms for ${N} (${((py.s * 1e6) / N).toFixed(1)} µs/row), reward sum ${py.sum}` : `not measured (${run.stderr.trim().split('\n').pop()})`}; ` +
      `engine runGrader in Node ${ms.toFixed(0)} ms (${((ms * 1000) / N).toFixed(1)} µs/row), reward sum ${sum}`,
  );
}
