import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../cli/fake-openai.ts';
import { createNodeModelRuntime } from '../../cli/model-runtime.ts';
import { runGrader } from '../run.ts';
import type { ModelRuntime } from '../runtime.ts';
import { cosineSimilarity, DEFAULT_EMBEDDING_MODEL } from './cosine.ts';

describe('cosineSimilarity', () => {
  it('known vectors', () => {
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 0], [-1, 0])).toBe(-1);
    expect(cosineSimilarity([3, 4], [4, 3])).toBeCloseTo(24 / 25, 15);
    expect(cosineSimilarity([1, 1], [1, 0])).toBeCloseTo(Math.SQRT1_2, 15);
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeLessThanOrEqual(1);
    // Scale does not matter.
    expect(cosineSimilarity([1e-3, 2e-3], [5e3, 1e4])).toBeCloseTo(1, 15);
  });

  it('a zero vector has no angle (null); different lengths are a bug', () => {
    expect(cosineSimilarity([0, 0], [1, 0])).toBeNull();
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(RangeError);
  });

  it('3,072-dimensional vectors: plain float64 sums stay within 1e-13 of compensated (Kahan) sums', () => {
    // Deterministic pseudo-random vectors (an LCG), as long as text-embedding-3-large's.
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const a = Array.from({ length: 3072 }, rnd);
    const b = a.map((x) => x + 0.3 * rnd());
    const kahan = (xs: number[]) => {
      let s = 0;
      let c = 0;
      for (const x of xs) {
        const y = x - c;
        const t = s + y;
        c = t - s - y;
        s = t;
      }
      return s;
    };
    const exact = kahan(a.map((x, i) => x * b[i]!)) / Math.sqrt(kahan(a.map((x) => x * x)) * kahan(b.map((x) => x * x)));
    expect(Math.abs(cosineSimilarity(a, b)! - exact)).toBeLessThan(1e-13);
  });
});

describe('text_similarity with evaluation_metric cosine', () => {
  let server: FakeServer;
  let runtime: ModelRuntime;
  beforeAll(async () => {
    server = await startFakeOpenAI(() => ({ json: {} }));
    runtime = createNodeModelRuntime({ baseUrl: server.url, apiKey: 'sk-x', timeoutMs: 5000 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const grader = { type: 'text_similarity', name: 'cos', input: '{{ sample.output_text }}', reference: '{{ item.ref }}', evaluation_metric: 'cosine' };
  const run = (rt: ModelRuntime | null) => runGrader(grader, { output_text: 'a cat' }, { ref: 'a feline' }, { runtime: rt ? { model: rt } : {} });
  const embeddings = (vectors: { index: number; embedding: unknown }[], extra: Record<string, unknown> = {}) => ({
    object: 'list',
    data: vectors.map((v) => ({ object: 'embedding', ...v })),
    model: 'text-embedding-3-large',
    usage: { prompt_tokens: 4, total_tokens: 4 },
    ...extra,
  });

  it('embeds input and reference in one request and rewards their cosine', async () => {
    // Listed out of order: `index` says which text each vector belongs to.
    server.handler = () => ({ json: embeddings([{ index: 1, embedding: [4, 3] }, { index: 0, embedding: [3, 4] }]) });
    const r = await run(runtime);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.path).toBe('/embeddings');
    expect(server.requests[0]!.body).toEqual({ model: DEFAULT_EMBEDDING_MODEL, input: ['a cat', 'a feline'], encoding_format: 'float' });
    expect(r.reward).toBeCloseTo(0.96, 15);
    expect(r.metadata.scores).toEqual({ cosine: r.reward });
    expect(r.metadata.token_usage).toEqual({ prompt_tokens: 4, completion_tokens: 0, total_tokens: 4, cached_tokens: 0 });
    expect(r.model_grader_token_usage_per_model).toEqual({ 'text-embedding-3-large': r.metadata.token_usage });
    expect(r.metadata.sampled_model_name).toBe('text-embedding-3-large');
    expect(r.explain!.details).toEqual({
      kind: 'cosine',
      metric: 'cosine',
      model: 'text-embedding-3-large',
      dimensions: 2,
      score: r.reward,
      request: server.requests[0]!.body,
      httpStatus: 200,
      byHand: false,
    });
    expect(r.explain!.rendered.map((f) => f.rendered)).toEqual(['a cat', 'a feline']);
  });

  it('opposite vectors give a negative cosine, reported as it is', async () => {
    server.handler = () => ({ json: embeddings([{ index: 0, embedding: [1, 0] }, { index: 1, embedding: [-1, 0] }]) });
    expect((await run(runtime)).reward).toBe(-1);
  });

  it('a malformed reply or an HTTP error is a model_grader_server_error; a zero vector is other_error', async () => {
    server.handler = () => ({ json: embeddings([{ index: 0, embedding: [1, 0] }]) });
    expect((await run(runtime)).metadata.errors.model_grader_server_error_details).toMatch(/should hold 2 embeddings/);
    server.handler = () => ({ json: embeddings([{ index: 0, embedding: 'AAAA' }, { index: 1, embedding: [1] }]) });
    expect((await run(runtime)).metadata.errors.model_grader_server_error_details).toMatch(/not a list of numbers/);
    server.handler = () => ({ json: embeddings([{ index: 0, embedding: [1, 2] }, { index: 1, embedding: [1] }]) });
    expect((await run(runtime)).metadata.errors.model_grader_server_error_details).toMatch(/different lengths/);
    server.handler = () => ({ status: 400, json: { error: { message: "This model's maximum context length is 8192 tokens" } } });
    const http = await run(runtime);
    expect(http.metadata.errors.model_grader_server_error_details).toBe("HTTP 400 from /embeddings: This model's maximum context length is 8192 tokens");
    expect(http.explain!.problems[0]!.pointer).toBe('/evaluation_metric');
    server.handler = () => ({ json: embeddings([{ index: 0, embedding: [0, 0] }, { index: 1, embedding: [1, 0] }]) });
    const zero = await run(runtime);
    expect(zero.metadata.errors.other_error).toBe(true);
    expect(zero.metadata.token_usage).not.toBeNull();
  });

  it('with no endpoint it fails clearly and shows the request that would be sent', async () => {
    const r = await run(null);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.metadata.errors.model_grader_server_error_details).toMatch(/^cosine needs embeddings from a model endpoint, and there is no model endpoint configured/);
    expect((r.explain!.details as Record<string, unknown>).request).toEqual({ model: DEFAULT_EMBEDDING_MODEL, input: ['a cat', 'a feline'], encoding_format: 'float' });
  });
});
