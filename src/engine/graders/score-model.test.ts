import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletion, closedPortUrl, startFakeOpenAI, type FakeServer } from '../../cli/fake-openai.ts';
import { createNodeModelRuntime } from '../../cli/model-runtime.ts';
import { gradeFromReply, handJudgeRuntime } from '../model/hand.ts';
import { runGrader } from '../run.ts';
import type { ModelRuntime } from '../runtime.ts';
import { DEFAULT_SETTINGS, type JsonValue, type ScoreModelGrader } from '../types.ts';

let server: FakeServer;
let runtime: ModelRuntime;
const KEY = 'sk-test-secret-123';

beforeAll(async () => {
  server = await startFakeOpenAI(() => ({ json: chatCompletion('{"result": 1, "steps": []}') }));
  runtime = createNodeModelRuntime({ baseUrl: server.url, apiKey: KEY, timeoutMs: 5000 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const reply = (content: string | null, extra: Parameters<typeof chatCompletion>[1] = {}) => {
  server.handler = () => ({ json: chatCompletion(content, extra) });
};

const grader = (extra: Partial<ScoreModelGrader> = {}): ScoreModelGrader => ({
  type: 'score_model',
  name: 'judge',
  model: 'gpt-4o-2024-08-06',
  input: [
    { role: 'system', content: 'You grade answers from 0 to 1.' },
    { role: 'user', content: 'Answer: {{ sample.output_text }}\nReference: {{ item.answer }}' },
  ],
  ...extra,
});
const sample: JsonValue = { output_text: 'Paris' };
const item: JsonValue = { answer: 'Paris' };
/** `rt` null: no model endpoint configured. */
const run = (g: unknown, rt: ModelRuntime | null = runtime, opts: { signal?: AbortSignal } = {}) =>
  runGrader(g, sample, item, { runtime: rt ? { model: rt } : {}, ...opts });
const details = (r: Awaited<ReturnType<typeof run>>) => r.explain!.details as Record<string, any>;

describe('score_model against an OpenAI-compatible endpoint', () => {
  it('sends the rendered messages with a strict {result, steps} schema and rewards result', async () => {
    reply('{"result": 0.8, "steps": [{"description": "compare", "conclusion": "close"}]}');
    const r = await run(grader());
    expect(r.reward).toBe(0.8);
    expect(Object.values(r.metadata.errors).some((v) => v === true)).toBe(false);
    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.body).toEqual({
      model: 'gpt-4o-2024-08-06',
      messages: [
        { role: 'system', content: 'You grade answers from 0 to 1.' },
        { role: 'user', content: 'Answer: Paris\nReference: Paris' },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'score_model_result',
          strict: true,
          schema: {
            type: 'object',
            properties: {
              result: { type: 'number' },
              steps: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { description: { type: 'string' }, conclusion: { type: 'string' } },
                  required: ['description', 'conclusion'],
                  additionalProperties: false,
                },
              },
            },
            required: ['result', 'steps'],
            additionalProperties: false,
          },
        },
      },
    });
    const d = details(r);
    expect(d.kind).toBe('score_model');
    expect(d.request).toEqual(sent.body);
    expect(d.rawReply).toBe('{"result": 0.8, "steps": [{"description": "compare", "conclusion": "close"}]}');
    expect(d.parsed).toEqual({ result: 0.8, steps: [{ description: 'compare', conclusion: 'close' }] });
    expect(d.clamped).toBe(false);
    expect(d.range).toEqual([0, 1]);
    expect(r.explain!.rendered.map((f) => f.pointer)).toEqual(['/input/0/content', '/input/1/content']);
    expect(r.explain!.assumptions.map((a) => a.id)).toEqual(expect.arrayContaining(['judge-prompt', 'judge-schema']));
    // The key never enters the result (the engine never had it).
    expect(JSON.stringify(r)).not.toContain(KEY);
    // The explanation crosses postMessage: plain JSON.
    expect(JSON.parse(JSON.stringify(r.explain))).toEqual(r.explain);
  });

  it('clamps result into range, below and above', async () => {
    reply('{"result": -0.5, "steps": []}');
    const low = await run(grader());
    expect(low.reward).toBe(0);
    expect(details(low).clamped).toBe(true);
    expect(details(low).parsed.result).toBe(-0.5);
    expect(low.explain!.summary).toMatch(/clamped to 0/);

    reply('{"result": 7, "steps": []}');
    const high = await run(grader({ range: [1, 5] }));
    expect(high.reward).toBe(5);
    expect(details(high).clamped).toBe(true);
    expect(details(high).range).toEqual([1, 5]);

    reply('{"result": -1, "steps": []}');
    const neg = await run(grader({ range: [-1, 1] }));
    expect(neg.reward).toBe(-1);
    expect(details(neg).clamped).toBe(false);
  });

  it.each([
    ['not JSON', 'The answer is 0.8', /not JSON/],
    ['JSON without result', '{"steps": []}', /no "result"/],
    ['result not a number', '{"result": "0.8", "steps": []}', /"result" is a string "0\.8", not a number/],
    ['result null', '{"result": null, "steps": []}', /null, not a number/],
    ['a JSON list', '[0.8]', /not an object/],
    ['an empty reply', '', /empty/],
    ['an overflowing number', '{"result": 1e999, "steps": []}', /not a number/],
  ])('%s is a model_grader_parse_error with reward 0', async (_, content, message) => {
    reply(content);
    const r = await run(grader());
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_parse_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error).toBe(false);
    expect(r.metadata.errors.model_grader_server_error_details).toBeNull();
    expect(r.explain!.problems[0]!.message).toMatch(message);
    expect(details(r).parsed).toBeNull();
    expect(details(r).rawReply).toBe(content);
    // The call happened: its tokens count even when the reply is useless.
    expect(r.metadata.sampled_model_name).toBe('gpt-4o-2024-08-06');
  });

  it('a refusal is a model_grader_refusal_error', async () => {
    reply(null, { refusal: "I'm sorry, I can't help with that." });
    const r = await run(grader());
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_refusal_error).toBe(true);
    expect(r.metadata.errors.model_grader_parse_error).toBe(false);
    expect(details(r).refusal).toBe("I'm sorry, I can't help with that.");
    expect(r.explain!.summary).toMatch(/refused/);
  });

  it('a reply cut off at the token limit is a parse error that says so; a content filter stop is a refusal', async () => {
    reply('{"result": 0.', { finish_reason: 'length' });
    const cut = await run(grader({ sampling_params: { max_completions_tokens: 5 } }));
    expect(cut.metadata.errors.model_grader_parse_error).toBe(true);
    expect(cut.metadata.errors.truncated_observation_error).toBe(false);
    expect(cut.explain!.problems[0]!.message).toMatch(/cut off.*max_completions_tokens/);
    expect(cut.explain!.assumptions.map((a) => a.id)).toContain('judge-truncated');
    expect(details(cut).finishReason).toBe('length');

    reply('', { finish_reason: 'content_filter' });
    const filtered = await run(grader());
    expect(filtered.metadata.errors.model_grader_refusal_error).toBe(true);
    expect(filtered.explain!.assumptions.map((a) => a.id)).toContain('judge-content-filter');
  });

  it('HTTP 500 with an error body is a model_grader_server_error with the status and the server\'s message', async () => {
    server.handler = () => ({ status: 500, json: { error: { message: 'The server had an error while processing your request.', type: 'server_error' } } });
    const r = await run(grader());
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toBe(
      'HTTP 500 from /chat/completions: The server had an error while processing your request. (server_error)',
    );
    expect(details(r).httpStatus).toBe(500);
    expect(details(r).request).toEqual(server.requests[0]!.body);
    expect(r.metadata.token_usage).toBeNull();
    expect(r.model_grader_token_usage_per_model).toEqual({});
  });

  it('401 names the status, the message and the key as the likely cause', async () => {
    server.handler = () => ({
      status: 401,
      json: { error: { message: 'Incorrect API key provided: sk-test***123.', type: 'invalid_request_error', code: 'invalid_api_key' } },
    });
    const r = await run(grader());
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toBe(
      'HTTP 401 from /chat/completions: Incorrect API key provided: sk-test***123. (invalid_api_key) Check the API key.',
    );
  });

  it('a 200 that is not JSON, or not a chat completion, is a server error', async () => {
    server.handler = () => ({ text: '<html>gateway</html>' });
    const html = await run(grader());
    expect(html.metadata.errors.model_grader_server_error_details).toMatch(/^HTTP 200 from \/chat\/completions, but the body is not JSON: <html>gateway/);
    server.handler = () => ({ json: { object: 'list', data: [] } });
    const wrong = await run(grader());
    expect(wrong.metadata.errors.model_grader_server_error_details).toMatch(/not with a chat completion/);
  });

  it('a network failure (nothing listening) is a server error naming the cause', async () => {
    const dead = createNodeModelRuntime({ baseUrl: await closedPortUrl(), apiKey: KEY, timeoutMs: 5000 });
    const r = await run(grader(), dead);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toMatch(/^the \/chat\/completions request failed: cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(connect ECONNREFUSED/);
  });

  it('a server that never answers: the runtime\'s time limit, or the caller\'s AbortSignal, ends the call', async () => {
    server.handler = () => 'hang';
    const quick = createNodeModelRuntime({ baseUrl: server.url, apiKey: KEY, timeoutMs: 200 });
    const t0 = Date.now();
    const r = await run(grader(), quick);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toMatch(/no answer from POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions within 0\.2 s/);

    const aborted = await run(grader(), runtime, { signal: AbortSignal.timeout(200) });
    expect(aborted.metadata.errors.model_grader_server_error_details).toBe('the /chat/completions request timed out before the endpoint answered');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const cancelled = await run(grader(), runtime, { signal: controller.signal });
    expect(cancelled.metadata.errors.model_grader_server_error_details).toBe('the /chat/completions request was cancelled before the endpoint answered');
  });

  it('a dropped connection is a server error', async () => {
    server.handler = () => 'drop';
    const r = await run(grader());
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toMatch(/^the \/chat\/completions request failed: /);
  });

  it('fills token_usage, the per-model table keyed by the model that answered, and sampled_model_name', async () => {
    reply('{"result": 1, "steps": []}', {
      model: 'gpt-4o-2024-08-06',
      usage: { prompt_tokens: 190, completion_tokens: 134, total_tokens: 324, prompt_tokens_details: { cached_tokens: 64 } },
    });
    const r = await run(grader({ model: 'gpt-4o' }));
    const usage = { prompt_tokens: 190, completion_tokens: 134, total_tokens: 324, cached_tokens: 64 };
    expect(r.metadata.token_usage).toEqual(usage);
    expect(r.model_grader_token_usage_per_model).toEqual({ 'gpt-4o-2024-08-06': usage });
    expect(r.metadata.sampled_model_name).toBe('gpt-4o-2024-08-06');
    expect(details(r).model).toBe('gpt-4o-2024-08-06');

    // Without prompt_tokens_details, cached_tokens is 0; without usage, token_usage is null (not zeros).
    reply('{"result": 1, "steps": []}', { usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 } });
    expect((await run(grader())).metadata.token_usage).toEqual({ prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, cached_tokens: 0 });
    reply('{"result": 1, "steps": []}');
    const none = await run(grader());
    expect(none.metadata.token_usage).toBeNull();
    expect(none.model_grader_token_usage_per_model).toEqual({});
  });

  it('maps sampling_params onto Chat Completions names and leaves nulls out', async () => {
    reply('{"result": 1, "steps": []}');
    await run(grader({ sampling_params: { max_completions_tokens: 500, reasoning_effort: 'low', temperature: 0.2, top_p: 0.9, seed: 42 } }));
    const body = server.requests[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ max_completion_tokens: 500, reasoning_effort: 'low', temperature: 0.2, top_p: 0.9, seed: 42 });
    expect(body).not.toHaveProperty('max_completions_tokens');
    expect(body).not.toHaveProperty('sampling_params');

    await run(grader({ sampling_params: { max_completions_tokens: null, reasoning_effort: null, temperature: 0, top_p: null, seed: null } }));
    const body2 = server.requests[1]!.body as Record<string, unknown>;
    expect(Object.keys(body2).sort()).toEqual(['messages', 'model', 'response_format', 'temperature']);
    expect(body2.temperature).toBe(0);
  });

  it('renders templates in every part type and passes images and audio as Chat Completions parts', async () => {
    reply('{"result": 1, "steps": []}');
    const g = grader({
      input: [
        { role: 'developer', type: 'message', content: 'Grade {{ item.topic }}.' },
        {
          role: 'user',
          content: [
            'plain {{ sample.output_text }}',
            { type: 'input_text', text: 'in: {{ item.answer }}' },
            { type: 'output_text', text: 'out: {{ sample.output_json.n }}' },
            { type: 'input_image', image_url: 'https://img.example/{{ item.image }}.png', detail: 'low' },
            { type: 'input_audio', input_audio: { data: '{{ item.audio_b64 }}', format: 'wav' } },
          ],
        },
        { role: 'assistant', content: { type: 'output_text', text: 'earlier: {{ item.n }}' } },
      ],
    });
    const r = await runGrader(g, { output_text: '{"n": 1.0}', output_json: { n: 1.5 } }, { topic: 'geo', answer: 'Paris', image: 'cat', audio_b64: 'UklGRg==', n: 2 }, { runtime: { model: runtime } });
    expect(r.reward).toBe(1);
    expect((server.requests[0]!.body as Record<string, unknown>).messages).toEqual([
      { role: 'developer', content: 'Grade geo.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'plain {"n": 1.0}' },
          { type: 'text', text: 'in: Paris' },
          { type: 'text', text: 'out: 1.5' },
          { type: 'image_url', image_url: { url: 'https://img.example/cat.png', detail: 'low' } },
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'earlier: 2' }] },
    ]);
    expect(r.explain!.rendered.map((f) => [f.pointer, f.rendered])).toEqual([
      ['/input/0/content', 'Grade geo.'],
      ['/input/1/content/0', 'plain {"n": 1.0}'],
      ['/input/1/content/1/text', 'in: Paris'],
      ['/input/1/content/2/text', 'out: 1.5'],
      ['/input/1/content/3/image_url', 'https://img.example/cat.png'],
      ['/input/1/content/4/input_audio/data', 'UklGRg=='],
      ['/input/2/content/text', 'earlier: 2'],
    ]);
  });

  it('a missing template variable fails before any request is sent', async () => {
    const r = await run(grader({ input: [{ role: 'user', content: [{ type: 'input_text', text: '{{ item.nope }}' }] }] }));
    expect(r.metadata.errors.invalid_variable_error).toBe(true);
    expect(r.explain!.problems[0]!.pointer).toBe('/input/0/content/0/text');
    expect(server.requests).toHaveLength(0);
  });
});

