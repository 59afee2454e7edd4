import { describe, expect, it } from 'vitest';
import { checkCases as checkExpectations } from '../../engine/tests/expect.ts';
import { checkCases, graderText, hiddenMessage, judgeGroups, runnableChecks, solutionText, startText, stepReport } from './checks.ts';
import type { CourseCheck, CourseStep } from './types.ts';

const checks: CourseCheck[] = [
  { what: 'a good answer', sample: 'yes', expect: { kind: 'range', min: 1 } },
  { what: 'a hack', sample: 'yes yes', expect: { kind: 'range', max: 0 }, hack: true, clean: true },
  { what: 'a hedging answer', sample: { output_text: 'yes or no' }, expect: { kind: 'range', max: 0 }, hidden: true, judgeReply: 'r1' },
  { what: 'a crash', sample: 'x', expect: { kind: 'range', max: 0 }, hidden: true, clean: true, judgeReply: 'r1' },
];

const step: CourseStep = {
  id: 's',
  title: 'S',
  body: ['b'],
  goal: 'goal text',
  edit: 'source',
  grader: { type: 'python', name: 'p', source: 'def grade(sample, item):\n    return 0.0\n' },
  item: { answer: 'yes' },
  checks,
  solution: 'def grade(sample, item):\n    return 1.0\n',
  why: ['w'],
};

describe('course checks', () => {
  it('run the visible checks only, unless the answer is being checked', () => {
    expect(runnableChecks(step, false).map((c) => c.what)).toEqual(['a good answer', 'a hack']);
    expect(runnableChecks(step, true)).toHaveLength(4);
  });

  it('are test cases named by what they are; a text sample is a model output', () => {
    const cases = checkCases(checks);
    expect(cases.map((c) => c.name)).toEqual(checks.map((c) => c.what));
    expect(JSON.parse(cases[0]!.sample)).toBe('yes');
    expect(JSON.parse(cases[2]!.sample)).toEqual({ output_text: 'yes or no' });
  });

  it('group by recorded judge reply', () => {
    expect(judgeGroups(checks)).toEqual([
      { reply: undefined, indices: [0, 1] },
      { reply: 'r1', indices: [2, 3] },
    ]);
  });

  it('a python step edits only the source; the rest of the grader is fixed', () => {
    expect(startText(step)).toBe(step.grader.source);
    expect(JSON.parse(graderText(step, solutionText(step)))).toEqual({ type: 'python', name: 'p', source: step.solution });
  });

  it('report visible verdicts with reasons, and hidden failures without their samples', () => {
    const cases = checkCases(checks);
    const suite = checkExpectations(cases, [
      { reward: 1, flags: [] },
      { reward: 0, flags: ['python_grader_runtime_error'] },
      { reward: 1, flags: [] },
      { reward: 0, flags: ['python_grader_runtime_error'] },
    ], undefined);
    const r = stepReport(checks, suite);
    expect(r.visible.map((v) => [v.what, v.pass])).toEqual([
      ['a good answer', true],
      ['a hack', false],
    ]);
    expect(r.visible[1]!.reason).toContain('python_grader_runtime_error');
    expect(r.hiddenFailures).toEqual(['a hidden case failed: a hedging answer scored 1', 'a hidden case failed: a crash scored 0 (the grade failed: python_grader_runtime_error)']);
    expect(r.hiddenFailures.join(' ')).not.toContain('yes or no');
    expect(r.hiddenRun).toBe(2);
    expect(r.passed).toBe(false);
  });

  it('pass when every check that ran passed', () => {
    const visible = runnableChecks(step, false);
    const suite = checkExpectations(checkCases(visible), [{ reward: 1, flags: [] }, { reward: 0, flags: [] }], undefined);
    expect(stepReport(visible, suite)).toMatchObject({ passed: true, hiddenRun: 0, hiddenFailures: [] });
  });

  it('say when a hidden case could not be graded', () => {
    expect(hiddenMessage('an empty answer', { name: 'x', verdict: 'fail', flags: [], reason: 'not graded' })).toBe('a hidden case failed: an empty answer could not be graded');
  });
});
