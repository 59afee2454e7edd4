/**
 * The lessons' claims, checked through the real engine: every step loads valid documents and a valid grader,
 * its check fails on the state the step opens with and passes once the step's solution is applied, and the
 * advantage tables show the numbers the texts quote.
 */
import { describe, expect, it } from 'vitest';
import { parseJson, toPlain } from '../engine/json.ts';
import { runGrader } from '../engine/run.ts';
import type { JsonValue } from '../engine/types.ts';
import { validateGrader } from '../engine/validate.ts';
import { advantageTable, checkState, DOC_NAMES, docTexts, type DocTexts } from './lesson-state.ts';
import { getLesson, LESSONS, type LessonStep } from './lessons.ts';

function parsed(text: string): JsonValue {
  const r = parseJson(text);
  if (!r.ok) throw new Error(`not JSON: ${r.error.message}\n${text}`);
  return r.value;
}

/** The editor texts after the step opens, optionally with its solution applied on top. */
function texts(step: LessonStep, solved: boolean): DocTexts {
  return { ...(docTexts(step.setup) as DocTexts), ...(solved ? docTexts(step.solution) : {}) };
}

/** The grader as the worker hands it to the engine: plain JS numbers (sample and item keep their lexemes). */
const graderOf = (text: string) => toPlain(parsed(text));

/** What the panel's check sees once the run of these texts has finished, as the worker runs them. */
async function judged(t: DocTexts) {
  const result = await runGrader(graderOf(t.grader), parsed(t.sample), parsed(t.item));
  return checkState(t, result);
}

describe('lessons', () => {
  it('are the seven walkthroughs, each with 3 to 5 steps and unique ids', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(['what-a-grader-sees', 'smooth-vs-pass-fail', 'reward-hacking', 'evals-first', 'change-without-breaking', 'group-advantages', 'to-a-trl-run']);
    for (const l of LESSONS) {
      expect(l.steps.length).toBeGreaterThanOrEqual(3);
      expect(l.steps.length).toBeLessThanOrEqual(5);
      expect(getLesson(l.id)).toBe(l);
      expect(l.summary).toMatch(/[.!?]$/);
    }
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
  describe.each(lesson.steps.map((s, i) => [i + 1, s.title, s] as const))('step %i: %s', (_n, _title, step) => {
    it('has short paragraphs, a task, a check and a solution', () => {
      expect(step.body.length).toBeGreaterThan(0);
      for (const p of step.body) {
        expect(p.length).toBeLessThan(400);
        // Inline code is the only markup: backticks come in pairs.
        expect((p.match(/`/g) ?? []).length % 2).toBe(0);
      }
      expect((step.task.match(/`/g) ?? []).length % 2).toBe(0);
      expect(step.task.length).toBeGreaterThan(10);
      expect(step.check).toBeTypeOf('function');
      expect(step.solution).toBeDefined();
    });

    it('loads all three documents as JSON, with a valid grader', () => {
      const t = texts(step, false);
      for (const name of DOC_NAMES) expect(t[name], name).toBeTypeOf('string');
      for (const name of DOC_NAMES) parsed(t[name]);
      // Pretty JSON with 2 spaces, as the editors show it.
      expect(t.grader).toMatch(/^\{\n {2}"type"/);
      const v = validateGrader(graderOf(t.grader));
      expect(v.ok, JSON.stringify(v.problems)).toBe(true);
      const solved = texts(step, true);
      expect(validateGrader(graderOf(solved.grader)).ok).toBe(true);
    });

    it('is not done when it opens, nor while no result is there', async () => {
      const t = texts(step, false);
      expect(step.check!(await judged(t))).toBe(false);
      expect(step.check!(checkState(texts(step, true), null))).toBe(false);
    });

    it('is done once the task is done (the solution)', async () => {
      const state = await judged(texts(step, true));
      expect(step.check!(state), JSON.stringify({ reward: state.reward, errors: state.errors, sub: state.result?.sub_rewards })).toBe(true);
    });
  });
});

describe('what the texts promise', () => {
  const step = (lesson: string, n: number) => getLesson(lesson)!.steps[n - 1]!;

  it('a near miss passes pass/fail at 0, and the smooth metric gives it partial credit', async () => {
    const near = texts(step('smooth-vs-pass-fail', 1), true);
    expect((await judged(near)).reward).toBe(0);
    const smooth = await judged(texts(step('smooth-vs-pass-fail', 2), false));
    expect(smooth.reward).toBeGreaterThan(0.7);
    expect(smooth.reward).toBeLessThan(1);
  });

  it('the hack of one step is closed by the next', async () => {
    const hedge = texts(step('reward-hacking', 2), false);
    expect((await judged(hedge)).reward).toBe(0);
    const negation = await judged(texts(step('reward-hacking', 3), true));
    const gated = step('reward-hacking', 4);
    // The gate does not catch the negation, as the text admits (the wrong day it does catch: see the step check).
    const negationGated = await judged({ ...texts(gated, false), sample: texts(step('reward-hacking', 3), true).sample });
    expect(negation.reward).toBeGreaterThan(0.8);
    expect(negationGated.reward).toBeGreaterThan(0.8);
  });

  it('fuzzy_match gives the unrelated sentence about 0.86, rouge_l much less', async () => {
    const s = step('evals-first', 3);
    const fuzzy = await judged(texts(s, false));
    expect(fuzzy.reward!).toBeGreaterThanOrEqual(0.845);
    expect(fuzzy.reward!).toBeLessThan(0.865);
    expect((await judged(texts(s, true))).reward!).toBeLessThan(0.3);
  });

  it('the advantage tables show the numbers the texts quote', () => {
    const round = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);
    expect(round(advantageTable([0, 0, 0, 1]).map((c) => c.advantage))).toEqual([-0.5, -0.5, -0.5, 1.5]);
    // The 1e-4 added to a std of 0.05 shows in the third decimal: "about −0.5".
    expect(round(advantageTable([0.9, 0.9, 0.9, 1]).map((c) => c.advantage))).toEqual([-0.499, -0.499, -0.499, 1.497]);
    expect(advantageTable([1, 1, 1, 1]).every((c) => c.advantage === 0 && c.flag === 'no-variance')).toBe(true);
    expect(round(advantageTable([0, 1, 1, 1]).map((c) => c.advantage))).toEqual([-1.5, 0.5, 0.5, 0.5]);
    // After step 1's task the credit is shared: 1.5 becomes about 0.87.
    expect(round(advantageTable([1, 0, 0, 1]).map((c) => c.advantage))).toEqual([0.866, -0.866, -0.866, 0.866]);
  });

  it('every advantages step shows a live group of four', () => {
    const steps = getLesson('group-advantages')!.steps;
    for (const s of steps) {
      expect(s.visual?.kind).toBe('advantages');
      expect(s.visual?.live).toBe(true);
      expect(s.visual?.rewards.length).toBe(3);
    }
  });
});
