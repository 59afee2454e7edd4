import { describe, expect, it } from 'vitest';
import { groupItems } from './groups.ts';
import type { GradedSample } from './types.ts';

const s = (itemKey: string, reward: number, row = 0, probe?: string): GradedSample => ({
  row,
  sampleIndex: 0,
  itemKey,
  reward,
  errorFlags: [],
  ...(probe ? { probe } : {}),
});

describe('groupItems', () => {
  it('groups interleaved results by item in order of first appearance, leaving probes out', () => {
    const g = groupItems([s('b', 1, 4), s('a', 0, 2), s('b', 0, 5), s('b', 1, 4, 'empty'), s('a', 0, 2), s('b', 0.5, 6)]);
    expect(g.keys).toEqual(['b', 'a']);
    expect([...g.group]).toEqual([0, 1, 0, -1, 1, 0]);
    expect(g.index.get('a')).toBe(1);
    expect([...g.firstRow]).toEqual([4, 2]);
    expect([...g.n]).toEqual([3, 2]);
    expect([...g.mean]).toEqual([0.5, 0]);
    expect([...g.min]).toEqual([0, 0]);
    expect([...g.max]).toEqual([1, 0]);
    expect([...g.same]).toEqual([0, 1]);
    expect([...g.sq]).toEqual([0.5, 0]);
  });

  it('keeps an item whose rewards are all non-finite, with n 0', () => {
    const g = groupItems([s('x', NaN), s('y', 2), s('y', Infinity)]);
    expect(g.keys).toEqual(['x', 'y']);
    expect([...g.n]).toEqual([0, 1]);
    expect(g.mean[1]).toBe(2);
    expect(g.same[1]).toBe(1);
  });

  it('handles no results', () => {
    const g = groupItems([]);
    expect(g.keys).toEqual([]);
    expect(g.group).toHaveLength(0);
  });
});
