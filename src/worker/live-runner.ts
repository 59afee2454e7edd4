/**
 * LiveRunner: runs the editors' current state on one worker while the user types. At most one run is in flight
 * and one waits; a newer request replaces the waiting one (which resolves as stale), so only the newest result
 * is ever shown. A run that overruns its time limit kills the worker and a fresh one takes its place.
 *
 * The sandbox is untrusted: its replies and callback arguments are checked (boundary.ts), a run's callbacks stop
 * answering when the run ends, start-up time is bounded per worker (run-clock.ts), and a workspace that came from
 * elsewhere (a link, a file, #url=) runs in a worker of its own, discarded when another workspace runs.
 */
import { failure, noErrors, toRunResult } from '../engine/result.ts';
import type { GraderHost, WorkerHandle } from './host.ts';
import * as Comlink from 'comlink';
import { BoundaryError, checkProgress, checkRunResponse } from './boundary.ts';
import type { ModelCall, RunProgress, RunRequest, RunResponse } from './protocol.ts';
import { RunClock, StartupBudget } from './run-clock.ts';

/**
 * Which workers a run may share: 'own' for the user's own workspaces; `foreign:<workspace id>` for one that came
 * from elsewhere, which never shares a worker with any other workspace.
 */
export type Realm = 'own' | `foreign:${string}`;

export type LiveOutcome = { status: 'done'; id: number; response: RunResponse } | { status: 'stale'; id: number };

interface Pending {
  id: number;
  request: RunRequest;
  timeoutMs: number;
  realm: Realm;
  onProgress?: ((p: RunProgress) => void) | undefined;
  onModel?: ModelCall | undefined;
  resolve: (o: LiveOutcome) => void;
}

interface Slot {
  realm: Realm;
  worker: Promise<WorkerHandle>;
  /** The worker, once it started. */
  handle?: WorkerHandle;
  budget: StartupBudget;
  /** Python starting ahead of need (warmPython), and whether it has finished. */
  warming?: Promise<void>;
  warmed?: boolean;
}

/** Python server errors that mean the interpreter is gone (os._exit, a fatal error): the worker is replaced. */
const DEAD_INTERPRETER = new Set(['crashed', 'startup']);

export class LiveRunner {
  /** The user's own workspaces' worker, and the one of the foreign workspace being run, if any. */
  private own: Slot | null = null;
  private foreign: Slot | null = null;
  private inFlight: Pending | null = null;
  private waiting: Pending | null = null;
  private nextId = 1;
  private latestId = 0;

  constructor(
    private readonly host: GraderHost,
    private readonly options: { startupBudgetMs?: number; firstStartMs?: number } = {},
  ) {}

  private spawnSlot(realm: Realm): Slot {
    const slot: Slot = {
      realm,
      budget: new StartupBudget(this.options.startupBudgetMs, this.options.firstStartMs),
      worker: this.host.spawn().then(async (h) => {
        slot.handle = h;
        await h.ready;
        return h;
      }),
    };
    slot.worker.catch(() => this.drop(slot));
    return slot;
  }

  /** The slot for a realm; a foreign workspace's worker is discarded as soon as another workspace runs. */
  private slotFor(realm: Realm): Slot {
    if (this.foreign && this.foreign.realm !== realm) this.discard(this.foreign);
    if (realm === 'own') return (this.own ??= this.spawnSlot('own'));
    return (this.foreign ??= this.spawnSlot(realm));
  }

  private drop(slot: Slot) {
    if (this.own === slot) this.own = null;
    if (this.foreign === slot) this.foreign = null;
  }

  private discard(slot: Slot) {
    this.drop(slot);
    if (slot.handle) this.host.kill(slot.handle);
    else slot.worker.then((h) => this.host.kill(h)).catch(() => undefined);
  }

  /** Warm up the worker of the user's own workspaces before the first run. */
  warm(): Promise<unknown> {
    return this.slotFor('own').worker.catch(() => undefined);
  }

