/**
 * The path every judge (score_model, label_model) takes after its request is built: ask the endpoint (or take a
 * reply typed by hand), settle what came back into JSON or one of the three model error flags, and build the
 * GradeOutcome with token accounting and the explanation's common fields. What the JSON means (a number, a
 * label) is the grader module's business. Must not: know about a particular grader's schema.
 */
import { assumption, explanation, noErrors, type GradeOutcome } from '../result.ts';
import type { ModelRuntime } from '../runtime.ts';
import type { Assumption, RenderedField } from '../types.ts';
import { callModel, type CallResult } from './call.ts';
import { parseJudgeJson, readChatCompletion, readSteps, type ChatReply, type JudgeStep } from './reply.ts';
import type { ChatRequest } from './request.ts';
import { accounting, NO_ACCOUNTING, type Accounting } from './usage.ts';

/** What came back for a request: no usable answer, or a chat reply (from the endpoint or typed by hand). */
export type Exchange =
  | { kind: 'failed'; call: Extract<CallResult, { ok: false }> }
  | { kind: 'bad_reply'; message: string; status: number; text: string; model: string | null; usage: ChatReply['usage'] }
  | { kind: 'reply'; reply: ChatReply; status: number | null; byHand: boolean };

export async function askJudge(runtime: ModelRuntime | undefined, request: ChatRequest, signal?: AbortSignal): Promise<Exchange> {
  const call = await callModel(runtime, '/chat/completions', request, signal);
  if (!call.ok) return { kind: 'failed', call };
  const read = readChatCompletion(call.json);
  if (!read.ok) return { kind: 'bad_reply', message: read.message, status: call.status, text: call.text, model: read.model, usage: read.usage };
  return { kind: 'reply', reply: read.reply, status: call.status, byHand: false };
}

/** A reply the user typed as the judge's answer: it goes through the same parsing as an endpoint's. */
export function handExchange(text: string): Exchange {
  return { kind: 'reply', reply: { content: text, refusal: null, finishReason: null, model: null, usage: null }, status: null, byHand: true };
}

/** One judge run, as the grader modules see it. */
export interface JudgeRun {
  request: ChatRequest;
  rendered: RenderedField[];
  exchange: Exchange;
}

/** The explanation fields every judge shares (details also carry `kind` and the grader's own fields). */
export interface JudgeDetailsBase {
  /** The exact body sent to `/chat/completions` (or that would be sent, when no endpoint is configured). */
  request: ChatRequest;
  /** The judge's reply text; when the call failed with an HTTP body, that body; else null. */
  rawReply: string | null;
  finishReason: string | null;
  refusal: string | null;
  httpStatus: number | null;
  /** The model that answered, as the endpoint names it. */
  model: string | null;
  /** The reply was typed by hand, not sampled from a model. */
  byHand: boolean;
  /** The judge's reasoning, when its reply had well-formed `steps`. */
  steps: JudgeStep[];
}

export type ModelFlag = 'model_grader_server_error' | 'model_grader_refusal_error' | 'model_grader_parse_error';

export type Settled =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; flag: ModelFlag; message: string; assumptions: Assumption[] };

const TRUNCATED = assumption(
  'judge-truncated',
  "A judge reply cut off at max_completion_tokens (finish_reason \"length\") that is not complete JSON is a model_grader_parse_error. truncated_observation_error is not set: it is about the sample being graded, not the judge's reply (OpenAI does not document this case).",
);
const FILTERED = assumption(
  'judge-content-filter',
  'A judge reply stopped by the content filter (finish_reason "content_filter") counts as a refusal: model_grader_refusal_error (OpenAI does not document this case).',
);

