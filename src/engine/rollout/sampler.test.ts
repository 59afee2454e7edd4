import { afterEach, describe, expect, it } from 'vitest';
import { chatCompletion, startFakeOpenAI, type FakeServer } from '../../cli/fake-openai.ts';
import { sampleKey, sampleRollouts, type Failure, type RolloutTransport, type Sampled, type SamplerOptions } from './sampler.ts';
import type { JsonObject } from '../types.ts';
import { toPlain } from '../json.ts';

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const transportTo = (url: string): RolloutTransport => (body, signal) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });

const row = (q: string): JsonObject => ({ messages: [{ role: 'user', content: q }], answer: q.toUpperCase() });

async function run(url: string, extra: Partial<SamplerOptions> = {}) {
  const samples: Sampled[] = [];
  const failures: Failure[] = [];
  const delays: number[] = [];
  const outcome = await sampleRollouts({
    tasks: [{ row: 0, value: row('a') }, { row: 1, value: row('b') }],
    settings: { model: 'm-1', k: 3, temperature: 1, max_completion_tokens: 50 },
    transport: transportTo(url),
    concurrency: 2,
    onSample: (s) => void samples.push(s),
    onFailure: (f) => void failures.push(f),
    sleep: async (ms) => void delays.push(ms),
    random: () => 0,
    ...extra,
  });
  return { outcome, samples, failures, delays };
}

