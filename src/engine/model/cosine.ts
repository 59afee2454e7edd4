/**
 * text_similarity with evaluation_metric "cosine": embeddings of the input and the reference from one
 * `POST /embeddings` (model text-embedding-3-large, as OpenAI documents), and their cosine computed here.
 * Must not: compute embeddings itself or fall back to another metric when no endpoint is configured.
 *
 * Precision: the vectors arrive as decimal JSON numbers (float32 values on OpenAI's side) and are summed here in
 * float64, left to right: dot / sqrt(|a|² · |b|²). Over 3,072 components this stays within about 1e-14 of a
 * compensated sum (a test checks 1e-13); a float32 computation (numpy on float32 arrays) can differ by about 1e-7.
 */
import { assumption, explanation, noErrors, type GradeOutcome } from '../result.ts';
import type { EngineRuntime } from '../runtime.ts';
import type { Assumption, RenderedField } from '../types.ts';
import { callModel } from './call.ts';
import { accounting, NO_ACCOUNTING, usageFrom } from './usage.ts';

export const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-large';

const TYPE = 'text_similarity';

/** Cosine similarity in float64, or null when a vector has norm 0 (the angle is undefined). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length) throw new RangeError(`cosine of vectors of different lengths (${a.length} and ${b.length})`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return null;
  // Rounding can take parallel vectors a hair past ±1.
  return Math.min(1, Math.max(-1, dot / Math.sqrt(na * nb)));
}

export interface EmbeddingsRequest {
  model: string;
  input: [string, string];
  encoding_format: 'float';
}

export interface CosineDetails {
  kind: 'cosine';
  metric: 'cosine';
  model: string;
  /** Length of each embedding, or null when none came back. */
  dimensions: number | null;
  score: number | null;
  /** The exact body sent to `/embeddings` (or that would be sent, with no endpoint configured). */
  request: EmbeddingsRequest;
  httpStatus: number | null;
  /** The similarity or the embeddings were typed by hand (no endpoint was called). */
  byHand: boolean;
}

const ASSUMPTIONS: Assumption[] = [
  assumption(
    'cosine-embeddings',
    'cosine is the cosine similarity of the two texts\' embeddings from text-embedding-3-large (what OpenAI documents; it offers cosine in evals only, not in RFT), computed in float64 here and reported as it is (not clamped to [0, 1]).',
  ),
];

function vector(v: unknown): number[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  return v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (v as number[]) : null;
}

export interface CosineContext {
  runtime: EngineRuntime;
  signal?: AbortSignal;
  /** JSON pointer of the grader. */
  pointer: string;
}

/** The whole grade: rendered texts in, a GradeOutcome out (model_grader_server_error when the call fails). */
export async function cosineSimilarityGrade(
  input: string,
  reference: string,
  ctx: CosineContext,
  rendered: RenderedField[],
  model: string = DEFAULT_EMBEDDING_MODEL,
): Promise<GradeOutcome> {
  const request: EmbeddingsRequest = { model, input: [input, reference], encoding_format: 'float' };
  const details: CosineDetails = { kind: 'cosine', metric: 'cosine', model, dimensions: null, score: null, request, httpStatus: null, byHand: false };
  const fail = (message: string, flag: 'model_grader_server_error' | 'other_error', acc = NO_ACCOUNTING): GradeOutcome => ({
    reward: 0,
    errors: { ...noErrors(), [flag]: true, ...(flag === 'model_grader_server_error' ? { model_grader_server_error_details: message } : {}) },
    scores: {},
    ...acc,
    explain: explanation(TYPE, message.charAt(0).toUpperCase() + message.slice(1) + '.', {
      rendered,
      problems: [{ flag, message, pointer: `${ctx.pointer}/evaluation_metric` }],
      assumptions: ASSUMPTIONS,
      details: details as unknown as Record<string, unknown>,
    }),
  });

  const hand = ctx.runtime.hand?.[ctx.pointer];
  if (hand && hand.kind !== 'reply') {
    details.byHand = true;
    let score: number | null;
    if (hand.kind === 'similarity') {
      if (!Number.isFinite(hand.value) || hand.value < -1 || hand.value > 1) return fail(`a cosine similarity typed by hand must be a number from -1 to 1, not ${hand.value}`, 'other_error');
      score = hand.value;
    } else {
      const a = vector(hand.a);
      const b = vector(hand.b);
      if (!a || !b) return fail('each vector typed by hand must be a non-empty list of finite numbers', 'other_error');
      if (a.length !== b.length) return fail(`the two vectors typed by hand have different lengths (${a.length} and ${b.length})`, 'other_error');
      details.dimensions = a.length;
      score = cosineSimilarity(a, b);
      if (score === null) return fail('a vector typed by hand is all zeros, so the cosine is undefined', 'other_error');
    }
    details.score = score;
    const how = hand.kind === 'similarity' ? 'the similarity typed by hand' : `the cosine of two ${details.dimensions}-dimensional vectors typed by hand`;
    return {
      reward: score,
      errors: noErrors(),
      scores: { cosine: score },
      ...NO_ACCOUNTING,
      explain: explanation(TYPE, `cosine ${Number(score.toPrecision(4))}: ${how} (judged by hand, no model was called).`, {
        rendered,
        assumptions: ASSUMPTIONS,
        details: details as unknown as Record<string, unknown>,
      }),
    };
  }

  const call = await callModel(ctx.runtime.model, '/embeddings', request, ctx.signal);
  if (!call.ok) {
    details.httpStatus = call.status;
    const message = call.reason === 'no_endpoint' ? `cosine needs embeddings from a model endpoint, and there is ${call.message}` : call.message;
    return fail(message, 'model_grader_server_error');
  }
  details.httpStatus = call.status;
  const body = call.json as Record<string, unknown>;
  const answered = typeof body.model === 'string' ? body.model : null;
  const usage = usageFrom(body.usage);
  const acc = { ...accounting(answered ?? (usage ? model : null), usage), sampled_model_name: answered };
  const data = Array.isArray(body.data) ? (body.data as unknown[]) : null;
  if (!data || data.length !== 2) {
    return fail(`the embeddings reply should hold 2 embeddings, but it holds ${data ? data.length : 'no "data" list'}`, 'model_grader_server_error', acc);
  }
  // `index` says which input an embedding belongs to; without it, the order of `data` does.
  const byIndex = (i: number) => data.find((d) => (d as { index?: unknown })?.index === i) ?? data[i];
  const a = vector((byIndex(0) as { embedding?: unknown })?.embedding);
  const b = vector((byIndex(1) as { embedding?: unknown })?.embedding);
  if (!a || !b) return fail('an embedding in the reply is not a list of numbers', 'model_grader_server_error', acc);
  if (a.length !== b.length) return fail(`the two embeddings have different lengths (${a.length} and ${b.length})`, 'model_grader_server_error', acc);
  details.dimensions = a.length;
  const score = cosineSimilarity(a, b);
  if (score === null) return fail('an embedding is all zeros, so the cosine is undefined', 'other_error', acc);
  details.score = score;
  return {
    reward: score,
    errors: noErrors(),
    scores: { cosine: score },
    ...acc,
    explain: explanation(TYPE, `cosine ${Number(score.toPrecision(4))}: the similarity of the two texts' ${a.length}-dimensional ${answered ?? model} embeddings.`, {
      rendered,
      assumptions: ASSUMPTIONS,
      details: details as unknown as Record<string, unknown>,
    }),
  };
}
