import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletion, startFakeOpenAI, type FakeServer } from '../../cli/fake-openai.ts';
import { createNodeModelRuntime } from '../../cli/model-runtime.ts';
import { gradeFromReply, handJudgeRuntime } from '../model/hand.ts';
import { runGrader } from '../run.ts';
import type { ModelRuntime } from '../runtime.ts';
import { DEFAULT_SETTINGS, type LabelModelGrader } from '../types.ts';

let server: FakeServer;
let runtime: ModelRuntime;

beforeAll(async () => {
  server = await startFakeOpenAI(() => ({ json: chatCompletion('{"result": "polite", "steps": []}') }));
  runtime = createNodeModelRuntime({ baseUrl: server.url, apiKey: 'sk-x', timeoutMs: 5000 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const judge: LabelModelGrader = {
  type: 'label_model',
  name: 'tone',
  model: 'gpt-4o-mini',
  input: [{ role: 'user', content: 'Is this polite? {{ sample.output_text }}' }],
  labels: ['polite', 'neutral', 'rude'],
  passing_labels: ['polite', 'neutral'],
};
const sample = { output_text: 'Thank you!' };
// label_model is an evals grader (and a multi sub-grader); at the top level only the 'eval' context accepts it.
const run = (g: unknown, rt: ModelRuntime | null = runtime) => runGrader(g, sample, {}, { runtime: rt ? { model: rt } : {}, context: 'eval' });
const says = (content: string, extra: Parameters<typeof chatCompletion>[1] = {}) => {
  server.handler = () => ({ json: chatCompletion(content, extra) });
};

describe('label_model', () => {
  it('asks for result as an enum of the labels and passes a passing label', async () => {
    says('{"result": "neutral", "steps": [{"description": "tone", "conclusion": "flat"}]}');
    const r = await run(judge);
    expect(r.reward).toBe(1);
    expect(r.metadata.scores).toEqual({ label: 'neutral' });
    const body = server.requests[0]!.body as Record<string, any>;
    expect(body.messages).toEqual([{ role: 'user', content: 'Is this polite? Thank you!' }]);
    expect(body.response_format.json_schema.name).toBe('label_model_result');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.properties.result).toEqual({ type: 'string', enum: ['polite', 'neutral', 'rude'] });
    expect(body.response_format.json_schema.schema.required).toEqual(['result', 'steps']);
    const d = r.explain!.details as Record<string, any>;
    expect(d).toMatchObject({ kind: 'label_model', label: 'neutral', passing: true, rawReply: expect.stringContaining('neutral') });
    expect(d.request).toEqual(body);
    expect(d.steps).toEqual([{ description: 'tone', conclusion: 'flat' }]);
  });

  it('a label outside passing_labels gives 0 without an error', async () => {
    says('{"result": "rude", "steps": []}');
    const r = await run(judge);
    expect(r.reward).toBe(0);
    expect(Object.values(r.metadata.errors).some((v) => v === true)).toBe(false);
    expect(r.metadata.scores).toEqual({ label: 'rude' });
    expect((r.explain!.details as Record<string, any>).passing).toBe(false);
    expect(r.explain!.summary).toMatch(/not among the passing labels/);
  });

  it('a label that is not one of the labels is a parse error (labels match exactly)', async () => {
    says('{"result": "Polite", "steps": []}');
    const r = await run(judge);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_parse_error).toBe(true);
    expect(r.explain!.problems[0]!.message).toBe('the judge\'s label "Polite" is not one of the labels (polite, neutral, rude)');
    expect((r.explain!.details as Record<string, any>).label).toBe('Polite');
  });

  it('no result, a non-string result, or a refusal', async () => {
    says('{"label": "polite"}');
    expect((await run(judge)).metadata.errors.model_grader_parse_error).toBe(true);
    says('{"result": 1, "steps": []}');
    const num = await run(judge);
    expect(num.explain!.problems[0]!.message).toMatch(/number 1, not a label/);
    server.handler = () => ({ json: chatCompletion(null, { refusal: 'No.' }) });
    expect((await run(judge)).metadata.errors.model_grader_refusal_error).toBe(true);
  });

  it('with no endpoint it fails with the request that would be sent; a typed label goes through the same checks', async () => {
    const r = await run(judge, null);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    const d = r.explain!.details as Record<string, any>;
    expect(d.request.messages).toEqual([{ role: 'user', content: 'Is this polite? Thank you!' }]);
    expect(d.request.response_format.json_schema.schema.properties.result.enum).toEqual(judge.labels);

    const ctx = { sample, item: {}, settings: DEFAULT_SETTINGS, pointer: '' };
    const ok = await gradeFromReply(judge, ctx, '{"result": "polite", "steps": []}');
    expect(ok.reward).toBe(1);
    expect(ok.scores).toEqual({ label: 'polite' });
    const wrong = await gradeFromReply(judge, ctx, '{"result": "kind", "steps": []}');
    expect(wrong.errors.model_grader_parse_error).toBe(true);
  });
});

describe('model graders inside multi', () => {
  const score = {
    type: 'score_model',
    name: 'quality',
    model: 'gpt-4.1',
    input: [{ role: 'user', content: 'Rate: {{ sample.output_text }}' }],
    range: [0, 10],
  };
  const multi = {
    type: 'multi',
    name: 'both',
    graders: { quality: score, tone: judge, exact: { type: 'string_check', name: 'e', input: '{{ sample.output_text }}', reference: 'Thank you!', operation: 'eq' } },
    calculate_output: 'quality / 10 * tone * exact',
  };

  it('grades every judge, sums token usage and keeps one row per model', async () => {
    server.handler = (req) => {
      const b = req.body as Record<string, any>;
      return b.response_format.json_schema.name === 'score_model_result'
        ? { json: chatCompletion('{"result": 8, "steps": []}', { model: 'gpt-4.1-2025-04-14', usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120, prompt_tokens_details: { cached_tokens: 10 } } }) }
        : { json: chatCompletion('{"result": "polite", "steps": []}', { model: 'gpt-4o-mini-2024-07-18', usage: { prompt_tokens: 50, completion_tokens: 5, total_tokens: 55 } }) };
    };
    const r = await runGrader(multi, sample, {}, { runtime: { model: runtime } });
    expect(server.requests).toHaveLength(2);
    expect(r.sub_rewards).toEqual({ quality: 8, tone: 1, exact: 1 });
    expect(r.reward).toBeCloseTo(0.8, 15);
    expect(r.metadata.token_usage).toEqual({ prompt_tokens: 150, completion_tokens: 25, total_tokens: 175, cached_tokens: 10 });
    expect(r.model_grader_token_usage_per_model).toEqual({
      'gpt-4.1-2025-04-14': { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120, cached_tokens: 10 },
      'gpt-4o-mini-2024-07-18': { prompt_tokens: 50, completion_tokens: 5, total_tokens: 55, cached_tokens: 0 },
    });
    expect(r.metadata.sampled_model_name).toBeNull();
    expect((r.explain!.children!.tone!.details as Record<string, any>).label).toBe('polite');
    expect(r.explain!.rendered.map((f) => f.pointer)).toEqual(expect.arrayContaining(['/graders/quality/input/0/content', '/graders/tone/input/0/content']));
  });

  it('a judge\'s server error fails the multi grade with its details; the other judge\'s usage still counts', async () => {
    server.handler = (req) => {
      const b = req.body as Record<string, any>;
      return b.response_format.json_schema.name === 'score_model_result'
        ? { status: 503, json: { error: { message: 'overloaded' } } }
        : { json: chatCompletion('{"result": "polite", "steps": []}', { usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 } }) };
    };
    const r = await runGrader(multi, sample, {}, { runtime: { model: runtime } });
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toBe('HTTP 503 from /chat/completions: overloaded');
    expect(r.metadata.token_usage).toEqual({ prompt_tokens: 5, completion_tokens: 1, total_tokens: 6, cached_tokens: 0 });
    expect(r.explain!.problems[0]!.pointer).toBe('/graders/quality');
  });

  it('judged by hand through handJudgeRuntime, each judge answered by its schema', async () => {
    const hand = handJudgeRuntime((req) => (req.response_format.json_schema.name === 'score_model_result' ? '{"result": 5, "steps": []}' : '{"result": "neutral", "steps": []}'));
    const r = await runGrader(multi, sample, {}, { runtime: { model: hand } });
    expect(r.sub_rewards).toEqual({ quality: 5, tone: 1, exact: 1 });
    expect(r.reward).toBe(0.5);
    expect(r.metadata.token_usage).toBeNull();
  });
});
