import { describe, expect, it } from 'vitest';
import { nextTreeIndex, rovingTabIndexes } from './tree-view.ts';

describe('nextTreeIndex', () => {
  it('moves down and up one item, stopping at the ends', () => {
    expect(nextTreeIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextTreeIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextTreeIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextTreeIndex('ArrowUp', 0, 3)).toBe(0);
  });
  it('jumps to the first and last item', () => {
    expect(nextTreeIndex('Home', 2, 5)).toBe(0);
    expect(nextTreeIndex('End', 0, 5)).toBe(4);
  });
  it('from no focused item (-1), down goes to the first', () => {
    expect(nextTreeIndex('ArrowDown', -1, 3)).toBe(0);
  });
  it('leaves other keys and empty trees alone', () => {
    expect(nextTreeIndex('Enter', 0, 3)).toBeNull();
    expect(nextTreeIndex('a', 0, 3)).toBeNull();
    expect(nextTreeIndex('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('rovingTabIndexes', () => {
  it('keeps the one tab stop where it is', () => {
    expect(rovingTabIndexes([-1, -1, 0, -1])).toEqual([-1, -1, 0, -1]);
  });
  it('puts it on the first item when an edit removed the item that held it', () => {
    expect(rovingTabIndexes([-1, -1, -1])).toEqual([0, -1, -1]);
  });
  it('keeps only the first when a re-render gave the root its stop back as well', () => {
    expect(rovingTabIndexes([0, -1, 0])).toEqual([0, -1, -1]);
  });
  it('an empty tree has none', () => {
    expect(rovingTabIndexes([])).toEqual([]);
  });
});
