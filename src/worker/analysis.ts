/**
 * The app's side of the analysis worker: pack the results (one pass over numbers), transfer them, and turn the
 * advantages back into rows a slice at a time, yielding between slices, so no main-thread task grows with the
 * dataset. Where a worker cannot start (tests in Node), the job runs in place.
 */
import { columnBuffers, packResults, resultKey, unpackAdvantages, type ResultLike } from '../engine/dataset/columns.ts';
import type { AdvantageRow } from '../engine/dataset/advantages.ts';
import type { ReadinessReport } from '../engine/dataset/report.ts';
import type { AnalysisReply, AnalysisRequest } from './analysis-job.ts';

let worker: Worker | null = null;
let nextId = 1;
/** Pending jobs; null tells a job that the worker failed (it then runs in place). */
const waiting = new Map<number, (r: AnalysisReply | null) => void>();

function analysisWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'dataset-analysis' });
  } catch {
    return null;
  }
  worker.addEventListener('message', (e: MessageEvent<AnalysisReply>) => {
    waiting.get(e.data.id)?.(e.data);
    waiting.delete(e.data.id);
  });
  worker.addEventListener('error', () => {
    worker?.terminate();
    worker = null;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  });
  return worker;
}

/** Rows turned back into objects per task. */
const SLICE = 10_000;
const yieldTask = () => new Promise((r) => setTimeout(r, 0));

export interface Analysis {
  report: ReadinessReport | null;
  advantages: AdvantageRow[];
  /** Advantage by resultKey(row, sampleIndex), for the table. */
  advantageOf: Map<number, number>;
}

export async function analyzeResults(results: readonly ResultLike[], passThreshold: number): Promise<Analysis> {
  const request: AnalysisRequest = { id: nextId++, columns: packResults(results), passThreshold };
  const w = analysisWorker();
  const fromWorker = w
    ? await new Promise<AnalysisReply | null>((resolve) => {
        waiting.set(request.id, resolve);
        // Transferred: the worker owns the arrays now; a failed worker gets them packed again below.
        w.postMessage(request, columnBuffers(request.columns));
      })
    : null;
  const reply = fromWorker ?? (await import('./analysis-job.ts')).analyzeColumns({ ...request, columns: packResults(results) });
  const out: AdvantageRow[] = [];
  const advantageOf = new Map<number, number>();
  const a = reply.advantages;
  const n = a.rows.length;
  for (let i = 0; i < n; i += SLICE) {
    if (i > 0) await yieldTask();
    const end = Math.min(n, i + SLICE);
    out.push(...unpackAdvantages(a, i, end));
    for (let j = i; j < end; j++) advantageOf.set(resultKey(a.rows[j]!, a.sampleIndex[j]!), a.advantages[j]!);
  }
  return { report: reply.report, advantages: out, advantageOf };
}
