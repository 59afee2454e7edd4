import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import type { GraderHost, WorkerHandle } from './host.ts';
import { LiveRunner } from './live-runner.ts';
import type { RunRequest, RunResponse } from './protocol.ts';

/** A fake host whose workers answer as `behaviour` says; records spawns and kills. */
function fakeHost(behaviour: (req: RunRequest, workerId: number) => Promise<RunResponse>) {
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
        api: { ping: async () => 'pong', run: (req: RunRequest) => behaviour(req, id) } as never,
      };
    },
    kill(h: WorkerHandle) {
      log.push(`kill ${h.id}`);
    },
  };
  return { host: host as unknown as GraderHost, log };
}

const request = (grader: string): RunRequest => ({ grader, sample: '{}', item: '{}', settings: DEFAULT_SETTINGS });
const answer = (reward: number): RunResponse => ({
  docErrors: [],
  problems: [],
  result: { reward, metadata: {} as never, sub_rewards: {}, model_grader_token_usage_per_model: {} },
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
