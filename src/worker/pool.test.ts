import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import type { GraderHost, WorkerHandle } from './host.ts';
import { DatasetPool } from './pool.ts';
import { batchLines, type BatchRequest, type SampleResult } from './protocol.ts';

function hostOf(gradeLines: (req: BatchRequest, onRow: (r: unknown) => void, onModel: unknown, onProgress: (p: unknown) => void, id: number) => Promise<unknown>) {
  const log: string[] = [];
  let next = 1;
  const host = {
    async spawn(): Promise<WorkerHandle> {
      const id = next++;
      log.push(`spawn ${id}`);
      return { id, ready: Promise.resolve(), port: {} as MessagePort, api: { gradeLines: (r: BatchRequest, a: never, b: never, c: never) => gradeLines(r, a, b, c, id) } as never };
    },
    kill(h: WorkerHandle) {
      log.push(`kill ${h.id}`);
    },
  };
  return { host: host as unknown as GraderHost, log };
}

const ok = (req: BatchRequest) => ({ results: req.rows.map((line) => ({ row: line, sampleIndex: 0, reward: 1, flags: [] })), rowErrors: [] });

describe('DatasetPool at the sandbox boundary', () => {
  it('a grader that keeps re-reporting its line (or loading) is still stopped at the line limit', async () => {
    // Like a real grader, it hangs on line 0 in every worker (a timed-out batch of a fast grader is run once more,
    // reporting every line, to find the stuck line).
    const { host, log } = hostOf((req, onRow, _m, onProgress) => {
      if (req.rows[0]! !== 0) return Promise.resolve(ok(req));
      onRow(req.rows[0]!);
      const t = setInterval(() => (onRow(req.rows[0]!), onProgress('exec')), 5);
      return new Promise(() => void t);
    });
    const results: SampleResult[] = [];
    const t0 = Date.now();
    const out = await new DatasetPool(host, 1).run(
      { grader: '{"type":"string_check"}', settings: DEFAULT_SETTINGS, lines: ['{}', '{}'], rowTimeoutMs: 100 },
      { onResults: (r) => results.push(...r) },
    );
    expect(out.status).toBe('done');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(results.map((r) => [r.row, r.reward, r.flags])).toEqual([
      [0, 0, ['unresponsive_reward_error']],
      [1, 1, []],
    ]);
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2', 'kill 2', 'spawn 3', 'kill 3']);
  });

  it('a reply naming rows outside its batch is refused and the worker replaced', async () => {
    // Every worker of this grader answers so (a refused batch is run once more, reporting every line).
    const { host, log } = hostOf(async () => ({ results: [{ row: 99, sampleIndex: 0, reward: 1, flags: [] }], rowErrors: [] }));
    const results: SampleResult[] = [];
    await new DatasetPool(host, 1).run(
      { grader: '{}', settings: DEFAULT_SETTINGS, lines: ['{}'], rowTimeoutMs: 1000 },
      { onResults: (r) => results.push(...r) },
    );
    expect(results.map((r) => r.row)).toEqual([0]);
    expect(results[0]!.reward).toBe(0);
    expect(results.some((r) => r.row === 99)).toBe(false);
    expect(log[1]).toBe('kill 1');
  });

  it('sends each batch as its line indices and one text, which give back every non-blank line', async () => {
    const lines = ['{"a": 1}', '', '{"b": "x\ry"}', '  ', ...Array.from({ length: 600 }, (_, i) => `{"i": ${i}}`)];
    const seen: { line: number; text: string }[] = [];
    const { host } = hostOf(async (req) => {
      seen.push(...batchLines(req));
      return ok(req);
    });
    const out = await new DatasetPool(host, 2).run({ grader: '{}', settings: DEFAULT_SETTINGS, lines, rowTimeoutMs: 1000 }, { onResults: () => undefined });
    expect(out.status).toBe('done');
    expect(seen.sort((a, b) => a.line - b.line)).toEqual(lines.flatMap((text, line) => (text.trim() ? [{ line, text }] : [])));
  });
});
