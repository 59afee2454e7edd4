/**
 * The dataset pool: grades JSONL lines on several sandboxed workers at once (cores − 1, at least 1), in
 * batches, streaming results back as they come. A line that runs past its time limit has its worker killed,
 * is counted as an error, and the rest of its batch goes to a fresh worker. Cancel kills everything at once.
 */
import * as Comlink from 'comlink';
import type { GraderHost, WorkerHandle } from './host.ts';
import { checkBatchResponse, checkProgress, checkRow } from './boundary.ts';
import type { BatchResponse, ModelCall, RowError, RunProgress, SampleResult } from './protocol.ts';
import { RunClock, StartupBudget } from './run-clock.ts';
import type { EngineSettings } from '../engine/types.ts';

export interface PoolJob {
  grader: string;
  settings: EngineSettings;
  /** The dataset's lines (blank lines are skipped). */
  lines: string[];
  /** Time limit for one line (all its samples). */
  rowTimeoutMs: number;
  /** Lines per batch; small for slow graders so a killed worker loses little. */
  batchSize?: number;
  /** Model calls made by the app for model graders (absent: model graders report that no endpoint is set). */
  onModel?: ModelCall;
}

export interface PoolProgress {
  doneRows: number;
  totalRows: number;
  samples: number;
  elapsedMs: number;
}

export interface PoolCallbacks {
  onResults(results: SampleResult[], rowErrors: RowError[]): void;
  onProgress?(p: PoolProgress): void;
}

export type PoolOutcome = { status: 'done' | 'cancelled'; elapsedMs: number } | { status: 'grader_error'; message: string };

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores - 1);
}

/** Whether a grader (text) runs code or calls models, which makes lines slow: small batches then. */
function isSlow(grader: string): boolean {
  return /"type"\s*:\s*"(python|score_model|label_model)"/.test(grader) || /"evaluation_metric"\s*:\s*"cosine"/.test(grader);
}

export class DatasetPool {
  private cancelled = false;
  private readonly live = new Set<WorkerHandle>();

  constructor(
    private readonly host: GraderHost,
    private readonly size = defaultPoolSize(),
  ) {}

  cancel() {
    this.cancelled = true;
    for (const h of this.live) this.host.kill(h);
    this.live.clear();
  }

  async run(job: PoolJob, cb: PoolCallbacks): Promise<PoolOutcome> {
    this.cancelled = false;
    const t0 = performance.now();
    const todo: number[] = [];
    job.lines.forEach((l, i) => {
      if (l.trim() !== '') todo.push(i);
    });
    const totalRows = todo.length;
    const batchSize = job.batchSize ?? (isSlow(job.grader) ? 20 : 250);
    const queue: number[][] = [];
    for (let i = 0; i < todo.length; i += batchSize) queue.push(todo.slice(i, i + batchSize));
    let doneRows = 0;
    let samples = 0;
    let graderError: string | null = null;
    const report = () => cb.onProgress?.({ doneRows, totalRows, samples, elapsedMs: performance.now() - t0 });

    const timeoutResult = (row: number): SampleResult => ({
      row,
      sampleIndex: 0,
      reward: 0,
      flags: [/"type"\s*:\s*"python"/.test(job.grader) ? 'python_grader_server_error' : 'unresponsive_reward_error'],
      message: `This line did not finish within ${job.rowTimeoutMs / 1000} s; its worker was stopped.`,
    });

    const lane = async () => {
      let handle: WorkerHandle | null = null;
      let budget = new StartupBudget();
      while (!this.cancelled && graderError === null) {
        const batch = queue.shift();
        if (!batch) break;
        if (!handle) {
          handle = await this.host.spawn();
          budget = new StartupBudget(); // granted once per worker
          this.live.add(handle);
          await handle.ready;
        }
        const h: WorkerHandle = handle;
        const rows = new Set(batch);
        let current = -1;
        let fire: () => void = () => undefined;
        const timedOut = new Promise<'timeout'>((resolve) => (fire = () => resolve('timeout')));
        // The first line's limit includes a little slack for the batch to arrive; each new line starts afresh.
        const clock = new RunClock(job.rowTimeoutMs + 5_000, budget, () => fire());
        // The callbacks come from the sandbox: checked, and answered only while this batch lasts. A line can
        // start only once and in order, so a grader cannot re-arm its limit by reporting lines again.
        let open = true;
        const started = new Set<number>();
        const onRow = Comlink.proxy((raw: unknown) => {
          if (!open) return;
          let row: number;
          try {
            row = checkRow(raw, rows);
          } catch {
            return;
          }
          if (started.has(row) || batch.indexOf(row) < batch.indexOf(current)) return;
          started.add(row);
          current = row;
          clock.restart(job.rowTimeoutMs);
        });
        // Starting Pyodide or loading packages in a fresh worker draws on the worker's start-up budget.
        const onProgress = Comlink.proxy((raw: unknown) => {
          if (!open) return;
          try {
            clock.report(checkProgress(raw));
          } catch {
            // not a phase: ignored
          }
        });
        const model = job.onModel;
        const onModel = model
          ? Comlink.proxy((operation: unknown, body: unknown) =>
              open ? model(operation as never, body) : Promise.reject(new Error('this batch has ended: its model calls are no longer answered')),
            )
          : undefined;
        const request = { grader: job.grader, settings: job.settings, lines: batch.map((line) => ({ line, text: job.lines[line]! })) };
        let response: BatchResponse | 'timeout';
        try {
          const raw = await Promise.race([
            h.api.gradeLines(request, onRow as (row: number) => void, onModel as ModelCall | undefined, onProgress as (p: RunProgress) => void),
            timedOut,
          ]);
          response = raw === 'timeout' ? raw : checkBatchResponse(raw, rows);
        } catch (e) {
          if (this.cancelled) break;
          // The worker died (out of memory, crash) or broke the protocol: count the line it was on, retry the rest elsewhere.
          response = 'timeout';
          void e;
        } finally {
          open = false;
          clock.stop();
        }
        if (this.cancelled) break;
        if (response === 'timeout') {
          this.host.kill(h);
          this.live.delete(h);
          handle = null;
          const stuck = current >= 0 ? current : batch[0]!;
          const rest = batch.slice(batch.indexOf(stuck) + 1);
          const finishedBefore = batch.slice(0, batch.indexOf(stuck));
          if (finishedBefore.length) queue.unshift(finishedBefore);
          if (rest.length) queue.unshift(rest);
          cb.onResults([timeoutResult(stuck)], []);
          doneRows += 1;
          samples += 1;
          report();
          continue;
        }
        if (response.graderError) {
          graderError = response.graderError;
          break;
        }
        doneRows += batch.length;
        samples += response.results.length;
        cb.onResults(response.results, response.rowErrors);
        report();
      }
      if (handle) {
        this.host.kill(handle);
        this.live.delete(handle);
      }
    };

    await Promise.all(Array.from({ length: Math.min(this.size, Math.max(1, queue.length)) }, lane));
    if (graderError !== null) return { status: 'grader_error', message: graderError };
    return { status: this.cancelled ? 'cancelled' : 'done', elapsedMs: performance.now() - t0 };
  }
}

