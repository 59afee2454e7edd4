/**
 * Python graders in Node: cold start to first result, a trivial grader's re-run (median), 1,000 runs through
 * one runtime (the supervised worker the CLI uses, and the in-thread runtime a browser worker uses), the same
 * through runGrader, a rapidfuzz grader, and a timeout's kill-and-respawn. Run: npx tsx bench/python.ts
 */
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { loadPyodide } from 'pyodide';
import { parseJson } from '../src/engine/json.ts';
import { createNodePythonRuntime } from '../src/engine/python/node.ts';
import { createPyodidePythonRuntime } from '../src/engine/python/runtime.ts';
import { runGrader } from '../src/engine/run.ts';
import type { PythonRunRequest, PythonRuntime } from '../src/engine/runtime.ts';
import type { JsonValue } from '../src/engine/types.ts';

const trivial: PythonRunRequest = {
  source: 'def grade(sample, item):\n    return 1.0 if sample["output_text"] == item["label"] else 0.0\n',
  sampleJson: '{"output_text": "yes"}',
  itemJson: '{"label": "yes"}',
};
const fuzzy: PythonRunRequest = {
  source: 'from rapidfuzz import fuzz, utils\n\ndef grade(sample, item):\n    return fuzz.WRatio(sample["output_text"], item["reference"], processor=utils.default_process) / 100\n',
  sampleJson: JSON.stringify({ output_text: 'The quick brown fox jumps over the lazy dog near the river bank at dawn.' }),
  itemJson: JSON.stringify({ reference: 'A quick brown fox jumped over a lazy dog by the river bank at sunrise.' }),
};

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function check(rt: PythonRuntime, req: PythonRunRequest) {
  const r = await rt.run(req);
  if (r.status !== 'ok') throw new Error(`${r.errorType}: ${r.details}`);
}

async function reruns(rt: PythonRuntime, req: PythonRunRequest, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await check(rt, req);
    times.push(performance.now() - t);
  }
  return times;
}

async function thousand(label: string, rt: PythonRuntime, req: PythonRunRequest) {
  const t = performance.now();
  for (let i = 0; i < 1000; i++) await check(rt, req);
  const total = performance.now() - t;
  console.log(`${label}: 1,000 runs in ${ms(total)} (${ms(total / 1000)} per run)`);
}

console.log(`Node ${process.version}`);

// 1. The supervised worker (CLI, tests): Pyodide in a worker_threads Worker.
{
  const t0 = performance.now();
  const rt = createNodePythonRuntime();
  await check(rt, trivial);
  console.log(`worker: cold start to first result ${ms(performance.now() - t0)}`);
  console.log(`worker: trivial re-run, median of 200: ${ms(median(await reruns(rt, trivial, 200)))}`);
  await thousand('worker: trivial grader', rt, trivial);
  const tr = performance.now();
  await check(rt, fuzzy);
  console.log(`worker: first rapidfuzz grader (installs the package) ${ms(performance.now() - tr)}`);
  console.log(`worker: rapidfuzz WRatio grader re-run, median of 200: ${ms(median(await reruns(rt, fuzzy, 200)))}`);
  await thousand('worker: rapidfuzz WRatio grader', rt, fuzzy);

  const parse = (s: string): JsonValue => {
    const r = parseJson(s);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const grader = { type: 'python', name: 'bench', source: trivial.source };
  const sample = parse(trivial.sampleJson);
  const item = parse(trivial.itemJson);
  const tg = performance.now();
  for (let i = 0; i < 1000; i++) {
    const r = await runGrader(grader, sample, item, { runtime: { python: rt } });
    if (r.reward !== 1) throw new Error(JSON.stringify(r.metadata.errors));
  }
  const total = performance.now() - tg;
  console.log(`worker: 1,000 runGrader calls (validate + grade + RunResult) in ${ms(total)} (${ms(total / 1000)} each)`);

  const tk = performance.now();
  const killed = await rt.run({ ...trivial, source: 'def grade(s, i):\n    while True:\n        try:\n            while True: pass\n        except BaseException: pass\n', timeoutMs: 200 });
  const tKill = performance.now() - tk;
  const tn = performance.now();
  await check(rt, trivial);
  console.log(`worker: stubborn loop, 200 ms limit: ${killed.errorType} after ${ms(tKill)}; next result after respawn ${ms(performance.now() - tn)}`);
  const ti = performance.now();
  const interrupted = await rt.run({ ...trivial, source: 'def grade(s, i):\n    while True: pass\n', timeoutMs: 200 });
  console.log(`worker: plain loop, 200 ms limit: ${interrupted.errorType} (interrupted, no respawn) after ${ms(performance.now() - ti)}`);
  rt.close();
}

// 2. The in-thread runtime (what the browser's grader worker calls), Pyodide in this thread.
{
  const indexURL = dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + sep;
  const t0 = performance.now();
  const py = loadPyodide({ indexURL, stdout: () => undefined, stderr: () => undefined });
  const rt = createPyodidePythonRuntime(() => py);
  await check(rt, trivial);
  console.log(`in-thread: cold start to first result ${ms(performance.now() - t0)}`);
  console.log(`in-thread: trivial re-run, median of 200: ${ms(median(await reruns(rt, trivial, 200)))}`);
  await thousand('in-thread: trivial grader', rt, trivial);
}
process.exit(0);
