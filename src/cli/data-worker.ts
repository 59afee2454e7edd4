/**
 * Entry of a CLI worker thread for `run --data`: grades the batches the main thread sends (data-batch.ts) with
 * its own engine runtime (Pyodide, AST engine and model client start lazily here, one per thread). The thread
 * may start before the grader is known (data-threads.ts): it loads its modules, then waits for `init`.
 */
import { parentPort } from 'node:worker_threads';
import { prepareGrader, type PreparedGrader } from '../engine/run.ts';
import { gradeBatch, linesOf, type BatchBytes } from './data-batch.ts';
import { createNodeRuntime, type NodeRuntime } from './runtime.ts';

export interface DataWorkerInit {
  grader: unknown;
  explain: boolean;
  pythonTimeoutMs: number;
}

export type ToDataWorker = { type: 'init'; init: DataWorkerInit } | { type: 'batch'; batch: BatchBytes } | { type: 'close' };

const port = parentPort!;
let init: DataWorkerInit;
let runtime: NodeRuntime;
let grader: PreparedGrader;
// Batches are graded one after another: each waits for the one before, so results leave in arrival order.
let chain: Promise<void> = Promise.resolve();
port.on('message', (m: ToDataWorker) => {
  if (m.type === 'init') {
    init = m.init;
    chain = chain.then(async () => {
      runtime = await createNodeRuntime({ pythonTimeoutMs: init.pythonTimeoutMs });
      // Validated once for the whole run (the main thread has already refused an invalid grader).
      grader = prepareGrader(init.grader);
    }).catch((e: unknown) => {
      port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    });
    return;
  }
  if (m.type === 'close') {
    chain = chain.then(() => runtime?.close()).then(() => port.close());
    return;
  }
  const { seq, first, bytes } = m.batch;
  chain = chain.then(async () => {
    try {
      const result = await gradeBatch({ seq, first, lines: linesOf(bytes) }, grader, { runtime: runtime.engine, explain: init.explain });
      port.postMessage({ type: 'done', result }, [result.rewards.buffer as ArrayBuffer, result.out.buffer as ArrayBuffer]);
    } catch (e) {
      // runGrader never throws; anything here is a bug, and the main thread stops the run with its message.
      port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
});
