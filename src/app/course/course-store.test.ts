import { describe, expect, it } from 'vitest';
import { findStep, STEPS } from '../../gallery/course/index.ts';
import { stepWorkspace } from '../../gallery/course/workspace.ts';
import { solutionText } from '../../gallery/course/checks.ts';
import { COURSE_PROGRESS_KEY, loadCourseProgress, markDone, parseCourseProgress, saveCourseProgress, withAnswer } from './progress.ts';
import { courseEmbedUrl, courseHash, coursePathFromHash } from './route.ts';

describe('course routes', () => {
  it('read and write step addresses', () => {
    expect(coursePathFromHash('#learn/course/string-check/like-hack')).toBe('string-check/like-hack');
    expect(coursePathFromHash('#learn/course')).toBe('');
    expect(coursePathFromHash('#learn/course/')).toBe('');
    expect(coursePathFromHash('#w=abc')).toBeNull();
    expect(coursePathFromHash('#learn/course/a/b/c')).toBeNull();
    expect(coursePathFromHash(courseHash('judges/spread'))).toBe('judges/spread');
    expect(courseEmbedUrl('https://x.test/app/index.html#w=1', 'judges/spread')).toBe('https://x.test/app/embed.html?course=judges/spread');
  });
});

describe('course progress', () => {
  it('keeps done steps and answers, and survives corrupt entries', () => {
    expect(parseCourseProgress('nope')).toEqual({ done: [], answers: {} });
    expect(parseCourseProgress('{"done": ["a/b", 3, "a/b"], "answers": {"a/b": "x", "c/d": 1}}')).toEqual({ done: ['a/b'], answers: { 'a/b': 'x' } });
    const mem = new Map<string, string>();
    const store = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) };
    let p = markDone(loadCourseProgress(store), 'a/b');
    p = withAnswer(p, 'a/b', 'mine', 'start');
    saveCourseProgress(p, store);
    expect(JSON.parse(mem.get(COURSE_PROGRESS_KEY)!)).toEqual({ done: ['a/b'], answers: { 'a/b': 'mine' } });
    expect(withAnswer(p, 'a/b', 'start', 'start').answers).toEqual({});
    const full = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(() => saveCourseProgress(p, full)).not.toThrow();
  });
});

describe('a step as a workspace', () => {
  it('holds the answer\'s grader, the step item, and the visible checks as tests (hidden ones stay out)', () => {
    const ref = findStep('judges/spread')!;
    const w = stepWorkspace(ref, solutionText(ref.step));
    expect(JSON.parse(w.grader)).toEqual(ref.step.solution);
    expect(w.tests.map((t) => t.name)).toEqual(ref.step.checks.filter((c) => !c.hidden).map((c) => c.what));
    expect(w.notes).toContain('Judge by hand');
    expect(JSON.parse(w.item)).toEqual(ref.step.item);
    for (const r of STEPS) expect(stepWorkspace(r, '{}').tests.length).toBeGreaterThanOrEqual(2);
  });
});