describe('sampleRollouts against a fake OpenAI-compatible server', () => {
  it('asks k completions per row with the model and sampling settings, never more than `concurrency` at once', async () => {
    let inFlight = 0;
    let most = 0;
    let n = 0;
    server = await startFakeOpenAI(async (req) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      const q = ((req.body as JsonObject).messages as JsonObject[])[0]!.content;
      return { json: chatCompletion(`${q as string}-${n++}`, { usage: { prompt_tokens: 5, completion_tokens: 2 } }) };
    });
    const { outcome, samples, failures } = await run(server.url);
    expect(outcome).toEqual({ status: 'done', sampled: 6, failed: 0 });
    expect(failures).toEqual([]);
    expect(most).toBe(2);
    expect(samples.filter((s) => s.row === 0).map((s) => s.index).sort()).toEqual([0, 1, 2]);
    expect(samples.find((s) => s.row === 1)!.sample.output_text).toMatch(/^b-\d$/);
    expect(samples[0]!.usage).toEqual({ prompt_tokens: 5, completion_tokens: 2 });
    const body = server.requests[0]!.body as JsonObject;
    expect(body).toEqual({ model: 'm-1', messages: [{ role: 'user', content: 'a' }], temperature: 1, max_completion_tokens: 50 });
    expect(body).not.toHaveProperty('answer');
  });

  it('assembles a streamed reply: content, reasoning kept out of output_text, tool-call deltas, usage', async () => {
    server = await startFakeOpenAI(() => ({
      sse: [
        { choices: [{ index: 0, delta: { role: 'assistant', reasoning_content: 'let me think' } }] },
        { choices: [{ index: 0, delta: { content: '{"x": ' } }] },
        { choices: [{ index: 0, delta: { content: '1}', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get', arguments: '{"q"' } }] } }] },
        { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ': 2}' } }] }, finish_reason: 'tool_calls' }] },
        { choices: [], usage: { prompt_tokens: 7, completion_tokens: 9 } },
        '[DONE]',
      ],
    }));
    const { samples, failures } = await run(server.url, { settings: { model: 'm', k: 1, stream: true } });
    expect(failures).toEqual([]);
    expect(server.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const s = samples[0]!;
    expect(s.sample.output_text).toBe('{"x": 1}');
    expect(toPlain(s.sample.output_json!)).toEqual({ x: 1 });
    expect(s.sample.output_tools).toEqual([{ id: 'call_1', type: 'function', function: { name: 'get', arguments: '{"q": 2}' } }]);
    expect((s.sample.choices as JsonObject[])[0]!.finish_reason).toBe('tool_calls');
    expect(s.usage).toEqual({ prompt_tokens: 7, completion_tokens: 9 });
  });

  it('waits as a 429 Retry-After says, backs off on 5xx, and reports what still fails per completion', async () => {
    const seen = new Map<string, number>();
    server = await startFakeOpenAI((req) => {
      const q = ((req.body as JsonObject).messages as JsonObject[])[0]!.content as string;
      const count = (seen.get(q) ?? 0) + 1;
      seen.set(q, count);
      if (q === 'a') return count === 1 ? { status: 429, headers: { 'retry-after': '2' }, json: { error: { message: 'slow down' } } } : { json: chatCompletion('ok') };
      return { status: 503, json: { error: { message: 'overloaded' } } };
    });
    const { outcome, samples, failures, delays } = await run(server.url, { settings: { model: 'm', k: 1 }, maxAttempts: 3, concurrency: 1 });
    expect(outcome).toEqual({ status: 'done', sampled: 1, failed: 1 });
    expect(samples[0]).toMatchObject({ row: 0, attempts: 2 });
    expect(failures).toEqual([{ row: 1, index: 0, kind: 'server', message: 'HTTP 503: overloaded', attempts: 3 }]);
    // 2 s from Retry-After, then the backoff of the 503s: 0.5 s, 1 s (random() = 0: no jitter).
    expect(delays).toEqual([2000, 500, 1000]);
  });

  it('does not retry a 400 or a malformed reply, and says what was wrong', async () => {
    server = await startFakeOpenAI((req) => {
      const q = ((req.body as JsonObject).messages as JsonObject[])[0]!.content as string;
      return q === 'a' ? { status: 400, json: { error: { message: 'bad model' } } } : { text: 'Internal proxy page' , status: 200 };
    });
    const { failures, delays } = await run(server.url, { settings: { model: 'm', k: 1 } });
    expect(delays).toEqual([]);
    expect(failures.sort((x, y) => x.row - y.row)).toEqual([
      { row: 0, index: 0, kind: 'http', message: 'HTTP 400: bad model', attempts: 1 },
      { row: 1, index: 0, kind: 'malformed', message: 'the reply is not JSON: Internal proxy page', attempts: 1 },
    ]);
  });

  it('retries a dropped connection and reports a row without messages', async () => {
    let n = 0;
    server = await startFakeOpenAI(() => (n++ === 0 ? 'drop' : { json: chatCompletion('fine') }));
    const { samples, failures } = await run(server.url, {
      tasks: [{ row: 0, value: row('a') }, { row: 1, value: { prompt: 'no messages' } }],
      settings: { model: 'm', k: 1 },
    });
    expect(samples).toMatchObject([{ row: 0, attempts: 2, sample: { output_text: 'fine' } }]);
    expect(failures).toEqual([{ row: 1, index: -1, kind: 'row', message: 'the row has no "messages" list to prompt the model with', attempts: 0 }]);
  });

  it('cancels slow requests at once, keeps what was sampled, and resumes with only the missing completions', async () => {
    server = await startFakeOpenAI((req) => {
      const q = ((req.body as JsonObject).messages as JsonObject[])[0]!.content as string;
      return q === 'a' ? { json: chatCompletion('fast') } : { json: chatCompletion('slow'), delayMs: 20_000 };
    });
    const controller = new AbortController();
    const kept: Sampled[] = [];
    const started = Date.now();
    const first = await run(server.url, {
      concurrency: 2,
      signal: controller.signal,
      onSample: (s) => {
        kept.push(s);
        // Row 0's three are fast; row 1's hang: cancel once row 0 is in.
        if (kept.length === 3) setTimeout(() => controller.abort(), 50);
      },
    });
    expect(first.outcome.status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(kept.map((s) => s.row)).toEqual([0, 0, 0]);
    expect(first.failures).toEqual([]);

    server.handler = () => ({ json: chatCompletion('now fast') });
    const done = new Set(kept.map((s) => sampleKey(s.row, s.index)));
    const second = await run(server.url, { done, settings: { model: 'resumed', k: 3 } });
    expect(second.outcome).toEqual({ status: 'done', sampled: 3, failed: 0 });
    expect(second.samples.map((s) => [s.row, s.index]).sort()).toEqual([[1, 0], [1, 1], [1, 2]]);
    expect(server.requests.filter((r) => (r.body as JsonObject).model === 'resumed').length).toBe(3);
  });
});
