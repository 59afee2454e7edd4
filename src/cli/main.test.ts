import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from './test-harness.ts';

const { dir, file, cli } = cliHarness('gp-cli-');

const grader = file('g.json', { type: 'string_check', name: 'g', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' });
const item = file('i.json', { answer: 'Paris' });

describe('grader-playground CLI', () => {
  it('run prints one RunResult', async () => {
    const s = file('s.json', { output_text: 'Paris' });
    const r = await cli('run', '--grader', grader, '--sample', s, '--item', item);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reward).toBe(1);
    expect(Object.keys(out.metadata.errors)).toHaveLength(14);
    expect(out.explain).toBeDefined();
  });

  it('keeps the key order of the item, as json.loads does (run and --data)', async () => {
    const g = file('order.json', { type: 'string_check', name: 'o', input: '{{ item.x }}', reference: '{"b": 1, "2": 2, "1": 3}', operation: 'eq' });
    const i = file('order-item.json', '{"x": {"b": 1, "2": 2, "1": 3}}');
    const r = await cli('run', '--grader', g, '--model-sample', '', '--item', i);
    expect(JSON.parse(r.stdout).reward).toBe(1);
    const rows = file('order.jsonl', '{"x": {"b": 1, "2": 2, "1": 3}, "sample": ""}\n');
    const out = join(dir, 'order-out.jsonl');
    await cli('run', '--grader', g, '--data', rows, '--out', out);
    expect(JSON.parse(readFileSync(out, 'utf8')).result.reward).toBe(1);
  });

  it('--model-sample maps the text like /graders/run, and --no-explain drops explain', async () => {
    const r = await cli('run', '--grader', grader, '--model-sample', 'Lyon', '--item', item, '--no-explain');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reward).toBe(0);
    expect(out.explain).toBeUndefined();
  });

  it('--data grades every sample in order and summarises to stderr', async () => {
    const rows = file(
      'rows.jsonl',
      [
        '{"item": {"answer": "Paris"}, "samples": [{"output_text": "Paris"}, {"output_text": "Rome"}]}',
        'not json',
        '{"messages": [], "answer": "Oslo", "sample": "Oslo"}',
      ].join('\n'),
    );
    const out = join(dir, 'out.jsonl');
    const r = await cli('run', '--grader', grader, '--data', rows, '--out', out);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.row, l.sample_index, l.result.reward])).toEqual([
      [0, 0, 1],
      [0, 1, 0],
      [2, 0, 1],
    ]);
    expect(r.stderr).toContain('rows.jsonl:2: skipped');
    expect(r.stderr).toContain('graded 3 samples');
    const summary = JSON.parse(r.stderr.trim().split('\n').at(-1)!);
    expect(summary.summary).toMatchObject({ count: 3, min: 0, max: 1 });
  });

  it('--data leaves explanations out unless --explain; a single run keeps them unless --no-explain', async () => {
    const rows = file('rows-explain.jsonl', '{"item": {"answer": "Paris"}, "sample": "Paris"}\n');
    const plain = await cli('run', '--grader', grader, '--data', rows);
    const line = JSON.parse(plain.stdout);
    expect(Object.keys(line)).toEqual(['row', 'sample_index', 'result']);
    expect(Object.keys(line.result)).toEqual(['reward', 'metadata', 'sub_rewards', 'model_grader_token_usage_per_model']);
    expect(JSON.parse((await cli('run', '--grader', grader, '--data', rows, '--no-explain')).stdout)).toMatchObject({ result: { reward: 1 } });
    const explained = JSON.parse((await cli('run', '--grader', grader, '--data', rows, '--explain')).stdout);
    expect(explained.result.explain.type).toBe('string_check');
    const both = await cli('run', '--grader', grader, '--data', rows, '--explain', '--no-explain');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--explain or --no-explain, not both');
  });

  it('--data without --out prints the lines to stdout, in order', async () => {
    const rows = file('rows2.jsonl', ['{"item": {"answer": "Paris"}, "sample": "Rome"}', '{"item": {"answer": "Paris"}, "sample": "Paris"}'].join('\n'));
    const r = await cli('run', '--grader', grader, '--data', rows, '--workers', '2', '--no-explain');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).result.reward)).toEqual([0, 1]);
  });

  it('validate prints the grader (exit 0) or the problems (exit 1)', async () => {
    const ok = await cli('validate', '--grader', grader);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).grader.name).toBe('g');
    const bad = file('bad.json', { type: 'string_check', name: 'g', input: 'a', reference: 'b', operation: 'contains' });
    const r = await cli('validate', '--grader', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: /operation:');
  });

  it('exit 1 for invalid JSON input, naming the file, line and column', async () => {
    const broken = file('broken.json', '{\n  "output_text": \n}');
    const r = await cli('run', '--grader', grader, '--sample', broken, '--item', item);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sample file .*broken\.json is not valid JSON \(line 3, column 1\)/);
    const missing = await cli('run', '--grader', join(dir, 'nope.json'), '--model-sample', 'x');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
  });

  it('exit 1 for an invalid grader on run', async () => {
    const bad = file('bad2.json', { type: 'nope', name: 'g' });
    const r = await cli('run', '--grader', bad, '--model-sample', 'x');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown grader type');
  });

  it('exit 2 for usage errors', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('grade')).code).toBe(2);
    expect((await cli('run', '--grader', grader)).code).toBe(2);
    expect((await cli('run', '--grader', grader, '--frobnicate', 'x')).code).toBe(2);
    expect((await cli('run', '--grader', grader, '--sample', 'a', '--model-sample', 'b')).code).toBe(2);
    expect((await cli('run', '--grader', grader, '--data', item, '--workers', '0')).code).toBe(2);
    expect((await cli('--help')).code).toBe(0);
  });
});
