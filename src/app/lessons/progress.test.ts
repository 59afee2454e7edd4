/** The lesson progress store: what survives a reload, and what a corrupt or blocked storage does. */
import { describe, expect, it } from 'vitest';
import { inlineRuns } from './markup.ts';
import { emptyProgress, loadProgress, markDone, MAX_STASHES, parseProgress, PROGRESS_KEY, saveProgress, stashOf, withoutStash, withStash } from './progress.ts';

function memoryStore() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('lesson progress', () => {
  it('round-trips the open step, the steps done and the stash under its versioned key', () => {
    const store = memoryStore();
    let p = emptyProgress();
    p = { ...withStash(p, { workspaceId: 'w1', grader: '{}', sample: '{}', item: '{}' }), active: { lesson: 'reward-hacking', step: 2 } };
    p = markDone(markDone(markDone(p, 'reward-hacking', 1), 'reward-hacking', 0), 'reward-hacking', 1);
    expect(saveProgress(p, store)).toBe(true);
    expect([...store.data.keys()]).toEqual([PROGRESS_KEY]);
    expect(PROGRESS_KEY).toBe('grader-playground:lessons:v1');
    expect(loadProgress(store)).toEqual({
      active: { lesson: 'reward-hacking', step: 2 },
      done: { 'reward-hacking': [0, 1] },
      stashes: [{ workspaceId: 'w1', grader: '{}', sample: '{}', item: '{}' }],
    });
  });

  it('markDone returns the same object when the step was already done', () => {
    const p = markDone(emptyProgress(), 'a', 3);
    expect(markDone(p, 'a', 3)).toBe(p);
  });

  it('ignores corrupt or foreign entries field by field', () => {
    expect(parseProgress('not json')).toEqual(emptyProgress());
    expect(parseProgress('[1,2]')).toEqual(emptyProgress());
    expect(parseProgress(JSON.stringify({ active: { lesson: 'x', step: -1 }, done: { a: [2, 'b', 2, 0.5, 1] }, stashes: [{ grader: 1 }, 'x'] }))).toEqual({
      active: null,
      done: { a: [1, 2] },
      stashes: [],
    });
  });

  it('keeps one stash per workspace, the newest, and at most a few', () => {
    const docs = (n: number) => ({ grader: `g${n}`, sample: `s${n}`, item: `i${n}` });
    let p = withStash(emptyProgress(), { workspaceId: 'a', ...docs(1) });
    p = withStash(p, { workspaceId: 'b', ...docs(2) });
    p = withStash(p, { workspaceId: 'a', ...docs(3) });
    expect(p.stashes.map((s) => s.workspaceId)).toEqual(['b', 'a']);
    expect(stashOf(p, 'a')?.grader).toBe('g3');
    expect(stashOf(withoutStash(p, 'a'), 'a')).toBeUndefined();
    for (let i = 0; i < 10; i++) p = withStash(p, { workspaceId: `w${i}`, ...docs(i) });
    expect(p.stashes.length).toBe(MAX_STASHES);
    expect(p.stashes.at(-1)?.workspaceId).toBe('w9');
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadProgress(broken)).toEqual(emptyProgress());
    expect(saveProgress(emptyProgress(), broken)).toBe(false);
    expect(saveProgress(emptyProgress(), null)).toBe(false);
  });
});

describe('inline markup', () => {
  it('turns backtick pairs into code runs and keeps the rest as text', () => {
    expect(inlineRuns('use `eq` or `ilike` here')).toEqual([
      { code: false, text: 'use ' },
      { code: true, text: 'eq' },
      { code: false, text: ' or ' },
      { code: true, text: 'ilike' },
      { code: false, text: ' here' },
    ]);
    expect(inlineRuns('`{{ item.answer }}`')).toEqual([{ code: true, text: '{{ item.answer }}' }]);
    expect(inlineRuns('a lone ` stays')).toEqual([{ code: false, text: 'a lone ` stays' }]);
    expect(inlineRuns('<b>not html</b>')).toEqual([{ code: false, text: '<b>not html</b>' }]);
  });
});