  /**
   * Start Python in the own workspaces' worker ahead of a python grader (the app calls this when idle). Only a
   * worker that exists already: it never starts one, and never touches a foreign workspace's worker.
   */
  warmPython(): Promise<void> {
    const own = this.own;
    if (!own) return Promise.resolve();
    own.warming ??= own.worker
      .then((h) => h.api.preparePython())
      .catch(() => undefined)
      .finally(() => (own.warmed = true));
    return own.warming;
  }

  run(request: RunRequest, timeoutMs: number, onProgress?: (p: RunProgress) => void, onModel?: ModelCall, realm: Realm = 'own'): Promise<LiveOutcome> {
    const id = this.nextId++;
    this.latestId = id;
    return new Promise<LiveOutcome>((resolve) => {
      const p: Pending = { id, request, timeoutMs, realm, resolve, onProgress, onModel };
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
    const slot = this.slotFor(p.realm);
    let handle: WorkerHandle;
    try {
      handle = await slot.worker;
    } catch (e) {
      return startFailure(e);
    }
    let fire: (v: 'timeout') => void = () => undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (fire = resolve));
    const clock = new RunClock(p.timeoutMs, slot.budget, () => fire('timeout'));
    // The callbacks answer only while this run lasts: a grader that kept a reference gets nothing later.
    let open = true;
    let reported = false;
    // While Python starts ahead of need, the worker's thread can be busy for seconds before it reads this run:
    // that wait is start-up (the worker's budget), not the run's limit, until Python is up or the worker reports.
    if (slot.warming && !slot.warmed) {
      clock.report('loading');
      void slot.warming.then(() => {
        if (open && !reported) clock.report('exec');
      });
    }
    const onProgress = Comlink.proxy((raw: unknown) => {
      if (!open) return;
      reported = true;
      let phase: RunProgress;
      try {
        phase = checkProgress(raw);
      } catch {
        return;
      }
      clock.report(phase);
      p.onProgress?.(phase);
    });
    const model = p.onModel;
    const onModel = model
      ? Comlink.proxy((operation: unknown, body: unknown) =>
          open ? model(operation as never, body) : Promise.reject(new Error('this run has ended: its model calls are no longer answered')),
        )
      : undefined;
    try {
      const r = await Promise.race([handle.api.run(p.request, onProgress as (p: RunProgress) => void, onModel as ModelCall | undefined), timedOut]);
      if (r === 'timeout') {
        this.replace(slot, handle);
        return timeoutResponse(p.request, p.timeoutMs);
      }
      const response = checkRunResponse(r);
      const type = response.result?.metadata.errors.python_grader_server_error_type;
      if (typeof type === 'string' && DEAD_INTERPRETER.has(type)) this.replace(slot, handle);
      return response;
    } catch (e) {
      // The worker died (crash, out of memory) or sent what the protocol does not allow: replace it and report.
      this.replace(slot, handle);
      return e instanceof BoundaryError ? malformedReply(e) : startFailure(e);
    } finally {
      open = false;
      clock.stop();
    }
  }

  /** Kill a slot's worker; the user's own realm gets a fresh one at once (warm for the next run). */
  private replace(slot: Slot, handle: WorkerHandle) {
    this.drop(slot);
    this.host.kill(handle);
    if (slot.realm === 'own') void this.warm();
  }

  dispose() {
    if (this.own) this.discard(this.own);
    if (this.foreign) this.discard(this.foreign);
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

function malformedReply(e: BoundaryError): RunResponse {
  const message = `The grader's sandbox sent a reply the app does not accept (${e.message}), so its worker was stopped; the next run starts a fresh one.`;
  const outcome = failure('', { flag: 'other_error', message });
  return { docErrors: [], problems: [], result: toRunResult(outcome, { name: '', type: '', seconds: 0 }) };
}

function startFailure(e: unknown): RunResponse {
  const message = `The grader worker stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`;
  const outcome = failure('', { flag: 'other_error', message });
  outcome.errors = { ...noErrors(), other_error: true };
  return { docErrors: [], problems: [], result: toRunResult(outcome, { name: '', type: '', seconds: 0 }) };
}
