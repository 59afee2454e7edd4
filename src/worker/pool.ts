/**
 * The dataset pool: grades JSONL lines on several sandboxed workers at once (cores − 1, at least 1), in
 * batches, streaming results back as they come. A line that runs past its time limit has its worker killed,
 * is counted as an error, and the rest of its batch goes to a fresh worker. Cancel kills everything at once.
 * Transport costs more than grading a fast line, so a batch is one message each way, and a worker says which
 * line it is on at most every ROW_REPORT_MS (protocol.ts) for fast graders: when such a batch times out, the lines
 * from the last one reported on run again as a "careful" batch that reports every line, which finds the stuck
 * line exactly. Python and model graders report every line.
 */
import * as Comlink from 'comlink';
import type { GraderHost, WorkerHandle } from './host.ts';
import { checkBatchResponse, checkProgress, checkRow } from './boundary.ts';
import { joinBatchTexts, type BatchResponse, type ModelCall, type RowError, type RunProgress, type SampleResult } from './protocol.ts';
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

/**
 * Workers kept warm per host: started ahead of a run (prewarm), never left from a run (they ran its grader). A
 * warm worker has its code loaded (and Pyodide, for python graders), which costs more than grading 10,000 lines.
 */
const idle = new WeakMap<GraderHost, Promise<WorkerHandle>[]>();

function idleOf(host: GraderHost): Promise<WorkerHandle>[] {
  let list = idle.get(host);
  if (!list) idle.set(host, (list = []));
  return list;
}

/** Start `size` workers for the next run of `grader` (loading Pyodide in them when it is a python grader). */
export function prewarm(host: GraderHost, size: number, grader: string): void {
  const list = idleOf(host);
  const python = /"type"\s*:\s*"python"/.test(grader);
  const warming = list.length;
  while (list.length < size) {
    const h = host.spawn().then(async (handle) => {
      await handle.ready;
      return handle;
    });
    h.catch(() => undefined);
    list.push(h);
  }
  // Workers already warm need Pyodide too when the grader became a python one.
  if (python) for (const h of list.slice(0, Math.max(warming, size))) void h.then((handle) => handle.api.preparePython()).catch(() => undefined);
}

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
    const slow = isSlow(job.grader);
    const batchSize = job.batchSize ?? (slow ? 20 : 250);
    // Slow lines (python, models) report each line from the start: a message is cheap next to them, and a stuck
    // line is found without a second run (a fresh python worker would have to start Pyodide again).
    const queue: { rows: number[]; careful: boolean }[] = [];
    for (let i = 0; i < todo.length; i += batchSize) queue.push({ rows: todo.slice(i, i + batchSize), careful: slow });
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
        const next = queue.shift();
        if (!next) break;
        const { rows: batch, careful } = next;
        if (!handle) {
          const warm = idleOf(this.host).shift();
          try {
            handle = warm ? await warm : null;
          } catch {
            handle = null; // a warm worker that failed to start: start a fresh one
          }
          handle ??= await this.host.spawn();
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
        const request = {
          grader: job.grader,
          settings: job.settings,
          rows: batch,
          text: joinBatchTexts(batch.map((line) => job.lines[line]!)),
          ...(careful ? { reportEveryRow: true } : {}),
        };
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
          const at = batch.indexOf(stuck);
          const finishedBefore = batch.slice(0, at);
          if (!careful) {
            // Lines are reported sparsely: the stuck one is the last reported or a later one. Run those again,
            // each reported, to find it; the ones before finished, but their results were in the lost response.
            queue.unshift({ rows: batch.slice(at), careful: true });
            if (finishedBefore.length) queue.unshift({ rows: finishedBefore, careful: false });
            continue;
          }
          const rest = batch.slice(at + 1);
          if (finishedBefore.length) queue.unshift({ rows: finishedBefore, careful: false });
          if (rest.length) queue.unshift({ rows: rest, careful: false });
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
        this.live.delete(handle);
        // A worker that ran this run's grader is never reused: the next run may be another workspace's (a link's
        // grader must not share a worker with the user's own). Only prewarmed workers, which ran no grader, wait.
        this.host.kill(handle);
      }
    };

    await Promise.all(Array.from({ length: Math.min(this.size, Math.max(1, queue.length)) }, lane));
    if (graderError !== null) return { status: 'grader_error', message: graderError };
    return { status: this.cancelled ? 'cancelled' : 'done', elapsedMs: performance.now() - t0 };
  }
}

