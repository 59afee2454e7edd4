/**
 * Entry of a CLI worker thread for `run --data`: grades the batches the main thread sends (data-batch.ts) with
 * its own engine runtime (Pyodide, AST engine and model client start lazily here, one per thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareGrader } from '../engine/run.ts';
import { gradeBatch, type BatchRequest } from './data-batch.ts';
import { createNodeRuntime } from './runtime.ts';

export interface DataWorkerInit {
  grader: unknown;
  explain: boolean;
  pythonTimeoutMs: number;
}

export type ToDataWorker = { type: 'batch'; batch: BatchRequest } | { type: 'close' };

const init = workerData as DataWorkerInit;
const port = parentPort!;
const runtime = await createNodeRuntime({ pythonTimeoutMs: init.pythonTimeoutMs });
// Validated once for the whole run (the main thread has already refused an invalid grader).
const grader = prepareGrader(init.grader);
// Batches are graded one after another: each waits for the one before, so results leave in arrival order.
let chain: Promise<void> = Promise.resolve();
port.on('message', (m: ToDataWorker) => {
  if (m.type === 'close') {
    chain = chain.then(() => runtime.close()).then(() => port.close());
    return;
  }
  chain = chain.then(async () => {
    try {
      const result = await gradeBatch(m.batch, grader, { runtime: runtime.engine, explain: init.explain });
      port.postMessage({ type: 'done', result }, [result.rewards.buffer as ArrayBuffer, result.out.buffer as ArrayBuffer]);
    } catch (e) {
      // runGrader never throws; anything here is a bug, and the main thread stops the run with its message.
      port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
});
port.postMessage({ type: 'ready' });
