import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import { CaseRunner, type CaseJob } from './case-runner.ts';
import type { GraderHost, WorkerHandle } from './host.ts';
import { batchLines, type BatchRequest, type BatchResponse } from './protocol.ts';

function fakeHost(behaviour: (req: BatchRequest, onRow: (row: number) => void) => Promise<BatchResponse>) {
  const log: string[] = [];
  let next = 1;
  const host = {
    async spawn(): Promise<WorkerHandle> {
      const id = next++;
      log.push(`spawn ${id}`);
      return { id, ready: Promise.resolve(), port: {} as MessagePort, api: { gradeLines: (req: BatchRequest, onRow: (r: number) => void) => behaviour(req, onRow) } as never };
    },
    kill(h: WorkerHandle) {
      log.push(`kill ${h.id}`);
    },
  };
  return { host: host as unknown as GraderHost, log };
}

const job = (grader: string, n = 2, caseTimeoutMs = 1000): CaseJob => ({
  grader,
  settings: DEFAULT_SETTINGS,
  lines: Array.from({ length: n }, () => '{"item":{},"sample":{}}'),
  caseTimeoutMs,
});
const rewards = (req: BatchRequest, r: number): BatchResponse => ({
  results: batchLines(req).map(({ line }) => ({ row: line, sampleIndex: 0, reward: r, flags: [] })),
  rowErrors: [],
});

describe('CaseRunner', () => {
  it('sends cases whose JSON spans lines as one line each, the same JSON', async () => {
    let seen: { line: number; text: string }[] = [];
    const { host } = fakeHost(async (req) => {
      seen = batchLines(req);
      return rewards(req, 1);
    });
    const pretty = '{"item":{},"sample":{\n  "output_text": "a\\nb"\r\n}}';
    const r = await new CaseRunner(host).run({ ...job('1', 0), lines: [pretty, '{"item":{},"sample":{}}'] });
    expect(r).toMatchObject({ status: 'done', response: { results: [{ row: 0 }, { row: 1 }] } });
    expect(seen.map((l) => l.line)).toEqual([0, 1]);
    expect(JSON.parse(seen[0]!.text)).toEqual(JSON.parse(pretty));
    expect(JSON.parse(seen[0]!.text).sample.output_text).toBe('a\nb');
  });

  it('grades all cases in one batch on one worker, reused across runs', async () => {
    const { host, log } = fakeHost(async (req) => rewards(req, Number(req.grader)));
    const runner = new CaseRunner(host);
    const a = await runner.run(job('1'));
    const b = await runner.run(job('0.5', 3));
    expect(a).toMatchObject({ status: 'done', response: { results: [{ reward: 1 }, { reward: 1 }] } });
    expect(b.status === 'done' && b.response.results.map((r) => r.reward)).toEqual([0.5, 0.5, 0.5]);
    expect(log).toEqual(['spawn 1']);
  });

  it('the newest edit wins: waiting and overtaken runs resolve as stale', async () => {
    const seen: string[] = [];
    const { host } = fakeHost(async (req) => {
      seen.push(req.grader);
      await new Promise((r) => setTimeout(r, 20));
      return rewards(req, Number(req.grader));
    });
    const runner = new CaseRunner(host);
    const [a, b, c] = await Promise.all([runner.run(job('1')), runner.run(job('2')), runner.run(job('3'))]);
    expect(a.status).toBe('stale');
    expect(b.status).toBe('stale');
    expect(c.status === 'done' && c.response.results[0]!.reward).toBe(3);
    expect(seen).toEqual(['1', '3']);
  });

  it('a case that overruns its limit kills the worker and names the case', async () => {
    const { host, log } = fakeHost(async (req, onRow) => {
      onRow(0);
      await new Promise((r) => setTimeout(r, 5));
      onRow(1);
      if (req.grader === 'hang') await new Promise(() => undefined);
      return rewards(req, 1);
    });
    const runner = new CaseRunner(host);
    const o = await runner.run(job('hang', 2, 30));
    expect(o).toMatchObject({ status: 'timeout', line: 1 });
    expect(log).toEqual(['spawn 1', 'kill 1']);
    const again = await runner.run(job('1'));
    expect(again.status).toBe('done');
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  }, 15_000);

  it('a foreign workspace gets its own worker', async () => {
    const { host, log } = fakeHost(async (req) => rewards(req, 1));
    const runner = new CaseRunner(host);
    await runner.run(job('1'));
    await runner.run(job('1'), 'foreign:x');
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  });

  it('checks the reply like the pool does: rows it did not ask for are refused', async () => {
    const { host } = fakeHost(async () => ({ results: [{ row: 7, sampleIndex: 0, reward: 1, flags: [] }], rowErrors: [] }));
    const o = await new CaseRunner(host).run(job('1'));
    expect(o.status === 'done' && o.response.graderError).toMatch(/stopped/);
  });
});
