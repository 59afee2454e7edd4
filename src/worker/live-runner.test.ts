import { describe, expect, it } from 'vitest';
import { noErrors } from '../engine/result.ts';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import type { GraderHost, WorkerHandle } from './host.ts';
import { BOUNDARY_LIMITS, splitCapped } from './boundary.ts';
import { LiveRunner } from './live-runner.ts';
import { packLongStrings } from './long-text.ts';
import type { RunRequest, RunResponse } from './protocol.ts';

/** A fake host whose workers answer as `behaviour` says; records spawns and kills. */
function fakeHost(behaviour: (req: RunRequest, workerId: number) => Promise<RunResponse>, prepare: () => Promise<void> = async () => undefined) {
  const log: string[] = [];
  let next = 1;
  const host = {
    async spawn(): Promise<WorkerHandle> {
      const id = next++;
      log.push(`spawn ${id}`);
      return {
        id,
        ready: Promise.resolve(),
        port: {} as MessagePort,
        api: {
          ping: async () => 'pong',
          run: (req: RunRequest) => behaviour(req, id),
          preparePython: async () => {
            log.push(`prepare python ${id}`);
            await prepare();
          },
        } as never,
      };
    },
    kill(h: WorkerHandle) {
      log.push(`kill ${h.id}`);
    },
  };
  return { host: host as unknown as GraderHost, log };
}

const request = (grader: string): RunRequest => ({ grader, sample: '{}', item: '{}', settings: DEFAULT_SETTINGS });
const answer = (reward: number, errors: Record<string, unknown> = {}): RunResponse => ({
  docErrors: [],
  problems: [],
  result: {
    reward,
    metadata: { name: 'g', type: 'string_check', errors: { ...noErrors(), ...errors }, execution_time: 0, scores: {}, token_usage: null, sampled_model_name: null },
    sub_rewards: {},
    model_grader_token_usage_per_model: {},
  },
});

describe('LiveRunner', () => {
  it('keeps one run in flight and only the newest waiting; older waiting runs resolve as stale', async () => {
    const seen: string[] = [];
    const { host } = fakeHost(async (req) => {
      seen.push(req.grader);
      await new Promise((r) => setTimeout(r, 20));
      return answer(Number(req.grader));
    });
    const runner = new LiveRunner(host);
    const a = runner.run(request('1'), 1000);
    const b = runner.run(request('2'), 1000);
    const c = runner.run(request('3'), 1000);
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    // 1 was in flight when 3 arrived, so its result is stale too; 2 never ran.
    expect(ra.status).toBe('stale');
    expect(rb.status).toBe('stale');
    expect(rc).toMatchObject({ status: 'done', response: { result: { reward: 3 } } });
    expect(seen).toEqual(['1', '3']);
  });

  it('kills a worker that overruns, reports a timeout, and runs the next request on a fresh worker', async () => {
    const { host, log } = fakeHost((req) => (req.grader.includes('hang') ? new Promise(() => undefined) : Promise.resolve(answer(1))));
    const runner = new LiveRunner(host);
    const hung = await runner.run(request('{"type": "string_check", "name": "hang"}'), 50);
    expect(hung.status).toBe('done');
    if (hung.status === 'done') {
      expect(hung.response.result?.reward).toBe(0);
      expect(hung.response.result?.metadata.errors.unresponsive_reward_error).toBe(true);
      expect(hung.response.result?.explain?.summary).toContain('did not finish within 0.05 s');
    }
    const next = await runner.run(request('{"type": "string_check"}'), 50);
    expect(next).toMatchObject({ status: 'done', response: { result: { reward: 1 } } });
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  });

  it('reports a python timeout as python_grader_server_error of type timeout', async () => {
    const { host } = fakeHost(() => new Promise(() => undefined));
    const runner = new LiveRunner(host);
    const r = await runner.run(request('{"type": "python", "name": "loop", "source": "while True: pass"}'), 20);
    expect(r.status === 'done' && r.response.result?.metadata.errors).toMatchObject({
      python_grader_server_error: true,
      python_grader_server_error_type: 'timeout',
    });
  });

  it('replaces a worker that crashed', async () => {
    let calls = 0;
    const { host, log } = fakeHost(() => (++calls === 1 ? Promise.reject(new Error('worker died')) : Promise.resolve(answer(1))));
    const runner = new LiveRunner(host);
    const crashed = await runner.run(request('{}'), 1000);
    expect(crashed.status === 'done' && crashed.response.result?.metadata.errors.other_error).toBe(true);
    const next = await runner.run(request('{}'), 1000);
    expect(next).toMatchObject({ status: 'done', response: { result: { reward: 1 } } });
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  });
});

