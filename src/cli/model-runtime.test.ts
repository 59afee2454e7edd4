import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletion, closedPortUrl, startFakeOpenAI, type FakeServer } from './fake-openai.ts';
import { main } from './main.ts';
import { createNodeModelRuntime, modelRuntimeFromEnv } from './model-runtime.ts';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI(() => ({ json: chatCompletion('{"result": 0.75, "steps": []}') }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handler = () => ({ json: chatCompletion('{"result": 0.75, "steps": []}') });
});

describe('createNodeModelRuntime', () => {
  it('POSTs JSON to base URL + path with the key and the optional organization and project headers', async () => {
    const rt = createNodeModelRuntime({ baseUrl: server.url + '/', apiKey: 'sk-abc', organization: 'org-1', project: 'proj-1' });
    const res = await rt.post('/chat/completions', { model: 'm', messages: [] });
    expect(res.status).toBe(200);
    expect((res.json as { choices: unknown[] }).choices).toHaveLength(1);
    expect(JSON.parse(res.text)).toEqual(res.json);
    const req = server.requests[0]!;
    expect(req.path).toBe('/chat/completions');
    expect(req.body).toEqual({ model: 'm', messages: [] });
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.authorization).toBe('Bearer sk-abc');
    expect(req.headers['openai-organization']).toBe('org-1');
    expect(req.headers['openai-project']).toBe('proj-1');
  });

  it('resolves with HTTP errors and non-JSON bodies (the engine decides what they mean)', async () => {
    server.handler = () => ({ status: 502, text: 'Bad gateway' });
    const rt = createNodeModelRuntime({ baseUrl: server.url, apiKey: 'k' });
    expect(await rt.post('/embeddings', {})).toEqual({ status: 502, json: null, text: 'Bad gateway' });
  });

  it('without a key: OpenAI itself is refused before any request, a custom endpoint is called without Authorization', async () => {
    const openai = createNodeModelRuntime({ apiKey: '' });
    await expect(openai.post('/chat/completions', {})).rejects.toThrow(/^OPENAI_API_KEY is not set: export it to call https:\/\/api\.openai\.com\/v1/);
    const local = createNodeModelRuntime({ baseUrl: server.url });
    await local.post('/chat/completions', {});
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('a bad base URL, a closed port, a time limit and a cancelled call each reject with a clear message', async () => {
    await expect(createNodeModelRuntime({ baseUrl: 'localhost:8000/v1', apiKey: 'k' }).post('/embeddings', {})).rejects.toThrow(/OPENAI_BASE_URL must be an http\(s\) URL|OPENAI_BASE_URL is not a URL/);
    await expect(createNodeModelRuntime({ baseUrl: 'not a url', apiKey: 'k' }).post('/embeddings', {})).rejects.toThrow(/OPENAI_BASE_URL is not a URL/);
    const dead = await closedPortUrl();
    await expect(createNodeModelRuntime({ baseUrl: dead, apiKey: 'sk-secret' }).post('/embeddings', {})).rejects.toThrow(
      new RegExp(`^cannot reach ${dead.replace(/[.]/g, '\\.')}/embeddings \\(connect ECONNREFUSED`),
    );
    server.handler = () => 'hang';
    const slow = createNodeModelRuntime({ baseUrl: server.url, apiKey: 'sk-secret', timeoutMs: 150 });
    const err = await slow.post('/chat/completions', {}).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('TimeoutError');
    expect((err as Error).message).toMatch(/within 0\.15 s$/);
    expect((err as Error).message).not.toContain('sk-secret');
    const controller = new AbortController();
    const pending = createNodeModelRuntime({ baseUrl: server.url, apiKey: 'k' }).post('/chat/completions', {}, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('modelRuntimeFromEnv reads OPENAI_BASE_URL and OPENAI_API_KEY', async () => {
    const rt = modelRuntimeFromEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-env', OPENAI_PROJECT_ID: 'p' });
    await rt.post('/chat/completions', {});
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-env');
    expect(server.requests[0]!.headers['openai-project']).toBe('p');
  });
});

describe('grader-playground run with model graders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-model-cli-'));
  const file = (name: string, content: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  const scoreGrader = file('score.json', {
    type: 'score_model',
    name: 'judge',
    model: 'gpt-4.1',
    input: [{ role: 'user', content: 'Answer {{ sample.output_text }}; expected {{ item.answer }}' }],
  });
  const item = file('item.json', { answer: 'Paris' });
  const saved = { base: process.env.OPENAI_BASE_URL, key: process.env.OPENAI_API_KEY };
  afterEach(() => {
    for (const [k, v] of [['OPENAI_BASE_URL', saved.base], ['OPENAI_API_KEY', saved.key]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  }

  it('--model-sample grades against OPENAI_BASE_URL with OPENAI_API_KEY', async () => {
    process.env.OPENAI_BASE_URL = server.url;
    process.env.OPENAI_API_KEY = 'sk-cli-key';
    server.handler = () => ({
      json: chatCompletion('{"result": 0.75, "steps": [{"description": "d", "conclusion": "c"}]}', {
        model: 'gpt-4.1-2025-04-14',
        usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
      }),
    });
    const r = await cli('run', '--grader', scoreGrader, '--model-sample', 'Paris', '--item', item);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reward).toBe(0.75);
    expect(out.metadata.sampled_model_name).toBe('gpt-4.1-2025-04-14');
    expect(out.model_grader_token_usage_per_model).toEqual({ 'gpt-4.1-2025-04-14': { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30, cached_tokens: 0 } });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-cli-key');
    expect((server.requests[0]!.body as { messages: unknown }).messages).toEqual([{ role: 'user', content: 'Answer Paris; expected Paris' }]);
    expect(r.stdout).not.toContain('sk-cli-key');
  });

  it('--data grades every sample through the endpoint', async () => {
    process.env.OPENAI_BASE_URL = server.url;
    process.env.OPENAI_API_KEY = 'k';
    server.handler = (req) => {
      const text = JSON.stringify(req.body);
      return { json: chatCompletion(text.includes('Answer Paris') ? '{"result": 1, "steps": []}' : '{"result": 0, "steps": []}') };
    };
    const rows = file('rows.jsonl', '{"item": {"answer": "Paris"}, "samples": [{"output_text": "Paris"}, {"output_text": "Rome"}]}\n');
    const r = await cli('run', '--grader', scoreGrader, '--data', rows, '--no-explain');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).result.reward)).toEqual([1, 0]);
    expect(server.requests).toHaveLength(2);
  });

  it('with no key for OpenAI, the result names OPENAI_API_KEY (exit 0: the grade ran and failed)', async () => {
    delete process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_API_KEY;
    const r = await cli('run', '--grader', scoreGrader, '--model-sample', 'Paris', '--item', item);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reward).toBe(0);
    expect(out.metadata.errors.model_grader_server_error).toBe(true);
    expect(out.metadata.errors.model_grader_server_error_details).toMatch(/^the \/chat\/completions request failed: OPENAI_API_KEY is not set/);
    // What would have been sent is in the explanation, so the prompt can be checked offline.
    expect(out.explain.details.request.messages[0].content).toBe('Answer Paris; expected Paris');
  });
});
