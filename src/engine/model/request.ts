/**
 * Chat Completions request bodies for the model graders: the grader's `input` messages with every template
 * rendered (string content, input_text/output_text, input_image.image_url, input_audio.data), its
 * `sampling_params` under Chat Completions' names, and a strict JSON-schema `response_format`. Pure: the body
 * built here is exactly what is sent, and what the explanation shows. Must not: add prompts of our own.
 */
import type { GradeOutcome } from '../result.ts';
import type { ContentPart, InputMessage, RenderedField, SamplingParams } from '../types.ts';
import { renderField, type GradeContext } from '../graders/render.ts';

export type ChatPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'high' | 'low' | 'auto' } }
  | { type: 'input_audio'; input_audio: { data: string; format: string } };

export interface ChatMessage {
  role: InputMessage['role'];
  content: string | ChatPart[];
}

export interface JsonSchemaFormat {
  type: 'json_schema';
  json_schema: { name: string; strict: true; schema: Record<string, unknown> };
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  max_completion_tokens?: number;
  reasoning_effort?: string;
  temperature?: number;
  top_p?: number;
  seed?: number;
  response_format: JsonSchemaFormat;
}

type Built<T> = { ok: true; value: T } | { ok: false; outcome: GradeOutcome };

/** One content part rendered, as the matching Chat Completions part. `at` is its pointer below the grader. */
function renderPart(type: string, ctx: GradeContext, part: ContentPart, at: string, rendered: RenderedField[]): Built<ChatPart> {
  if (typeof part === 'string') {
    const r = renderField(type, ctx, part, at, rendered);
    return r.ok ? { ok: true, value: { type: 'text', text: r.text } } : r;
  }
  switch (part.type) {
    case 'input_text':
    case 'output_text': {
      const r = renderField(type, ctx, part.text, `${at}/text`, rendered);
      return r.ok ? { ok: true, value: { type: 'text', text: r.text } } : r;
    }
    case 'input_image': {
      const r = renderField(type, ctx, part.image_url, `${at}/image_url`, rendered);
      if (!r.ok) return r;
      const image_url: { url: string; detail?: 'high' | 'low' | 'auto' } = { url: r.text };
      if (part.detail !== undefined) image_url.detail = part.detail;
      return { ok: true, value: { type: 'image_url', image_url } };
    }
    case 'input_audio': {
      const r = renderField(type, ctx, part.input_audio.data, `${at}/input_audio/data`, rendered);
      if (!r.ok) return r;
      return { ok: true, value: { type: 'input_audio', input_audio: { data: r.text, format: part.input_audio.format } } };
    }
  }
}

/**
 * The grader's messages, rendered. A string content stays a string; a single part or a list of parts becomes a
 * list of Chat Completions parts. The optional `type: "message"` is dropped (Chat Completions has no such key).
 */
export function renderMessages(type: string, input: InputMessage[], ctx: GradeContext, rendered: RenderedField[]): Built<ChatMessage[]> {
  const messages: ChatMessage[] = [];
  for (let i = 0; i < input.length; i++) {
    const m = input[i]!;
    const at = `input/${i}/content`;
    if (typeof m.content === 'string') {
      const r = renderField(type, ctx, m.content, at, rendered);
      if (!r.ok) return r;
      messages.push({ role: m.role, content: r.text });
      continue;
    }
    const parts = Array.isArray(m.content) ? m.content : [m.content];
    const out: ChatPart[] = [];
    for (let j = 0; j < parts.length; j++) {
      const r = renderPart(type, ctx, parts[j]!, Array.isArray(m.content) ? `${at}/${j}` : at, rendered);
      if (!r.ok) return r;
      out.push(r.value);
    }
    messages.push({ role: m.role, content: out });
  }
  return { ok: true, value: messages };
}

/**
 * `sampling_params` under Chat Completions' names: OpenAI's grader field `max_completions_tokens` (plural) is the
 * API's `max_completion_tokens`. Nulls and absent keys are left out, so the endpoint's defaults apply.
 */
export function samplingFields(sp: SamplingParams | undefined): Partial<ChatRequest> {
  const out: Partial<ChatRequest> = {};
  if (!sp) return out;
  if (typeof sp.max_completions_tokens === 'number') out.max_completion_tokens = sp.max_completions_tokens;
  if (typeof sp.reasoning_effort === 'string') out.reasoning_effort = sp.reasoning_effort;
  if (typeof sp.temperature === 'number') out.temperature = sp.temperature;
  if (typeof sp.top_p === 'number') out.top_p = sp.top_p;
  if (typeof sp.seed === 'number') out.seed = sp.seed;
  return out;
}

export function jsonSchemaFormat(name: string, schema: Record<string, unknown>): JsonSchemaFormat {
  return { type: 'json_schema', json_schema: { name, strict: true, schema } };
}

/** `steps`, as OpenAI documents the judge's reasoning: a list of {description, conclusion}. */
export const STEPS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    properties: { description: { type: 'string' }, conclusion: { type: 'string' } },
    required: ['description', 'conclusion'],
    additionalProperties: false,
  },
} as const;

/** The whole request body for a judge. */
export function buildChatRequest(
  type: string,
  grader: { model: string; input: InputMessage[]; sampling_params?: SamplingParams },
  ctx: GradeContext,
  responseFormat: JsonSchemaFormat,
  rendered: RenderedField[],
): Built<ChatRequest> {
  const messages = renderMessages(type, grader.input, ctx, rendered);
  if (!messages.ok) return messages;
  return {
    ok: true,
    value: { model: grader.model, messages: messages.value, ...samplingFields(grader.sampling_params), response_format: responseFormat },
  };
}