describe('LiveRunner time limits with progress', () => {
  it('does not count loading against the limit, and restarts the clock when the code starts', async () => {
    const { host, log } = fakeHost(async () => answer(1));
    // A worker that loads for 120 ms (limit 50 ms), then runs code for 30 ms.
    (host as unknown as { spawn: () => Promise<WorkerHandle> }).spawn = async () => ({
      id: 1,
      ready: Promise.resolve(),
      port: {} as MessagePort,
      api: {
        ping: async () => 'pong',
        run: async (_req: RunRequest, onProgress?: (p: string) => void) => {
          onProgress?.('loading');
          await new Promise((r) => setTimeout(r, 120));
          onProgress?.('exec');
          await new Promise((r) => setTimeout(r, 30));
          return answer(1);
        },
      } as never,
    });
    const phases: string[] = [];
    const runner = new LiveRunner(host);
    const r = await runner.run(request('{"type": "python"}'), 50, (p) => phases.push(p));
    expect(r).toMatchObject({ status: 'done', response: { result: { reward: 1 } } });
    expect(phases).toEqual(['loading', 'exec']);
    expect(log).toEqual([]);
  });
});

/** A fake host whose worker `api` is built per worker by `make`. */
function hostOf(make: (id: number) => Record<string, unknown>) {
  const log: string[] = [];
  let next = 1;
  const host = {
    async spawn(): Promise<WorkerHandle> {
      const id = next++;
      log.push(`spawn ${id}`);
      return { id, ready: Promise.resolve(), port: {} as MessagePort, api: { ping: async () => 'pong', ...make(id) } as never };
    },
    kill(h: WorkerHandle) {
      log.push(`kill ${h.id}`);
    },
  };
  return { host: host as unknown as GraderHost, log };
}

