/**
 * CaseRunner: re-checks a workspace's test cases on a grader worker while the user types. Cases go to the
 * worker as one batch of dataset lines (`gradeLines`, the dataset pool's call), so nothing new crosses the
 * sandbox boundary and the reply is checked as the pool checks it (boundary.ts). As LiveRunner: one batch in
 * flight and one waiting, a newer request replaces the waiting one (which resolves as stale), a batch that runs
 * past its time limit has its worker killed, and a workspace from elsewhere gets a worker of its own.
 */
import * as Comlink from 'comlink';
import type { EngineSettings } from '../engine/types.ts';
import { checkBatchResponse, checkProgress, checkRow } from './boundary.ts';
import type { GraderHost, WorkerHandle } from './host.ts';
import type { Realm } from './live-runner.ts';
import { joinBatchTexts, type BatchRequest, type BatchResponse, type ModelCall, type RunProgress } from './protocol.ts';
import { RunClock, StartupBudget } from './run-clock.ts';

export interface CaseJob {
  grader: string;
  settings: EngineSettings;
  /** One dataset line per case (`caseLine` in engine/tests/cases-file.ts). */
  lines: string[];
  /** Time limit for one case. */
  caseTimeoutMs: number;
  onModel?: ModelCall | undefined;
}

export type CaseOutcome =
  | { status: 'done'; response: BatchResponse }
  | { status: 'timeout'; line: number; response: BatchResponse }
  | { status: 'stale' };

interface Pending {
  job: CaseJob;
  realm: Realm;
  id: number;
  resolve: (o: CaseOutcome) => void;
}

interface Slot {
  realm: Realm;
  worker: Promise<WorkerHandle>;
  handle?: WorkerHandle;
  budget: StartupBudget;
}

export class CaseRunner {
  private slot: Slot | null = null;
  private inFlight: Pending | null = null;
  private waiting: Pending | null = null;
  private nextId = 1;
  private latestId = 0;

  constructor(private readonly host: GraderHost) {}

  run(job: CaseJob, realm: Realm = 'own'): Promise<CaseOutcome> {
    const id = this.nextId++;
    this.latestId = id;
    return new Promise((resolve) => {
      if (this.waiting) this.waiting.resolve({ status: 'stale' });
      this.waiting = { job, realm, id, resolve };
      this.pump();
    });
  }

  private pump() {
    if (this.inFlight || !this.waiting) return;
    const p = (this.inFlight = this.waiting);
    this.waiting = null;
    void this.execute(p).then((o) => {
      this.inFlight = null;
      p.resolve(p.id < this.latestId && this.waiting ? { status: 'stale' } : o);
      this.pump();
    });
  }

  /** The worker for a realm: a foreign workspace never shares one with another workspace. */
  private slotFor(realm: Realm): Slot {
    if (this.slot && this.slot.realm !== realm) this.discard();
    if (!this.slot) {
      const slot: Slot = {
        realm,
        budget: new StartupBudget(),
        worker: this.host.spawn().then(async (h) => {
          slot.handle = h;
          await h.ready;
          return h;
        }),
      };
      slot.worker.catch(() => {
        if (this.slot === slot) this.slot = null;
      });
      this.slot = slot;
    }
    return this.slot;
  }

  private discard() {
    const s = this.slot;
    this.slot = null;
    if (!s) return;
    if (s.handle) this.host.kill(s.handle);
    else s.worker.then((h) => this.host.kill(h)).catch(() => undefined);
  }

  private async execute(p: Pending): Promise<CaseOutcome> {
    const { job } = p;
    const rows = new Set(job.lines.map((_, i) => i));
    if (rows.size === 0) return { status: 'done', response: { results: [], rowErrors: [] } };
    const slot = this.slotFor(p.realm);
    let handle: WorkerHandle;
    try {
      handle = await slot.worker;
    } catch (e) {
      return { status: 'done', response: { results: [], rowErrors: [], graderError: `The grader worker did not start: ${e instanceof Error ? e.message : String(e)}` } };
    }
    let fire: () => void = () => undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (fire = () => resolve('timeout')));
    const clock = new RunClock(job.caseTimeoutMs + 5_000, slot.budget, () => fire());
    let open = true;
    let current = 0;
    const onRow = Comlink.proxy((raw: unknown) => {
      if (!open) return;
      try {
        const row = checkRow(raw, rows);
        if (row < current) return; // lines start once and in order: a grader cannot re-arm its limit
        current = row;
        clock.restart(job.caseTimeoutMs);
      } catch {
        // not one of this batch's lines: ignored
      }
    });
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
      ? Comlink.proxy((operation: unknown, body: unknown) => (open ? model(operation as never, body) : Promise.reject(new Error('these tests have been re-run: this call is no longer answered'))))
      : undefined;
    const request: BatchRequest = { grader: job.grader, settings: job.settings, rows: job.lines.map((_, line) => line), text: joinBatchTexts(job.lines), reportEveryRow: true };
    try {
      const raw = await Promise.race([
        handle.api.gradeLines(request, onRow as (row: number) => void, onModel as ModelCall | undefined, onProgress as (p: RunProgress) => void),
        timedOut,
      ]);
      if (raw === 'timeout') {
        this.replace(handle);
        return { status: 'timeout', line: current, response: { results: [], rowErrors: [] } };
      }
      return { status: 'done', response: checkBatchResponse(raw, rows) };
    } catch (e) {
      this.replace(handle);
      return { status: 'done', response: { results: [], rowErrors: [], graderError: `The grader worker stopped: ${e instanceof Error ? e.message : String(e)}` } };
    } finally {
      open = false;
      clock.stop();
    }
  }

  private replace(handle: WorkerHandle) {
    if (this.slot?.handle === handle) this.slot = null;
    this.host.kill(handle);
  }

  dispose() {
    this.discard();
  }
}
