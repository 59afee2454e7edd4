import { describe, expect, it } from 'vitest';
import { AUTO_SNAPSHOT_GAP_MS, graderShape, meaningfulChange, prunable, type GraderVersion } from './versions.ts';

const v = (id: string, created: number, auto = true): GraderVersion => ({ id, workspaceId: 'w', name: auto ? '' : id, auto, created, grader: '{}', sample: '{}', item: '{}' });

describe('automatic snapshots', () => {
  const last = { grader: '{"type": "string_check", "operation": "eq"}', created: 0 };
  it('the first parseable grader is a snapshot; a half-typed one never is', () => {
    expect(meaningfulChange(undefined, '{"type": "x"}', 0)).toBe(true);
    expect(meaningfulChange(undefined, '{"type": ', 0)).toBe(false);
  });
  it('reformatting is no change', () => {
    expect(meaningfulChange(last, '{\n  "type": "string_check",\n  "operation": "eq"\n}', AUTO_SNAPSHOT_GAP_MS * 10)).toBe(false);
    expect(graderShape('{ "a" : 1 }')).toBe('{"a":1}');
  });
  it('a changed value is a snapshot once the gap has passed', () => {
    const changed = '{"type": "string_check", "operation": "ne"}';
    expect(meaningfulChange(last, changed, AUTO_SNAPSHOT_GAP_MS - 1)).toBe(false);
    expect(meaningfulChange(last, changed, AUTO_SNAPSHOT_GAP_MS)).toBe(true);
  });
  it('keeps the newest automatic snapshots and every named version', () => {
    const all = [v('a', 1), v('b', 2), v('named', 0, false), v('c', 3)];
    expect(prunable(all, 2)).toEqual(['a']);
    expect(prunable(all, 5)).toEqual([]);
  });
});
