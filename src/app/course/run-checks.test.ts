import { describe, expect, it } from 'vitest';
import type { CourseStep } from '../../gallery/course/types.ts';
import type { CaseJob, CaseOutcome, CaseRunner } from '../../worker/case-runner.ts';
import { recordedJudge, runStepChecks } from './run-checks.ts';

const step: CourseStep = {
  id: 's',
  title: 'S',
  body: ['b'],
  goal: 'goal text',
  edit: 'grader',
  grader: { type: 'string_check', name: 'x', input: '{{ sample.output_text }}', reference: 'a', operation: 'eq' },
  item: { answer: 'a' },
  checks: [
    { what: 'good', sample: 'a', expect: { kind: 'range', min: 1 } },
    { what: 'hedge', sample: 'a or b', expect: { kind: 'range', max: 0 }, hack: true },
    { what: 'judged', sample: 'a', expect: { kind: 'range', min: 1 }, hidden: true, judgeReply: '{"result": 1}' },
  ],
  solution: {},
  why: ['w'],
};

/** A runner that gives every line the reward `reward(sampleText, hasModel)`, and logs the jobs. */
function fakeRunner(reward: (sample: string, model: boolean) => number, stale = false) {
  const jobs: CaseJob[] = [];
  const runner = {
    async run(job: CaseJob): Promise<CaseOutcome> {
      jobs.push(job);
      if (stale) return { status: 'stale' };
      const results = job.lines.map((l, row) => ({ row, sampleIndex: 0, reward: reward((JSON.parse(l) as { sample: string }).sample, !!job.onModel), flags: [] }));
      return { status: 'done', response: { results, rowErrors: [] } };
    },
  };
  return { runner: runner as unknown as CaseRunner, jobs };
}

describe('runStepChecks', () => {
  it('runs the visible checks in one batch, with no model', async () => {
    const { runner, jobs } = fakeRunner(() => 1);
    const r = await runStepChecks(runner, step, JSON.stringify(step.grader), false);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.lines).toHaveLength(2);
    expect(jobs[0]!.onModel).toBeUndefined();
    expect(r!.visible.map((v) => [v.what, v.pass])).toEqual([
      ['good', true],
      ['hedge', false],
    ]);
    expect(r!.hiddenRun).toBe(0);
  });

  it('checking the answer adds the hidden checks, judged by their recorded reply', async () => {
    const { runner, jobs } = fakeRunner((_s, model) => (model ? 0 : 1));
    const r = await runStepChecks(runner, step, JSON.stringify(step.grader), true);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.onModel).toBeTypeOf('function');
    expect(r!.hiddenFailures).toEqual(['a hidden case failed: judged scored 0']);
  });

  it('an overtaken run reports nothing', async () => {
    const { runner } = fakeRunner(() => 1, true);
    expect(await runStepChecks(runner, step, '{}', true)).toBeNull();
  });

  it('a recorded judge answers chat completions with the reply, and refuses embeddings', async () => {
    const call = recordedJudge('{"result": 0.5}');
    const res = await call('chat.completions', { messages: [] });
    expect((res.json as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe('{"result": 0.5}');
    await expect(call('embeddings', {})).rejects.toThrow(/embeddings/);
  });
});
