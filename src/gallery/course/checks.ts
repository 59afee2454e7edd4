/**
 * A course step's checks as test cases (engine/tests), and their verdicts as the step reports them: every
 * visible check with its reason, and each failed hidden check as one sentence that names what the sample is
 * but never shows it ("a hidden case failed: a hedging answer scored 1"). Shared by the app, the embed and the
 * tests, so all judge the same way. Pure: it never grades.
 */
import type { CaseResult, SuiteResult, TestCase } from '../../engine/tests/types.ts';
import type { CourseCheck, CourseStep } from './types.ts';

/** The text the learner starts with: the grader as 2-space JSON, or the python source. */
export function startText(step: CourseStep): string {
  return step.edit === 'source' ? String(step.grader.source ?? '') : JSON.stringify(step.grader, null, 2);
}

/** The worked solution as the learner's editor would hold it. */
export function solutionText(step: CourseStep): string {
  return typeof step.solution === 'string' ? step.solution : JSON.stringify(step.solution, null, 2);
}

/** The grader JSON text an answer stands for: the answer itself, or the step's python grader with this source. */
export function graderText(step: CourseStep, answer: string): string {
  return step.edit === 'source' ? JSON.stringify({ ...step.grader, source: answer }, null, 2) : answer;
}

/** The checks that run: the visible ones, plus the hidden ones when the learner asks to check the answer. */
export function runnableChecks(step: CourseStep, withHidden: boolean): CourseCheck[] {
  return step.checks.filter((c) => withHidden || !c.hidden);
}

/** The item text the checks default to. */
export function itemText(step: CourseStep): string {
  return JSON.stringify(step.item, null, 2);
}

/** Checks as test cases named by what they are (a `below` expectation names another check the same way). */
export function checkCases(checks: readonly CourseCheck[]): TestCase[] {
  return checks.map((c) => ({
    name: c.what,
    sample: JSON.stringify(c.sample, null, 2),
    ...(c.item ? { item: JSON.stringify(c.item, null, 2) } : {}),
    expect: c.expect,
  }));
}

/**
 * Checks grouped by the judge reply they need: each group is graded with that recorded reply answering every
 * model call (no reply: no model). Indices point into `checks`.
 */
export function judgeGroups(checks: readonly CourseCheck[]): { reply: string | undefined; indices: number[] }[] {
  const groups = new Map<string | undefined, number[]>();
  checks.forEach((c, i) => {
    const g = groups.get(c.judgeReply) ?? [];
    g.push(i);
    groups.set(c.judgeReply, g);
  });
  return [...groups].map(([reply, indices]) => ({ reply, indices }));
}

export interface VisibleVerdict {
  what: string;
  pass: boolean;
  reward?: number;
  reason: string;
}

export interface StepReport {
  visible: VisibleVerdict[];
  /** One sentence per failed hidden check, without its sample. */
  hiddenFailures: string[];
  /** Hidden checks that ran (0 when only the visible ones ran). */
  hiddenRun: number;
  /** Every check that ran passed. */
  passed: boolean;
}

const fmt = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** "a hidden case failed: a hedging answer scored 1", or why it could not be graded. */
export function hiddenMessage(what: string, r: CaseResult): string {
  if (r.reward === undefined) return `a hidden case failed: ${what} could not be graded`;
  const errored = r.flags.length ? ` (the grade failed: ${r.flags.join(', ')})` : '';
  return `a hidden case failed: ${what} scored ${fmt(r.reward)}${errored}`;
}

/** A `clean` check fails when the grade set an error flag, whatever the reward. */
function cleanVerdict(c: CourseCheck, r: CaseResult): CaseResult {
  if (!c.clean || r.verdict === 'fail' || r.flags.length === 0) return r;
  return { ...r, verdict: 'fail', reason: `expected no error, but the grade failed: ${r.flags.join(', ')}` };
}

/** The report of a run of `checks` (as given to checkCases, same order). */
export function stepReport(checks: readonly CourseCheck[], suite: SuiteResult): StepReport {
  const visible: VisibleVerdict[] = [];
  const hiddenFailures: string[] = [];
  let hiddenRun = 0;
  let failed = 0;
  checks.forEach((c, i) => {
    const r = cleanVerdict(c, suite.results[i]!);
    if (r.verdict === 'fail') failed++;
    if (c.hidden) {
      hiddenRun++;
      if (r.verdict === 'fail') hiddenFailures.push(hiddenMessage(c.what, r));
    } else {
      visible.push({ what: c.what, pass: r.verdict === 'pass', ...(r.reward !== undefined ? { reward: r.reward } : {}), reason: r.reason });
    }
  });
  return { visible, hiddenFailures, hiddenRun, passed: failed === 0 };
}
