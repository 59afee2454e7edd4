import { describe, expect, it } from 'vitest';
import { lineDiff, prettyGrader } from './line-diff.ts';

describe('lineDiff', () => {
  it('keeps common lines and marks removed and added ones', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: ' ', text: 'c' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'd' },
    ]);
  });
  it('equal texts have no change; formatting is ignored through prettyGrader', () => {
    expect(lineDiff('a', 'a')).toEqual([{ op: ' ', text: 'a' }]);
    const d = lineDiff(prettyGrader('{"a":1,"b":2}'), prettyGrader('{ "a": 1, "b": 3 }'));
    expect(d.filter((l) => l.op !== ' ')).toEqual([
      { op: '-', text: '  "b": 2' },
      { op: '+', text: '  "b": 3' },
    ]);
  });
});
