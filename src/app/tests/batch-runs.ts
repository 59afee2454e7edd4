/**
 * How the worker's reply to a batch of test cases reads as one CaseRun per case: a graded sample gives its
 * reward and flags, a line the worker could not read (its JSON) or a grader that is invalid fails the case with
 * the message, and a timed-out batch marks the case it was on. Pure: no Svelte, no worker.
 */
import type { CaseRun } from '../../engine/tests/types.ts';
import type { CaseOutcome } from '../../worker/case-runner.ts';

export function runsFromOutcome(count: number, outcome: Exclude<CaseOutcome, { status: 'stale' }>, caseTimeoutMs: number): (CaseRun | undefined)[] {
  const runs: (CaseRun | undefined)[] = new Array(count).fill(undefined);
  const { response } = outcome;
  if (response.graderError) return runs.map(() => ({ reward: 0, flags: ['invalid_case'], message: response.graderError! }));
  for (const r of response.results) {
    if (r.sampleIndex !== 0 || r.row < 0 || r.row >= count) continue;
    runs[r.row] = { reward: r.reward, flags: r.flags, ...(r.message ? { message: r.message } : {}) };
  }
  for (const e of response.rowErrors) {
    if (e.row >= 0 && e.row < count) runs[e.row] = { reward: 0, flags: ['invalid_case'], message: `the case could not be read: ${e.message}` };
  }
  if (outcome.status === 'timeout' && outcome.line < count) {
    runs[outcome.line] = {
      reward: 0,
      flags: ['unresponsive_reward_error'],
      message: `it did not finish within ${caseTimeoutMs / 1000} s, so its worker was stopped`,
    };
  }
  return runs;
}
