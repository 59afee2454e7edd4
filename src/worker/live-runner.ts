/**
 * LiveRunner: runs the editors' current state on one worker while the user types. At most one run is in flight
 * and one waits; a newer request replaces the waiting one (which resolves as stale), so only the newest result
 * is ever shown. A run that overruns its time limit kills the worker and a fresh one takes its place.
 */
import { failure, noErrors, toRunResult } from '../engine/result.ts';
import type { GraderHost, WorkerHandle } from './host.ts';
import * as Comlink from 'comlink';
import type { ModelCall, RunProgress, RunRequest, RunResponse } from './protocol.ts';

/** How long starting Pyodide and loading packages may take before the run counts as stuck. */
const STARTUP_LIMIT_MS = 120_000;

export type LiveOutcome = { status: 'done'; id: number; response: RunResponse } | { status: 'stale'; id: number };

interface Pending {
  id: number;
  request: RunRequest;
  timeoutMs: number;
  onProgress?: ((p: RunProgress) => void) | undefined;
  onModel?: ModelCall | undefined;
  resolve: (o: LiveOutcome) => void;
}

export class LiveRunner {
  private worker: Promise<WorkerHandle> | null = null;
  private inFlight: Pending | null = null;
  private waiting: Pending | null = null;
  private nextId = 1;
  private latestId = 0;

  constructor(private readonly host: GraderHost) {}

  private getWorker(): Promise<WorkerHandle> {
    if (!this.worker) {
      this.worker = this.host.spawn().then(async (h) => {
        await h.ready;
        return h;
      });
      this.worker.catch(() => (this.worker = null));
    }
    return this.worker;
  }

  /** Warm up the worker before the first run. */
  warm(): Promise<unknown> {
    return this.getWorker().catch(() => undefined);
  }

  run(request: RunRequest, timeoutMs: number, onProgress?: (p: RunProgress) => void, onModel?: ModelCall): Promise<LiveOutcome> {
    const id = this.nextId++;
    this.latestId = id;
    return new Promise<LiveOutcome>((resolve) => {
      const p: Pending = { id, request, timeoutMs, resolve, onProgress, onModel };
      if (this.waiting) this.waiting.resolve({ status: 'stale', id: this.waiting.id });
      this.waiting = p;
      this.pump();
    });
  }

  private pump() {
    if (this.inFlight || !this.waiting) return;
    const p = this.waiting;
    this.waiting = null;
    this.inFlight = p;
    void this.execute(p).then((response) => {
      this.inFlight = null;
      p.resolve(p.id < this.latestId && this.waiting ? { status: 'stale', id: p.id } : { status: 'done', id: p.id, response });
      this.pump();
    });
  }

  private async execute(p: Pending): Promise<RunResponse> {
    let handle: WorkerHandle;
    try {
      handle = await this.getWorker();
    } catch (e) {
      return startFailure(e);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let fire: (v: 'timeout') => void = () => undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (fire = resolve));
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => fire('timeout'), ms);
    };
    arm(p.timeoutMs);
    // Loading Pyodide or packages does not count against the grader's limit; the user's code does.
    const onProgress = Comlink.proxy((phase: RunProgress) => {
      arm(phase === 'loading' ? Math.max(STARTUP_LIMIT_MS, p.timeoutMs) : p.timeoutMs);
      p.onProgress?.(phase);
    });
    try {
      const onModel = p.onModel ? Comlink.proxy(p.onModel) : undefined;
      const r = await Promise.race([handle.api.run(p.request, onProgress, onModel), timedOut]);
      if (r !== 'timeout') return r;
      this.host.kill(handle);
      this.worker = null;
      void this.getWorker();
      return timeoutResponse(p.request, p.timeoutMs);
    } catch (e) {
      // The worker died (crash, out of memory): replace it and report.
      this.host.kill(handle);
      this.worker = null;
      return startFailure(e);
    } finally {
      clearTimeout(timer);
    }
  }

  dispose() {
    this.worker?.then((h) => this.host.kill(h)).catch(() => undefined);
  }
}

/** The grader's type and name, and whether python code runs in it: only to label a timeout result. */
function graderInfo(text: string): { type: string; name: string; python: boolean } {
  try {
    const g = JSON.parse(text) as { type?: unknown; name?: unknown; graders?: Record<string, { type?: unknown }> };
    const subs = g.graders && typeof g.graders === 'object' ? Object.values(g.graders) : [];
    return {
      type: typeof g.type === 'string' ? g.type : '',
      name: typeof g.name === 'string' ? g.name : '',
      python: g.type === 'python' || subs.some((s) => s?.type === 'python'),
    };
  } catch {
    return { type: '', name: '', python: false };
  }
}

/** The result of a run that was killed for overrunning its limit. */
export function timeoutResponse(request: RunRequest, timeoutMs: number): RunResponse {
  const { type, name, python } = graderInfo(request.grader);
  const seconds = timeoutMs / 1000;
  const message = `The grader did not finish within ${seconds} s, so its worker was stopped (the page is unaffected; the next run starts a fresh worker).`;
  const outcome =
    python
      ? failure(type, { flag: 'python_grader_server_error', message }, { errors: { python_grader_server_error_type: 'timeout' } })
      : failure(type, { flag: 'unresponsive_reward_error', message });
  return { docErrors: [], problems: [], result: toRunResult(outcome, { name, type, seconds }) };
}

function startFailure(e: unknown): RunResponse {
  const message = `The grader worker stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`;
  const outcome = failure('', { flag: 'other_error', message });
  outcome.errors = { ...noErrors(), other_error: true };
  return { docErrors: [], problems: [], result: toRunResult(outcome, { name: '', type: '', seconds: 0 }) };
}
