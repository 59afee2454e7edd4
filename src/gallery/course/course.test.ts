/**
 * The course's claims, checked through the real engine: every step's worked solution passes all its checks
 * (visible and hidden), its starting workspace does not, every step has a visible in-range check, a visible
 * hacking check and a hidden one, and links between steps resolve. Python runs on Pyodide, METEOR on WordNet,
 * model judges on their recorded replies (no model is called). One Python runtime for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handJudgeRuntime } from '../../engine/model/hand.ts';
import { nodeDataRuntime } from '../../engine/node-data.ts';
import { createNodePythonRuntime } from '../../engine/python/node.ts';
import type { SupervisedPythonRuntime } from '../../engine/python/supervisor.ts';
import { checkCases as checkExpectations, passThresholdOf } from '../../engine/tests/expect.ts';
import { gradeCase } from '../../engine/tests/run.ts';
import type { CaseRun } from '../../engine/tests/types.ts';
import { validateGrader } from '../../engine/validate.ts';
import { checkCases, graderText, itemText, solutionText, startText, stepReport, type StepReport } from './checks.ts';
import { COURSE, findStep, linkedPaths, neighbours, STEPS } from './index.ts';
import type { CourseStep } from './types.ts';

let python: SupervisedPythonRuntime;
const data = nodeDataRuntime();

beforeAll(async () => {
  python = createNodePythonRuntime();
  await python.prepare();
}, 180_000);

afterAll(() => python.close());

/** Grade every check (visible and hidden) as the app does, each with its recorded judge reply. */
async function report(step: CourseStep, answer: string): Promise<StepReport> {
  const cases = checkCases(step.checks);
  const grader = JSON.parse(graderText(step, answer)) as unknown;
  const runs: CaseRun[] = [];
  for (const [i, c] of cases.entries()) {
    const reply = step.checks[i]!.judgeReply;
    runs.push(await gradeCase(grader, c, itemText(step), { runtime: { python, data, ...(reply !== undefined ? { model: handJudgeRuntime(reply) } : {}) } }));
  }
  return stepReport(step.checks, checkExpectations(cases, runs, passThresholdOf(graderText(step, answer))));
}

describe('the course', () => {
  it('has at least 20 steps in chapters covering the topics, with unique paths', () => {
    expect(STEPS.length).toBeGreaterThanOrEqual(20);
    expect(COURSE.map((c) => c.id)).toEqual(['documents', 'string-check', 'text-similarity', 'python', 'judges', 'multi', 'ast', 'hacking', 'dataset', 'advantages', 'dry-run', 'trainer']);
    expect(new Set(STEPS.map((s) => s.path)).size).toBe(STEPS.length);
    const metrics = COURSE.find((c) => c.id === 'text-similarity')!.steps.map((s) => (s.solution as { evaluation_metric?: string }).evaluation_metric);
    for (const m of ['fuzzy_match', 'bleu', 'gleu', 'meteor']) expect(metrics).toContain(m);
    expect(metrics.some((m) => m?.startsWith('rouge'))).toBe(true);
  });

  it('finds steps by path, and walks them in order', () => {
    const first = STEPS[0]!;
    expect(findStep(first.path)).toBe(first);
    expect(findStep('nope/nothing')).toBeUndefined();
    expect(neighbours(first.path).previous).toBeUndefined();
    expect(neighbours(first.path).next).toBe(STEPS[1]);
    expect(neighbours(STEPS.at(-1)!.path).next).toBeUndefined();
  });

  it('links only to steps that exist, and steps link into each other', () => {
    let links = 0;
    for (const r of STEPS) {
      for (const p of [...r.step.body, ...r.step.why]) {
        for (const path of linkedPaths(p)) {
          expect(findStep(path), `${r.path} links to ${path}`).toBeDefined();
          links++;
        }
      }
    }
    expect(links).toBeGreaterThanOrEqual(5);
  });
});

describe.each(STEPS.map((r) => [r.path, r.step] as const))('%s', (_path, step) => {
  it('has a goal, short paragraphs, a visible in-range check, a visible hacking check and a hidden check', () => {
    expect(step.goal.length).toBeGreaterThan(10);
    for (const p of [...step.body, ...step.why]) {
      expect(p.length).toBeLessThan(500);
      expect((p.match(/`/g) ?? []).length % 2, p).toBe(0);
    }
    expect(step.why.length).toBeGreaterThan(0);
    const visible = step.checks.filter((c) => !c.hidden);
    expect(visible.some((c) => !c.hack && (c.expect.kind === 'range' || c.expect.kind === 'exact'))).toBe(true);
    expect(visible.some((c) => c.hack)).toBe(true);
    for (const c of step.checks.filter((c) => c.hack)) {
      const e = c.expect;
      const low = e.kind === 'below' || (e.kind === 'range' && e.max !== undefined && e.max <= 0.5) || (e.kind === 'exact' && e.reward <= 0.5) || (e.kind === 'passes' && !e.passes);
      expect(low, c.what).toBe(true);
    }
    expect(step.checks.some((c) => c.hidden)).toBe(true);
    expect(new Set(step.checks.map((c) => c.what)).size).toBe(step.checks.length);
  });

  it('starts and ends with a valid grader', () => {
    for (const text of [startText(step), solutionText(step)]) {
      const v = validateGrader(JSON.parse(graderText(step, text)));
      expect(v.ok, JSON.stringify(v.problems)).toBe(true);
    }
  });

  it('its worked solution passes every check, visible and hidden', async () => {
    const r = await report(step, solutionText(step));
    expect({ visible: r.visible.filter((v) => !v.pass), hidden: r.hiddenFailures }).toEqual({ visible: [], hidden: [] });
    expect(r.passed).toBe(true);
  });

  it('its starting workspace does not', async () => {
    const r = await report(step, startText(step));
    expect(r.passed).toBe(false);
  });
});
