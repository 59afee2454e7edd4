import { describe, expect, it } from 'vitest';
import { runGrader } from '../run.ts';
import type { HandAnswers, ModelRuntime } from '../runtime.ts';

/** A model runtime that must never be called: a hand answer replaces the call. */
const forbidden: ModelRuntime = {
  post: () => Promise.reject(new Error('the model was called although a hand answer was given')),
};

const score = {
  type: 'score_model',
  name: 'quality',
  model: 'gpt-4o-mini',
  input: [{ role: 'user', content: 'Rate: {{ sample.output_text }}' }],
  range: [0, 10],
};
const label = {
  type: 'label_model',
  name: 'tone',
  model: 'gpt-4o-mini',
  input: [{ role: 'user', content: 'Tone of {{ sample.output_text }}?' }],
  labels: ['polite', 'rude'],
  passing_labels: ['polite'],
};
const cosine = { type: 'text_similarity', name: 'cos', input: '{{ sample.output_text }}', reference: '{{ item.ref }}', evaluation_metric: 'cosine', pass_threshold: 0.5 };
const sample = { output_text: 'Thank you!' };
const item = { ref: 'Thanks' };
const run = (g: unknown, hand: HandAnswers, model: ModelRuntime | undefined = forbidden) =>
  runGrader(g, sample, item, { runtime: { model, hand }, context: 'eval' });

describe('hand answers in the engine runtime', () => {
  it('score_model at the top level takes the typed reply, marked as typed by hand (no HTTP status)', async () => {
    const r = await run(score, { '': { kind: 'reply', text: '{"result": 12, "steps": []}' } });
    expect(r.reward).toBe(10);
    const d = r.explain!.details as Record<string, unknown>;
    expect(d).toMatchObject({ kind: 'score_model', byHand: true, httpStatus: null, clamped: true });
    expect(r.explain!.summary).toMatch(/by hand/);
    expect(r.metadata.token_usage).toBeNull();
  });

  it('a hand answer for another pointer is not used: the grader asks the model', async () => {
    const r = await run(score, { '/graders/x': { kind: 'reply', text: '{"result": 1, "steps": []}' } }, undefined);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
  });

  it('inside multi, each judge and a cosine get their own answer by pointer', async () => {
    const multi = { type: 'multi', name: 'm', graders: { q: score, t: label, c: cosine }, calculate_output: 'q / 10 + t + c' };
    const r = await run(multi, {
      '/graders/q': { kind: 'reply', text: '{"result": 5, "steps": []}' },
      '/graders/t': { kind: 'reply', text: '{"result": "polite", "steps": []}' },
      '/graders/c': { kind: 'similarity', value: 0.25 },
    });
    expect(r.sub_rewards).toEqual({ q: 5, t: 1, c: 0.25 });
    expect(r.reward).toBe(1.75);
    expect((r.explain!.children!.t!.details as Record<string, unknown>).byHand).toBe(true);
    expect((r.explain!.children!.c!.details as Record<string, unknown>).byHand).toBe(true);
  });

  it('a label outside the labels typed by hand is the same parse error an endpoint reply gives', async () => {
    const r = await run({ ...label }, { '': { kind: 'reply', text: '{"result": "meh", "steps": []}' } });
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_parse_error).toBe(true);
  });

  it('cosine from two typed vectors is their float64 cosine; from a typed similarity, that number', async () => {
    const v = await run(cosine, { '': { kind: 'vectors', a: [3, 4], b: [4, 3] } });
    expect(v.reward).toBe(24 / 25);
    expect(v.explain!.details).toMatchObject({ kind: 'cosine', byHand: true, dimensions: 2, score: 24 / 25 });
    expect(v.explain!.summary).toMatch(/by hand/);
    const s = await run(cosine, { '': { kind: 'similarity', value: -0.5 } });
    expect(s.reward).toBe(-0.5);
  });

  it('impossible hand answers for cosine are errors with a reason', async () => {
    const out = await run(cosine, { '': { kind: 'similarity', value: 1.5 } });
    expect(out.reward).toBe(0);
    expect(out.metadata.errors.other_error).toBe(true);
    expect(out.explain!.problems[0]!.message).toMatch(/from -1 to 1/);
    const lengths = await run(cosine, { '': { kind: 'vectors', a: [1, 2], b: [1] } });
    expect(lengths.explain!.problems[0]!.message).toMatch(/different lengths/);
    const zero = await run(cosine, { '': { kind: 'vectors', a: [0, 0], b: [1, 0] } });
    expect(zero.explain!.problems[0]!.message).toMatch(/all zeros/);
  });
});