/** The reply as a JSON object, or the flag it earns. */
export function settle(exchange: Exchange): Settled {
  switch (exchange.kind) {
    case 'failed':
      return { ok: false, flag: 'model_grader_server_error', message: exchange.call.message, assumptions: [] };
    case 'bad_reply':
      return { ok: false, flag: 'model_grader_server_error', message: exchange.message, assumptions: [] };
    case 'reply': {
      const r = exchange.reply;
      if (r.refusal !== null) return { ok: false, flag: 'model_grader_refusal_error', message: `the judge refused: ${r.refusal}`, assumptions: [] };
      const parsed = parseJudgeJson(r.content);
      if (!parsed.ok && r.finishReason === 'content_filter') {
        return { ok: false, flag: 'model_grader_refusal_error', message: "the judge's reply was stopped by the endpoint's content filter", assumptions: [FILTERED] };
      }
      if (!parsed.ok && r.finishReason === 'length') {
        return {
          ok: false,
          flag: 'model_grader_parse_error',
          message: `${parsed.message}: the reply was cut off at the token limit (finish_reason "length"); raise sampling_params.max_completions_tokens`,
          assumptions: [TRUNCATED],
        };
      }
      if (!parsed.ok) return { ok: false, flag: 'model_grader_parse_error', message: parsed.message, assumptions: [] };
      return { ok: true, value: parsed.value };
    }
  }
}

export function runAccounting(run: JudgeRun): Accounting {
  const x = run.exchange;
  if (x.kind === 'failed') return NO_ACCOUNTING;
  const model = x.kind === 'reply' ? x.reply.model : x.model;
  const usage = x.kind === 'reply' ? x.reply.usage : x.usage;
  // The usage table is keyed by the model that answered; a reply that names none is counted under the requested one.
  const acc = accounting(model ?? (usage ? run.request.model : null), usage);
  return { ...acc, sampled_model_name: model };
}

export function detailsBase(run: JudgeRun, value: Record<string, unknown> | null): JudgeDetailsBase {
  const x = run.exchange;
  const common = { request: run.request, steps: value ? readSteps(value.steps) : [] };
  switch (x.kind) {
    case 'failed':
      return { ...common, rawReply: x.call.text, finishReason: null, refusal: null, httpStatus: x.call.status, model: null, byHand: false };
    case 'bad_reply':
      return { ...common, rawReply: x.text, finishReason: null, refusal: null, httpStatus: x.status, model: x.model, byHand: false };
    case 'reply':
      return {
        ...common,
        rawReply: x.reply.content,
        finishReason: x.reply.finishReason,
        refusal: x.reply.refusal,
        httpStatus: x.status,
        model: x.reply.model,
        byHand: x.byHand,
      };
  }
}

/** Assumptions every judge carries: OpenAI's wrapper prompt and schema are not published. */
export function judgeAssumptions(schemaText: string): Assumption[] {
  return [
    assumption(
      'judge-prompt',
      "The grader's messages are sent as they are, with nothing added: OpenAI wraps them in a system prompt of its own that it does not publish, so a real grade may differ.",
    ),
    assumption('judge-schema', schemaText),
  ];
}

/** A failed judge grade: reward 0, the flag set (with details for server errors), usage still counted. */
export function judgeFailure(
  type: string,
  run: JudgeRun,
  failed: { flag: ModelFlag; message: string; assumptions: Assumption[]; pointer?: string },
  details: Record<string, unknown>,
  assumptions: Assumption[],
): GradeOutcome {
  const errors = { ...noErrors(), [failed.flag]: true };
  if (failed.flag === 'model_grader_server_error') errors.model_grader_server_error_details = failed.message;
  const problem = { flag: failed.flag, message: failed.message, ...(failed.pointer ? { pointer: failed.pointer } : {}) };
  return {
    reward: 0,
    errors,
    scores: {},
    ...runAccounting(run),
    explain: explanation(type, sentence(failed.message), {
      rendered: run.rendered,
      problems: [problem],
      assumptions: [...assumptions, ...failed.assumptions],
      details,
    }),
  };
}

export function judgeSuccess(
  type: string,
  run: JudgeRun,
  reward: number,
  summary: string,
  details: Record<string, unknown>,
  assumptions: Assumption[],
  scores: Record<string, unknown> = {},
): GradeOutcome {
  return {
    reward,
    errors: noErrors(),
    scores,
    ...runAccounting(run),
    explain: explanation(type, summary, { rendered: run.rendered, assumptions, details }),
  };
}

function sentence(s: string): string {
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(t) ? t : t + '.';
}
