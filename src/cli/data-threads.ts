/**
 * The grading threads of `run --data`, started before the rest of the CLI is loaded. A thread's start (Node's
 * worker bootstrap, then the engine's modules) takes about as long as the main thread's own start-up, so the
 * entry (index.ts) starts them first and both happen at once on different cores; `runDataFile` takes them
 * from here, and starts more as the work needs them. A thread waits for its `init` message (the grader) before
 * it grades. Threads nobody takes are unreferenced: they never keep the process alive.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { parseArgs } from './args.ts';
import { siblingModule, startThread } from './thread.ts';

/** A thread and what happened to it before anyone listened. */
export interface DataThread {
  worker: Worker;
  /** Set when it failed or exited while it waited to be taken. */
  early: { error?: Error; exitCode?: number };
  /** Removes the listeners that fill `early` (the taker adds its own). */
  detach: () => void;
}

/** A file at least this big gets every thread at once; a smaller one starts with one. */
const ALL_THREADS_FROM_BYTES = 1 << 20;

/** Each grading thread's young generation, in MB (bench/README.md: same CPU, ~40 MB less RSS at 100,000 rows). */
const YOUNG_GENERATION_MB = 8;

const waiting: DataThread[] = [];

/** Starts one grading thread (`url`: the data-worker module, .ts from source or .js built). */
export function startDataThread(url: URL = siblingModule(import.meta.url, 'data-worker')): DataThread {
  // A small young generation: a grading thread's garbage dies young either way, and V8's default (semi-spaces
  // growing to 16 MB) held ~20 MB more per thread, which put 100,000 BLEU rows over 200 MB of RSS.
  const worker = startThread(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const early: DataThread['early'] = {};
  const onError = (e: Error) => (early.error ??= e);
  const onExit = (code: number) => (early.exitCode = code);
  worker.on('error', onError);
  worker.on('exit', onExit);
  return {
    worker,
    early,
    detach: () => {
      worker.off('error', onError);
      worker.off('exit', onExit);
    },
  };
}

/** The grading threads `--workers` asks for (one per core, at most 8, when not given); null when it is no count. */
export function dataThreadCount(flag: string | undefined, cores = availableParallelism()): number | null {
  const n = flag === undefined ? Math.min(cores, 8) : Number(flag);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * Starts the threads a `run --data` command line will use, if argv is one (`run` with `--data`, no help):
 * all of them (`dataThreadCount`) for a data file of 1 MB or more, else one. Returns how many were started.
 * Any doubt (a usage error, an unreadable file) starts none: main.ts parses the same argv and reports it.
 */
export function prestartDataThreads(argv: string[], cores = availableParallelism()): number {
  let flags: Record<string, string | true>;
  let command: string | null;
  try {
    ({ command, flags } = parseArgs(argv));
  } catch {
    return 0;
  }
  const data = flags.data;
  if (command !== 'run' || flags.help || typeof data !== 'string') return 0;
  const workers = dataThreadCount(typeof flags.workers === 'string' ? flags.workers : undefined, cores);
  if (workers === null) return 0;
  let size = 0;
  try {
    size = statSync(data).size;
  } catch {
    return 0;
  }
  const n = size >= ALL_THREADS_FROM_BYTES ? workers : 1;
  for (let i = 0; i < n; i++) {
    const t = startDataThread();
    t.worker.unref();
    waiting.push(t);
  }
  return n;
}

/** A thread started in advance, now the caller's (referenced again, early listeners removed), or null. */
export function takeDataThread(): DataThread | null {
  const t = waiting.shift();
  if (!t) return null;
  t.detach();
  t.worker.ref();
  return t;
}

/** Stops the threads nobody took (a small file, an invalid grader). */
export function releaseDataThreads(): void {
  for (const t of waiting.splice(0)) void t.worker.terminate();
}
