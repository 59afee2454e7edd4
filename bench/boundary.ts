/**
 * What the sandbox boundary's checks cost on the main thread (src/worker/boundary.ts): a typical live reply, a
 * reply carrying a 20 MB exception message, a dataset batch of 250 rows with 1 MB messages each, and the
 * nesting scan of parseJson on a 5 MB document. Run: npx tsx bench/boundary.ts
 */
import { checkBatchResponse, checkRunResponse } from '../src/worker/boundary.ts';
import { nestingBeyond, MAX_JSON_DEPTH } from '../src/engine/json.ts';
import { runGrader } from '../src/engine/run.ts';

function time(label: string, iterations: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(iterations, 20); i++) fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  const ms = (performance.now() - t0) / iterations;
  console.log(`${label.padEnd(64)} ${ms.toFixed(3).padStart(10)} ms/op  (${iterations} ops)`);
}

const typical = {
  docErrors: [],
  problems: [],
  result: await runGrader(
    { type: 'text_similarity', name: 't', input: '{{ sample.output_text }}', reference: '{{ item.ref }}', evaluation_metric: 'bleu' },
    { output_text: 'the cat sat on the mat with a hat' },
    { ref: 'the cat is on the mat' },
  ),
};
time('typical live reply (BLEU result with its explanation)', 2000, () => checkRunResponse(typical));

const huge = structuredClone(typical);
huge.result.metadata.errors.python_grader_runtime_error_details = 'x'.repeat(20_000_000);
time('live reply with a 20 MB error message (cut to 100,000 characters)', 50, () => checkRunResponse(huge));

const mb = 'm'.repeat(1_000_000);
const rows = new Set(Array.from({ length: 250 }, (_, i) => i));
const batch = { results: [...rows].map((row) => ({ row, sampleIndex: 0, reward: 0, flags: ['python_grader_runtime_error'], message: mb })), rowErrors: [] };
time('dataset batch: 250 rows, each with a 1 MB message (cut to 2,000)', 50, () => checkBatchResponse(batch, rows));

const doc = JSON.stringify({ rows: Array.from({ length: 50_000 }, (_, i) => ({ i, text: 'some [text] {with} brackets', list: [1, [2, [3]]] })) });
time(`nesting scan of a ${(doc.length / 1e6).toFixed(1)} MB document (limit ${MAX_JSON_DEPTH})`, 20, () => nestingBeyond(doc, MAX_JSON_DEPTH));