describe('LiveRunner at the sandbox boundary', () => {
  it('a workspace from elsewhere never shares a worker, and its worker is discarded when another runs', async () => {
    const ran: string[] = [];
    const { host, log } = hostOf((id) => ({ run: async () => (ran.push(`w${id}`), answer(1)) }));
    const runner = new LiveRunner(host);
    await runner.run(request('{}'), 1000);
    await runner.run(request('{}'), 1000, undefined, undefined, 'foreign:a');
    await runner.run(request('{}'), 1000, undefined, undefined, 'foreign:a');
    await runner.run(request('{}'), 1000, undefined, undefined, 'foreign:b');
    await runner.run(request('{}'), 1000);
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toEqual(['w1', 'w2', 'w2', 'w3', 'w1']);
    expect(log).toEqual(['spawn 1', 'spawn 2', 'kill 2', 'spawn 3', 'kill 3']);
  });

  it("a run's callbacks stop answering when it ends: a kept model callback reaches nothing later", async () => {
    let kept: ((op: string, body: unknown) => Promise<unknown>) | undefined;
    const { host } = hostOf(() => ({
      run: async (_r: RunRequest, _p: unknown, onModel: (op: string, body: unknown) => Promise<unknown>) => {
        kept ??= onModel;
        await onModel('chat.completions', { n: 1 });
        return answer(1);
      },
    }));
    const calls: unknown[] = [];
    const model = async (op: string, body: unknown) => (calls.push([op, body]), { status: 200, json: {}, text: '{}' });
    const runner = new LiveRunner(host);
    await runner.run(request('{}'), 1000, undefined, model);
    expect(calls).toHaveLength(1);
    await expect(kept!('chat.completions', { n: 2 })).rejects.toThrow(/run has ended/);
    // Even during a later run, with a model callback of its own.
    await runner.run(request('{}'), 1000, undefined, model);
    await expect(kept!('chat.completions', { n: 3 })).rejects.toThrow(/run has ended/);
    expect(calls.map((c) => (c as [string, { n: number }])[1].n)).toEqual([1, 1]);
  });

  it('a runaway grader that keeps reporting loading is stopped once the start-up budget is spent; the next run works', async () => {
    let n = 0;
    const { host, log } = hostOf(() => ({
      run: (_r: RunRequest, onProgress: (p: string) => void) => {
        if (++n > 1) return Promise.resolve(answer(0.5));
        // The grader's code runs ('exec'), then claims to be loading, over and over, from its loop.
        onProgress('exec');
        const t = setInterval(() => onProgress('loading'), 5);
        return new Promise(() => void t);
      },
    }));
    const runner = new LiveRunner(host, { startupBudgetMs: 200, firstStartMs: 60_000 });
    const t0 = Date.now();
    const r = await runner.run(request('{"type": "python"}'), 50);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r.status === 'done' && r.response.result?.metadata.errors.python_grader_server_error_type).toBe('timeout');
    const next = await runner.run(request('{}'), 50);
    expect(next).toMatchObject({ status: 'done', response: { result: { reward: 0.5 } } });
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  });

  it("a worker that never finishes its first start is stopped when the first start's allowance is spent", async () => {
    let n = 0;
    const { host, log } = hostOf(() => ({
      run: (_r: RunRequest, onProgress: (p: string) => void) => {
        if (++n > 1) return Promise.resolve(answer(0.5));
        onProgress('loading');
        return new Promise(() => undefined);
      },
    }));
    const runner = new LiveRunner(host, { startupBudgetMs: 10, firstStartMs: 300 });
    const t0 = Date.now();
    const r = await runner.run(request('{"type": "python"}'), 50);
    // Not at the 10 ms start-up budget nor the 50 ms run limit: the first start had 300 ms.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(r.status === 'done' && r.response.result?.metadata.errors.python_grader_server_error_type).toBe('timeout');
    const next = await runner.run(request('{}'), 50);
    expect(next).toMatchObject({ status: 'done', response: { result: { reward: 0.5 } } });
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  });

  it('refuses a malformed reply and progress that is not a phase, and replaces the worker', async () => {
    let n = 0;
    const phases: string[] = [];
    const { host, log } = hostOf(() => ({
      run: async (_r: RunRequest, onProgress: (p: unknown) => void) => {
        onProgress({ evil: true });
        onProgress('exec');
        return ++n === 1 ? { docErrors: [], problems: [], result: { reward: 'x' } } : answer(1);
      },
    }));
    const runner = new LiveRunner(host);
    const bad = await runner.run(request('{}'), 1000, (p) => phases.push(p));
    expect(bad.status === 'done' && bad.response.result?.explain?.summary).toMatch(/does not accept \(result.reward is not a number\)/);
    expect(phases).toEqual(['exec']);
    const next = await runner.run(request('{}'), 1000);
    expect(next).toMatchObject({ status: 'done', response: { result: { reward: 1 } } });
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  });

  it('cuts a 20 MB error message sent whole (not as a Blob, as an honest worker does) to the cap', async () => {
    const huge = 'x'.repeat(20_000_000);
    const { host } = hostOf(() => ({
      run: async () => {
        const a = answer(0, { python_grader_runtime_error: true, python_grader_runtime_error_details: huge });
        return a;
      },
    }));
    const runner = new LiveRunner(host);
    const r = await runner.run(request('{}'), 1000);
    const details = r.status === 'done' ? (r.response.result?.metadata.errors.python_grader_runtime_error_details as string) : '';
    const cap = BOUNDARY_LIMITS.stringChars;
    expect(details.length).toBeLessThan(cap + 100);
    expect(splitCapped(details)).toEqual({ text: 'x'.repeat(cap), omitted: 20_000_000 - cap });
    expect(r.status === 'done' && r.response.texts).toBeFalsy();
  });

  it('passes the whole texts of a packed reply on as the Blobs the worker sent', async () => {
    const whole = `${'x'.repeat(300_000)}END`;
    const { value, texts } = packLongStrings(answer(0, { python_grader_runtime_error: true, python_grader_runtime_error_details: whole }));
    const { host } = hostOf(() => ({ run: async () => ({ ...value, texts }) }));
    const r = await new LiveRunner(host).run(request('{}'), 1000);
    expect(r.status).toBe('done');
    if (r.status !== 'done') return;
    expect(r.response.result?.metadata.errors.python_grader_runtime_error_details).toBe('x'.repeat(BOUNDARY_LIMITS.stringChars));
    expect(r.response.texts).toHaveLength(1);
    expect(r.response.texts![0]!.length).toBe(whole.length);
    expect(await r.response.texts![0]!.blob.text()).toBe(whole);
  });

  it('replaces a worker whose interpreter died (os._exit), so the next run works', async () => {
    let n = 0;
    const { host, log } = hostOf(() => ({
      run: async () => (++n === 1 ? answer(0, { python_grader_server_error: true, python_grader_server_error_type: 'crashed' }) : answer(1)),
    }));
    const runner = new LiveRunner(host);
    await runner.run(request('{}'), 1000);
    const next = await runner.run(request('{}'), 1000);
    expect(next).toMatchObject({ status: 'done', response: { result: { reward: 1 } } });
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2']);
  });

  it('warms Python only in the own workspaces\' existing worker, never starting one or touching a foreign one', async () => {
    const { host, log } = fakeHost(async () => answer(1));
    const runner = new LiveRunner(host);
    await runner.warmPython(); // no worker yet: nothing started
    expect(log).toEqual([]);
    await runner.run(request('{}'), 1000, undefined, undefined, 'foreign:a');
    await runner.warmPython(); // the foreign workspace's worker is neither warmed nor discarded
    expect(log).toEqual(['spawn 1']);
    await runner.run(request('{}'), 1000);
    await runner.warmPython();
    expect(log).toEqual(['spawn 1', 'kill 1', 'spawn 2', 'prepare python 2']);
  });

  it('counts a run\'s wait while Python starts ahead of need as start-up, and only until it is up', async () => {
    let up!: () => void;
    const pythonUp = new Promise<void>((r) => (up = r));
    // The worker answers after 120 ms, as if its thread were busy starting Python.
    const { host, log } = fakeHost(() => new Promise((r) => setTimeout(() => r(answer(1)), 120)), () => pythonUp);
    const runner = new LiveRunner(host);
    await runner.warm();
    const warming = runner.warmPython();
    const during = await runner.run(request('{}'), 50); // over its 50 ms limit, but while Python starts
    expect(during).toMatchObject({ status: 'done', response: { result: { reward: 1 } } });
    up();
    await warming;
    const after = await runner.run(request('{"type": "string_check"}'), 50); // the same wait now overruns
    expect(after).toMatchObject({ status: 'done', response: { result: { reward: 0 } } });
    expect(log).toEqual(['spawn 1', 'prepare python 1', 'kill 1', 'spawn 2']);
  });
});
