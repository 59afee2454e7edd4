import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletion, startFakeOpenAI, type FakeServer } from './fake-openai.ts';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'gp-rollout-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
let server: FakeServer;
beforeAll(async () => {
  let n = 0;
  server = await startFakeOpenAI((req) => {
    const msgs = (req.body as { messages: { content: string }[] }).messages;
    const q = msgs[msgs.length - 1]!.content;
    if (q === 'fail') return { status: 400, json: { error: { message: 'context too long' } } };
    // Every other answer is right: each group gets a spread of rewards.
    return { json: chatCompletion(n++ % 2 === 0 ? q.toUpperCase() : 'no idea') };
  });
});
afterAll(() => server.close());

async function cli(argv: string[], env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  return { code, stdout, stderr };
}

describe('grader-playground rollout', () => {
  it('writes the rows with k samples each, then run --data grades them grouped by row', async () => {
    const rows = file(
      'rows.jsonl',
      [
        '{"messages": [{"role": "user", "content": "paris"}], "answer": "PARIS"}',
        '',
        '{"messages": [{"role": "user", "content": "fail"}], "answer": "x"}',
        '{"messages": [{"role": "user", "content": "oslo"}], "answer": "OSLO"}',
      ].join('\n'),
    );
    const out = join(dir, 'rollouts.jsonl');
    const env = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test-secret' };
    const r = await cli(['rollout', '--data', rows, '--model', 'base-model', '--k', '4', '--temperature', '1', '--out', out], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rows.jsonl:3: sample 0: http: HTTP 400: context too long');
    expect(r.stderr).toContain('rows.jsonl:3: no completion: row left out');
    expect(r.stderr).not.toContain('sk-test-secret');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-secret');
    expect(server.requests[0]!.body).toMatchObject({ model: 'base-model', temperature: 1 });
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.answer)).toEqual(['PARIS', 'OSLO']);
    expect(lines[0].messages).toEqual([{ role: 'user', content: 'paris' }]);
    expect(lines[0].samples).toHaveLength(4);
    expect(lines[0].samples[0]).toMatchObject({ output_tools: [], choices: [{ index: 0 }] });
    expect(JSON.parse(r.stderr.trim().split('\n').pop()!).summary).toMatchObject({ rows: 3, rows_written: 2, completions: 8, failed: 4 });

    const grader = file('g.json', JSON.stringify({ type: 'string_check', name: 'g', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' }));
    const graded = join(dir, 'graded.jsonl');
    const g = await cli(['run', '--grader', grader, '--data', out, '--out', graded, '--workers', '1', '--no-explain'], {});
    expect(g.code).toBe(0);
    const results = readFileSync(graded, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(results).toHaveLength(8);
    expect(results.map((x) => x.row)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    const rewards = results.map((x) => x.result.reward);
    expect(rewards.reduce((a: number, b: number) => a + b, 0)).toBe(4);
  });

  it('refuses a missing model or a missing key for api.openai.com, as usage errors', async () => {
    const rows = file('one.jsonl', '{"messages": [{"role": "user", "content": "x"}]}\n');
    expect((await cli(['rollout', '--data', rows], {})).code).toBe(2);
    const noKey = await cli(['rollout', '--data', rows, '--model', 'm'], {});
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('OPENAI_API_KEY is not set');
    expect((await cli(['rollout', '--data', rows, '--model', 'm', '--k', '0'], { OPENAI_BASE_URL: server.url })).stderr).toContain('--k takes');
  });

  it('resumes into the same --out: keeps every earlier sample and asks only for the missing ones', async () => {
    let failing = true;
    const asked: string[] = [];
    const own = await startFakeOpenAI((req) => {
      const msgs = (req.body as { messages: { content: string }[] }).messages;
      const q = msgs[msgs.length - 1]!.content;
      asked.push(q);
      if (q === 'rome' && failing) return { status: 400, json: { error: { message: 'not today' } } };
      return { json: chatCompletion(`${q} ${asked.length}`) };
    });
    try {
      const env = { OPENAI_BASE_URL: own.url };
      const rows = file('resume.jsonl', ['paris', 'rome', 'oslo'].map((c) => JSON.stringify({ messages: [{ role: 'user', content: c }], answer: c })).join('\n') + '\n');
      const out = join(dir, 'resume-out.jsonl');
      const first = await cli(['rollout', '--data', rows, '--model', 'm', '--k', '3', '--out', out], env);
      expect(first.code).toBe(0);
      expect(asked.filter((q) => q !== 'rome')).toHaveLength(6);
      const before = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(before.map((r) => r.answer)).toEqual(['paris', 'oslo']);

      // Rome answers now; one of Oslo's samples was lost (as if the run had stopped before it came).
      failing = false;
      writeFileSync(out, [JSON.stringify(before[0]), JSON.stringify({ ...before[1], samples: before[1].samples.slice(0, 2) })].join('\n') + '\n');
      asked.length = 0;
      const again = await cli(['rollout', '--data', rows, '--model', 'm', '--k', '3', '--out', out], env);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('resuming: 5 completions from');
      expect(asked.sort()).toEqual(['oslo', 'rome', 'rome', 'rome']);
      const after = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(after.map((r) => r.answer)).toEqual(['paris', 'rome', 'oslo']);
      expect(after.map((r) => r.samples.length)).toEqual([3, 3, 3]);
      // Earlier samples are kept as they were, in place.
      expect(after[0].samples).toEqual(before[0].samples);
      expect(after[2].samples.slice(0, 2)).toEqual(before[1].samples.slice(0, 2));
      expect(JSON.parse(again.stderr.trim().split('\n').pop()!).summary).toMatchObject({ rows: 3, rows_written: 3, completions: 4, resumed: 5 });

      // Complete: nothing is asked.
      asked.length = 0;
      expect((await cli(['rollout', '--data', rows, '--model', 'm', '--k', '3', '--out', out], env)).code).toBe(0);
      expect(asked).toEqual([]);
      expect(readFileSync(out, 'utf8')).toBe(after.map((r) => JSON.stringify(r)).join('\n') + '\n');

      // An --out of another dataset is refused, and left as it was.
      const other = file('other.jsonl', JSON.stringify({ messages: [{ role: 'user', content: 'lima' }] }) + '\n');
      const refused = await cli(['rollout', '--data', other, '--model', 'm', '--k', '3', '--out', out], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('3 rows that are not in');
      expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
    } finally {
      await own.close();
    }
  });
});
