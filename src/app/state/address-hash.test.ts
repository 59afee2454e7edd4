import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../engine/types.ts';
import { sameAsLink, workspaceHash, workspaceIdFromHash } from './address-hash.ts';
import { titleFor } from './title-for.ts';

describe('workspace addresses', () => {
  it('#w=<id> names a workspace; links and anything else do not', () => {
    const id = '3f2a9c1e-7b44-4d2e-9a51-0c6f1e2b8d77';
    expect(workspaceIdFromHash(workspaceHash(id))).toBe(id);
    expect(workspaceIdFromHash('#v1.abc')).toBeUndefined();
    expect(workspaceIdFromHash('#url=https://x/y.json')).toBeUndefined();
    expect(workspaceIdFromHash('#w=')).toBeUndefined();
    expect(workspaceIdFromHash('#w=a/b')).toBeUndefined();
    expect(workspaceIdFromHash('')).toBeUndefined();
  });

  it('a workspace is the same as its link until a document or the notes change', () => {
    const doc = { title: 'T', notes: 'n', grader: '{}', sample: '{"a": 1}', item: '{}', settings: DEFAULT_SETTINGS, warnings: [] };
    const ws = { grader: '{}', sample: '{"a": 1}', item: '{}', notes: 'n' };
    expect(sameAsLink(ws, doc)).toBe(true);
    expect(sameAsLink({ ...ws, sample: '{"a": 2}' }, doc)).toBe(false);
    expect(sameAsLink({ ...ws, notes: '' }, doc)).toBe(false);
  });
});

describe('automatic titles', () => {
  it('name and type, or the type alone', () => {
    expect(titleFor('python_grader', 'python')).toBe('python_grader (python)');
    expect(titleFor('  ', 'score_model')).toBe('score model grader');
    expect(titleFor('x', '')).toBe('x');
    expect(titleFor('', '')).toBe('Untitled grader');
  });
});
