/**
 * Heap kept by a dataset's results when every row fails with a 1 MB message (issue 12): each row's message is
 * built whole (as the grader raises it), cut by rowMessage() as the grader worker does, and cloned as the
 * batch reply is; the heap is read after the 100,000 results are kept. Not the browser itself (no worker, no
 * Python): it measures what the app keeps per row.
 *   node --expose-gc --import tsx bench/dataset-messages.ts [rows]
 */
import { rowMessage } from '../src/engine/dataset/row-message.ts';

const rows = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const kept: { row: number; sampleIndex: number; reward: number; flags: string[]; message?: string }[] = [];
const t0 = performance.now();
for (let i = 0; i < rows; i++) {
  const raised = `ValueError: row ${i} ` + 'x'.repeat(1_000_000);
  const result = { row: i, sampleIndex: 0, reward: 0, flags: ['python_grader_runtime_error'], message: rowMessage(raised) };
  kept.push(structuredClone(result));
}
gc?.();
const after = process.memoryUsage().heapUsed;
console.log(
  JSON.stringify({ rows, keptMB: +((after - before) / 1e6).toFixed(1), bytesPerRow: Math.round((after - before) / rows), seconds: +((performance.now() - t0) / 1000).toFixed(1) }),
);
