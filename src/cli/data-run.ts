/**
 * `run --data`: reads the JSONL file in 1 MB chunks, sends batches of whole lines, as bytes (transferred, not
 * copied: the main thread only finds line breaks), to a pool of worker threads that decode and grade them
 * (data-worker.ts), and writes each batch's output bytes in input order as soon as the batches before it
 * are written. Memory stays bounded at any file size: reading waits while too many batches are in flight or
 * waiting to be written, and the summary is kept as running moments, not a list of rewards.
 */
import { closeSync, createWriteStream, open, read, type WriteStream } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { RewardSummary } from '../engine/dataset.ts';
import type { BatchBytes, BatchResult } from './data-batch.ts';
import type { DataWorkerInit, ToDataWorker } from './data-worker.ts';
import { releaseDataThreads, startDataThread, takeDataThread } from './data-threads.ts';
import { siblingModule } from './thread.ts';

export interface DataRunOptions {
  grader: unknown;
  /** An open file descriptor (closed at the end) or path of the JSONL file. */
  data: number | string;
  /** Where output lines go: a file path, or a writer (stdout). */
  out: { path: string } | { write: (s: string) => void };
  /** Skipped lines are reported here, in order, as they are met. */
  onSkipped: (line: number, message: string) => void;
  explain: boolean;
  pythonTimeoutMs: number;
  /** Worker threads at most (started as the work needs them). */
  workers: number;
  /**
   * Lines per batch (default 32 with explanations: small enough that those in flight stay a few MB; 256 without,
   * when an output line is a few hundred bytes and fewer messages cost less). A batch also ends at 1 MB of input.
   */
  batchLines?: number;
}

export interface DataRunTotals {
  summary: RewardSummary;
  rows: number;
  skipped: number;
}

/**
 * Count, mean and population std (Welford's update, stable in one pass), min, max: what `summarize` gives for a
 * list, without keeping the list. Non-finite rewards count but stay out of the moments, as in stats.moments.
 */
export class RunningSummary {
  count = 0;
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  errors = 0;

  add(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      this.count++;
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
      if (!Number.isFinite(v)) continue;
      this.n++;
      const d = v - this.mean;
      this.mean += d / this.n;
      this.m2 += d * (v - this.mean);
    }
  }

  summary(): RewardSummary {
    if (this.count === 0) return { count: 0, mean: 0, std: 0, min: 0, max: 0, errors: this.errors };
    const std = this.n ? Math.sqrt(Math.max(0, this.m2) / this.n) : NaN;
    return { count: this.count, mean: this.n ? this.mean : NaN, std, min: this.min, max: this.max, errors: this.errors };
  }
}

const MAX_BATCH_BYTES = 1 << 20;
/** Bytes read at a time. */
const READ_BYTES = 1 << 20;
const decoder = new TextDecoder();
/** Batches queued on one worker: one graded, one waiting, so a worker never idles between batches. */
const PER_WORKER = 2;