describe('judging by hand', () => {
  it('with no endpoint, the grade fails loudly and carries the request that would be sent', async () => {
    reply('{"result": 1, "steps": []}');
    await run(grader({ sampling_params: { temperature: 0 } }));
    const wouldSend = server.requests[0]!.body;
    const r = await run(grader({ sampling_params: { temperature: 0 } }), null);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toMatch(/^no model endpoint configured/);
    expect(r.explain!.summary).toMatch(/^No model endpoint configured/);
    expect(details(r).request).toEqual(wouldSend);
    expect(details(r).rawReply).toBeNull();
    expect(details(r).httpStatus).toBeNull();
    expect(r.explain!.rendered).toHaveLength(2);
  });

  const ctx = { sample, item, settings: DEFAULT_SETTINGS, pointer: '' };

  it('gradeFromReply runs a typed reply through the same parsing and clamping', async () => {
    const ok = await gradeFromReply(grader(), ctx, '{"result": 0.25, "steps": [{"description": "d", "conclusion": "c"}]}');
    expect(ok.reward).toBe(0.25);
    const d = ok.explain.details as Record<string, any>;
    expect(d.byHand).toBe(true);
    expect(d.parsed).toEqual({ result: 0.25, steps: [{ description: 'd', conclusion: 'c' }] });
    expect(d.request.messages[1].content).toBe('Answer: Paris\nReference: Paris');
    expect(ok.sampled_model_name).toBeNull();
    expect(ok.token_usage).toBeNull();
    expect(ok.explain.summary).toMatch(/typed by hand/);

    const clamped = await gradeFromReply(grader(), ctx, '{"result": 3, "steps": []}');
    expect(clamped.reward).toBe(1);
    expect((clamped.explain.details as Record<string, any>).clamped).toBe(true);

    const bad = await gradeFromReply(grader(), ctx, '```json\n{"result": 1}\n```');
    expect(bad.reward).toBe(0);
    expect(bad.errors.model_grader_parse_error).toBe(true);
  });

  it('handJudgeRuntime answers runGrader with the typed reply', async () => {
    const r = await run(grader(), handJudgeRuntime((req) => (req.messages.length === 2 ? '{"result": 0.5, "steps": []}' : 'no')));
    expect(r.reward).toBe(0.5);
    expect(r.metadata.sampled_model_name).toBeNull();
    expect(r.metadata.token_usage).toBeNull();
  });
});
