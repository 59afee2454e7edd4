/**
 * The Tests panel's state: re-checks the workspace's cases on a grader worker (CaseRunner, off the main thread)
 * whenever the grader, the item, the settings or the cases change, and keeps the newest verdicts. It decides no
 * score: the worker grades, engine/tests/expect.ts checks.
 */
import { untrack } from 'svelte';
import { checkCases, passThresholdOf } from '../../engine/tests/expect.ts';
import { caseLine } from '../../engine/tests/cases-file.ts';
import type { SuiteResult, TestCase } from '../../engine/tests/types.ts';
import type { EngineSettings } from '../../engine/types.ts';
import type { CaseRunner } from '../../worker/case-runner.ts';
import type { Realm } from '../../worker/live-runner.ts';
import type { ModelCall } from '../../worker/protocol.ts';
import { runsFromOutcome } from './batch-runs.ts';

export interface CheckRequest {
  grader: string;
  item: string;
  settings: EngineSettings;
  cases: readonly TestCase[];
  caseTimeoutMs: number;
  realm: Realm;
  onModel?: ModelCall | undefined;
}

export class TestsState {
  suite = $state.raw<SuiteResult | null>(null);
  running = $state(false);
  /** Milliseconds from the request to the verdicts shown, for the status line and the benchmark. */
  latencyMs = $state<number | null>(null);
  /** Counts finished checks (the e2e tests and the bench wait on it). */
  checks = $state(0);
  /** Bumped at every edit (`edited`); `suite` was checked at edit `checkedEdit`. */
  private edit = $state(0);
  private checkedEdit = $state(-1);
  /** The verdicts shown are from before the last edit (a model grader is not re-checked at every edit). */
  get stale(): boolean {
    return this.suite !== null && this.checkedEdit !== this.edit;
  }
  private pending = 0;

  constructor(private readonly runner: CaseRunner) {}

  /** The documents or cases changed. */
  edited() {
    this.edit++;
  }

  async check(req: CheckRequest) {
    const t0 = performance.now();
    // Untracked: check() runs inside the panel's effect, which must not depend on the edit counter it bumps.
    const edit = untrack(() => this.edit);
    const cases = [...req.cases];
    this.pending++;
    this.running = true;
    const outcome = await this.runner.run(
      { grader: req.grader, settings: req.settings, lines: cases.map((c) => caseLine(c, req.item)), caseTimeoutMs: req.caseTimeoutMs, onModel: req.onModel },
      req.realm,
    );
    if (--this.pending === 0) this.running = false;
    if (outcome.status === 'stale') return;
    this.suite = checkCases(cases, runsFromOutcome(cases.length, outcome, req.caseTimeoutMs), passThresholdOf(req.grader));
    this.checkedEdit = edit;
    this.latencyMs = performance.now() - t0;
    this.checks++;
  }
}
