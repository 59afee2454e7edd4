/**
 * `grader-playground export`: the file for each trainer, written or printed, settings from a file, and the
 * usage and grader errors with their exit codes. The plain-Python file is then run by CPython as a command line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from './test-harness.ts';

const { dir, file, cli } = cliHarness('gp-export-');

const grader = file('g.json', { type: 'string_check', name: 'Capital', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'ilike' });

describe('grader-playground export', () => {
  it.each([
    ['trl', 'def capital_reward(prompts, completions, **kwargs):'],
    ['verl', 'def compute_score(data_source, solution_str, ground_truth, extra_info=None):'],
    ['openrlhf', 'def reward_func(queries, prompts, labels, **kwargs):'],
    ['verifiers', 'def capital_reward(completion, answer=None, info=None, **kwargs):'],
    ['python', 'def grade(sample, item):'],
  ])('--to %s prints the file with its entry point', async (to, entry) => {
    const r = await cli('export', '--to', to, '--grader', grader);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(entry);
    expect(r.stdout.startsWith('"""Capital: a reward function for')).toBe(true);
  });

  it('--out writes the file, and the plain-Python file grades JSON lines under CPython', async () => {
    const out = join(dir, 'reward.py');
    const r = await cli('export', '--to', 'python', '--grader', grader, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${out}`);
    const rows = '{"item": {"answer": "Paris"}, "output_text": "It is PARIS."}\n{"item": {"answer": "Paris"}, "sample": {"output_text": "Lyon"}}\n';
    const py = spawnSync('/usr/bin/python3', [out], { input: rows, encoding: 'utf8' });
    expect(py.stderr).toBe('');
    expect(py.stdout.trim().split('\n').map((l) => JSON.parse(l).reward)).toEqual([1, 0]);
  });

  it('--settings carries the workspace settings into the file', async () => {
    const s = file('settings.json', { fuzzyScorer: 'token_sort_ratio', sqlLikeWildcards: true });
    const r = await cli('export', '--to', 'verl', '--grader', grader, '--settings', s);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"fuzzyScorer": "token_sort_ratio"');
    expect(r.stdout).toContain('"sqlLikeWildcards": True');
    expect((await cli('export', '--to', 'verl', '--grader', grader, '--settings', file('bad.json', { fuzzyScorer: 'nope' }))).code).toBe(2);
  });

  it('usage errors exit 2, an invalid grader exits 1 with the reason', async () => {
    expect((await cli('export', '--grader', grader)).code).toBe(2);
    const bad = await cli('export', '--to', 'tinker', '--grader', grader);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--to must be one of trl, verl, openrlhf, verifiers, python');
    const invalid = await cli('export', '--to', 'trl', '--grader', file('inv.json', { type: 'string_check', name: 'x', input: 'a', reference: 'b', operation: 'contains' }));
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/The grader is invalid at \/operation/);
  });
});
