import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from './test-harness.ts';

const { dir, file, cli } = cliHarness('gp-cli-test-');

const GRADER = { type: 'string_check', name: 'g', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq', pass_threshold: 1 };
const grader = file('g.json', GRADER);
const item = file('i.json', { answer: 'Paris' });
const good = [
  { name: 'right', sample: { output_text: 'Paris' }, expect: { reward: 1 } },
  { name: 'wrong', sample: 'Lyon', expect: { passes: false } },
  { name: 'gaming', sample: { output_text: 'paris' }, expect: { below: 'right' } },
];
const tests = file('t.jsonl', good.map((t) => JSON.stringify(t)).join('\n') + '\n');

describe('grader-playground test', () => {
  it('exit 0 and a readable report when every case passes', async () => {
    const r = await cli('test', '--grader', grader, '--tests', tests, '--item', item);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ right\n✓ wrong\n✓ gaming\n\n3/3 tests pass\n');
  });

  it('exit 1 when a case fails, with the reason', async () => {
    const bad = file('bad.jsonl', JSON.stringify({ name: 'too strict', sample: { output_text: 'paris' }, expect: { min: 0.5 } }));
    const r = await cli('test', '--grader', grader, '--tests', bad, '--item', item);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ too strict\n    expected reward ≥ 0.5, got reward 0\n');
    expect(r.stdout).toContain('0/1 tests pass (1 failed)');
  });

  it('reads a workspace file: its grader, item and tests', async () => {
    const ws = file('w.grader.json', { grader_playground: 1, title: 't', notes: '', grader: GRADER, sample: {}, item: { answer: 'Paris' }, settings: {}, tests: good });
    const r = await cli('test', '--grader', ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3/3 tests pass');
  });

  it('a test file line that cannot be read fails the run and is named', async () => {
    const mixed = file('mixed.jsonl', JSON.stringify(good[0]) + '\n{oops\n');
    const r = await cli('test', '--grader', grader, '--tests', mixed, '--item', item);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^! skipped: .*mixed\.jsonl: line 2 is not JSON/);
  });

  it('no cases, an invalid grader or a missing file: exit 1 with a message', async () => {
    expect((await cli('test', '--grader', grader)).stderr).toMatch(/no test cases/);
    const invalid = file('bad-grader.json', { type: 'string_check' });
    expect(await cli('test', '--grader', invalid, '--tests', tests)).toMatchObject({ code: 1, stderr: expect.stringMatching(/is invalid/) });
    expect(await cli('test', '--grader', grader, '--tests', join(dir, 'nope.jsonl'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/ENOENT/) });
  });
});
