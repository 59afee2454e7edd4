/**
 * Runs a course step's checks on a grader worker through CaseRunner (the Tests panel's runner: the sandbox, its
 * time limits and its boundary checks), one batch per recorded judge reply, and reads the verdicts as the step
 * reports them (gallery/course/checks.ts). Model graders never call a model: each batch's model calls are
 * answered with the check's recorded reply, as "judge by hand" answers them. No Svelte.
 */
import { handJudgeRuntime } from '../../engine/model/hand.ts';
import { caseLine } from '../../engine/tests/cases-file.ts';
import { checkCases as checkExpectations, passThresholdOf } from '../../engine/tests/expect.ts';
import type { CaseRun } from '../../engine/tests/types.ts';
import { DEFAULT_SETTINGS } from '../../engine/types.ts';
import { checkCases, graderText, itemText, judgeGroups, runnableChecks, stepReport, type StepReport } from '../../gallery/course/checks.ts';
import type { CourseStep } from '../../gallery/course/types.ts';
import type { CaseRunner } from '../../worker/case-runner.ts';
import type { ModelCall } from '../../worker/protocol.ts';
import { runsFromOutcome } from '../tests/batch-runs.ts';

/** A model call answered with a recorded judge reply (embeddings cannot be recorded this way). */
export function recordedJudge(reply: string): ModelCall {
  const judge = handJudgeRuntime(reply);
  return (operation, body) => judge.post(operation === 'embeddings' ? '/embeddings' : '/chat/completions', body);
}

/** The step's report for `answer`, or null when a newer run overtook this one. */
export async function runStepChecks(runner: CaseRunner, step: CourseStep, answer: string, withHidden: boolean, caseTimeoutMs = 30_000): Promise<StepReport | null> {
  const checks = runnableChecks(step, withHidden);
  const cases = checkCases(checks);
  const grader = graderText(step, answer);
  const item = itemText(step);
  const runs: (CaseRun | undefined)[] = new Array(cases.length).fill(undefined);
  for (const group of judgeGroups(checks)) {
    const lines = group.indices.map((i) => caseLine(cases[i]!, item));
    const outcome = await runner.run({ grader, settings: DEFAULT_SETTINGS, lines, caseTimeoutMs, onModel: group.reply === undefined ? undefined : recordedJudge(group.reply) });
    if (outcome.status === 'stale') return null;
    runsFromOutcome(lines.length, outcome, caseTimeoutMs).forEach((r, j) => (runs[group.indices[j]!] = r));
  }
  return stepReport(checks, checkExpectations(cases, runs, passThresholdOf(grader)));
}