export async function runDataFile(o: DataRunOptions): Promise<DataRunTotals> {
  const batchLines = o.batchLines ?? (o.explain ? 32 : 256);
  const init: DataWorkerInit = { grader: o.grader, explain: o.explain, pythonTimeoutMs: o.pythonTimeoutMs };
  const workerUrl = siblingModule(import.meta.url, 'data-worker');
  const workers: { w: Worker; queued: number }[] = [];
  const totals = new RunningSummary();
  let rows = 0;
  let skipped = 0;
  let failure: Error | null = null;

  // Ordered output: results arrive by batch, in any order across workers; batch `next` is written first.
  const sink: WriteStream | null = 'path' in o.out ? createWriteStream(o.out.path) : null;
  sink?.on('error', (e) => {
    failure ??= new Error(`cannot write ${'path' in o.out ? o.out.path : 'the output'}: ${e.message}`);
    notify();
  });
  const done = new Map<number, BatchResult>();
  let next = 0;
  let sent = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  // The file stream's buffer is full: reading waits for 'drain' before more batches go out.
  let blocked = false;
  const flush = () => {
    while (done.has(next)) {
      const r = done.get(next)!;
      done.delete(next);
      next++;
      for (const s of r.skipped) o.onSkipped(s.line, s.message);
      skipped += r.skipped.length;
      rows += r.rows;
      totals.add(r.rewards);
      totals.errors += r.errored;
      if (r.out.byteLength) {
        if (sink) {
          if (!sink.write(r.out) && !blocked) {
            blocked = true;
            sink.once('drain', () => {
              blocked = false;
              notify();
            });
          }
        } else (o.out as { write: (s: string) => void }).write(decoder.decode(r.out));
      }
    }
    notify();
  };

  const spawn = () => {
    // A thread the entry started in advance (data-threads.ts), else a new one.
    const thread = takeDataThread() ?? startDataThread(workerUrl);
    const w = thread.worker;
    const slot = { w, queued: 0 };
    if (thread.early.error) failure ??= thread.early.error;
    else if (thread.early.exitCode !== undefined) failure ??= new Error(`a grading thread exited with code ${thread.early.exitCode}`);
    thread.detach();
    w.on('message', (m: { type: 'done'; result: BatchResult } | { type: 'error'; message: string }) => {
      if (m.type === 'done') {
        slot.queued--;
        done.set(m.result.seq, m.result);
        flush();
      } else if (m.type === 'error') {
        failure ??= new Error(`a grading thread failed: ${m.message}`);
        notify();
      }
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0 && !closing) failure ??= new Error(`a grading thread exited with code ${code}`);
      notify();
    });
    w.postMessage({ type: 'init', init } satisfies ToDataWorker);
    workers.push(slot);
    return slot;
  };
  let closing = false;

  const wait = () => new Promise<void>((res) => (wake = res));
  const maxAhead = Math.max(1, o.workers) * (PER_WORKER + 2);
  const submit = async (batch: BatchBytes) => {
    for (;;) {
      if (failure) throw failure;
      // Bounded: a limited number of batches sent and not yet written.
      if (sent - next < maxAhead && !blocked) {
        let slot = workers.reduce<{ w: Worker; queued: number } | null>((a, b) => (a && a.queued <= b.queued ? a : b), null);
        // Start another thread only when every one has work already.
        if ((!slot || slot.queued > 0) && workers.length < Math.max(1, o.workers)) slot = spawn();
        if (slot && slot.queued < PER_WORKER) {
          slot.queued++;
          sent++;
          slot.w.postMessage({ type: 'batch', batch } satisfies ToDataWorker, [batch.bytes.buffer as ArrayBuffer]);
          return;
        }
      }
      await wait();
    }
  };

  // The file is closed at the end, whether it came open (a descriptor) or as a path.
  let fd: number | null = null;
  try {
    fd = typeof o.data === 'number' ? o.data : await new Promise<number>((res, rej) => open(o.data as string, 'r', (e, f) => (e ? rej(e) : res(f))));
    const file = fd;
    const readInto = (buf: Uint8Array, at: number) =>
      new Promise<number>((res, rej) => read(file, buf, at, buf.length - at, null, (e, n) => (e ? rej(e) : res(n))));
    // Whole lines go out as bytes (the thread decodes them): the main thread only finds the line breaks.
    let buf = new Uint8Array(READ_BYTES);
    let filled = 0;
    let start = 0; // where the batch being gathered starts in buf
    let scan = 0; // where the search for the next line break goes on
    let count = 0; // lines in buf[start, scan)
    let index = 0; // file line index of the batch's first line
    const cut = async (end: number, lines: number) => {
      const batch: BatchBytes = { seq: sent, first: index, bytes: buf.slice(start, end) };
      index += lines;
      start = end;
      count = 0;
      await submit(batch);
    };
    for (;;) {
      if (filled === buf.length) {
        // Keep the unsent lines: at the start of a new buffer (twice as big if they fill a whole one).
        const keep = filled - start;
        const grown = new Uint8Array(keep * 2 > READ_BYTES ? keep * 2 : READ_BYTES);
        grown.set(buf.subarray(start, filled));
        buf = grown;
        scan -= start;
        filled = keep;
        start = 0;
      }
      const n = await readInto(buf, filled);
      if (n === 0) break;
      filled += n;
      for (let nl = buf.indexOf(10, scan); nl >= 0 && nl < filled; nl = buf.indexOf(10, scan)) {
        scan = nl + 1;
        count++;
        if (count >= batchLines || scan - start >= MAX_BATCH_BYTES) await cut(scan, count);
      }
      scan = filled;
    }
    // The last line may have no line break.
    if (filled > start) await cut(filled, count + (buf[filled - 1] !== 10 ? 1 : 0));
    while (next < sent) {
      if (failure) throw failure;
      await wait();
    }
    if (failure) throw failure;
  } finally {
    closing = true;
    releaseDataThreads();
    for (const { w } of workers) {
      if (failure) void w.terminate();
      else w.postMessage({ type: 'close' } satisfies ToDataWorker);
    }
    if (fd !== null) closeSync(fd);
    if (sink && !sink.destroyed) await new Promise<void>((res) => sink.end(res));
  }
  return { summary: totals.summary(), rows, skipped };
}
