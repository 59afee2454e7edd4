/**
 * The live run state behind the result panel: sends the workspace to the grader worker on every edit (no
 * debounce: LiveRunner coalesces, so the newest edit always wins) and keeps the last good result to show
 * dimmed while a document does not parse. The one exception is a grader that calls the model endpoint: each of
 * its runs is a paid call, so it waits for the edits to pause (`runAfterPause`) instead of running per keystroke.
 */
import type { RunResult } from '../../engine/types.ts';
import type { ValidationProblem } from '../../engine/validate.ts';
import type { LiveRunner, Realm } from '../../worker/live-runner.ts';
import type { DocError, ModelCall, RunRequest } from '../../worker/protocol.ts';
import { registerLongTexts } from '../text/long-texts.ts';
import { firstResultShown } from '../editor/load.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export class RunState {
  status = $state<RunStatus>('idle');
  result = $state<RunResult | null>(null);
  /** True when `result` is from an earlier edit (the current documents do not parse). */
  outdated = $state(false);
  docErrors = $state<DocError[]>([]);
  problems = $state<ValidationProblem[]>([]);
  /** Milliseconds from the edit to the result, for the status line. */
  latencyMs = $state<number | null>(null);
  runs = $state(0);
  /** Set while Pyodide or packages load for longer than a moment (the first python grader). */
  loading = $state(false);
  /** Set when a run has taken longer than a moment: the result shown is then marked as from before the edit. */
  slow = $state(false);
  /** Set while a run that calls the model waits for the edits to pause (`runAfterPause`). */
  waiting = $state(false);
  private pending = 0;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly runner: LiveRunner) {}

  /**
   * Runs once no newer run was asked for during `pauseMs` (a newer `run` or `runAfterPause` replaces it): for
   * graders whose every run costs a model call, typing must not spend one per keystroke.
   */
  runAfterPause(pauseMs: number, request: RunRequest, timeoutMs: number, onModel?: ModelCall, realm: Realm = 'own') {
    this.cancelPause();
    this.waiting = true;
    this.status = 'running';
    this.pauseTimer = setTimeout(() => void this.run(request, timeoutMs, onModel, realm), pauseMs);
  }

  private cancelPause() {
    clearTimeout(this.pauseTimer);
    this.waiting = false;
  }

  async run(request: RunRequest, timeoutMs: number, onModel?: ModelCall, realm: Realm = 'own') {
    this.cancelPause();
    const t0 = performance.now();
    this.status = 'running';
    this.pending++;
    // Fast runs (most graders: a few ms) must not make the result flicker; only a run that lasts marks it stale.
    if (this.pending === 1) this.slowTimer = setTimeout(() => (this.slow = true), 250);
    let slow: ReturnType<typeof setTimeout> | undefined;
    const outcome = await this.runner.run(request, timeoutMs, (phase) => {
      clearTimeout(slow);
      // Only a load that lasts is worth a message; a warm interpreter reports 'loading' then 'exec' at once.
      if (phase === 'loading') slow = setTimeout(() => (this.loading = true), 300);
      else this.loading = false;
    }, onModel, realm);
    clearTimeout(slow);
    this.loading = false;
    if (--this.pending === 0) {
      clearTimeout(this.slowTimer);
      this.slow = false;
    }
    if (outcome.status === 'stale') return;
    const { response } = outcome;
    this.docErrors = response.docErrors;
    this.problems = response.problems;
    this.latencyMs = performance.now() - t0;
    this.runs++;
    if (response.result) {
      registerLongTexts(response.texts);
      this.result = response.result;
      this.outdated = false;
      this.status = 'done';
    } else {
      this.outdated = this.result !== null;
      this.status = 'error';
    }
    if (this.runs === 1) performance.mark('gp:first-result');
    firstResultShown(); // the code editor's load waited for this (editor/load.ts)
  }
}
