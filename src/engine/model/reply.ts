/**
 * Reading a Chat Completions reply: the first choice's text, refusal and finish_reason, the model that answered
 * and the usage; then the judge's JSON object out of that text. Pure. Must not: repair or guess at a reply
 * (no stripping of ``` fences, no numbers out of strings): what does not parse is a model_grader_parse_error.
 */
import type { TokenUsage } from '../types.ts';
import { usageFrom } from './usage.ts';

export interface ChatReply {
  /** The assistant message's text (null when the message has none, e.g. a refusal). */
  content: string | null;
  refusal: string | null;
  /** 'stop', 'length', 'content_filter', ... as the endpoint said, or null. */
  finishReason: string | null;
  /** The model that answered, as the endpoint names it. */
  model: string | null;
  usage: TokenUsage | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Content as a string; some compatible servers send a list of text parts instead. */
function contentText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const texts = v.map((p) => (typeof p === 'object' && p !== null ? str((p as Record<string, unknown>).text) : null));
    return texts.every((t) => t !== null) ? texts.join('') : null;
  }
  return null;
}

export type ReadReply = { ok: true; reply: ChatReply } | { ok: false; message: string; model: string | null; usage: TokenUsage | null };

export function readChatCompletion(json: unknown): ReadReply {
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const model = str(body.model);
  const usage = usageFrom(body.usage);
  const choices = body.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    return { ok: false, message: 'the endpoint answered, but not with a chat completion (no "choices")', model, usage };
  }
  const choice = choices[0] as Record<string, unknown> | null;
  const message = typeof choice === 'object' && choice !== null ? choice.message : undefined;
  if (typeof message !== 'object' || message === null) {
    return { ok: false, message: 'the chat completion\'s first choice has no "message"', model, usage };
  }
  const m = message as Record<string, unknown>;
  const refusal = str(m.refusal);
  return {
    ok: true,
    reply: {
      content: contentText(m.content),
      refusal: refusal !== null && refusal.trim() !== '' ? refusal : null,
      finishReason: str(choice!.finish_reason),
      model,
      usage,
    },
  };
}

export type JudgeJson = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** The judge's reply text as a JSON object. */
export function parseJudgeJson(text: string | null): JudgeJson {
  if (text === null || text.trim() === '') return { ok: false, message: "the judge's reply is empty" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `the judge's reply is not JSON (${why})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `the judge's reply is JSON but not an object: ${text.trim().slice(0, 80)}` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Well-formed `steps` entries ({description, conclusion} strings); anything else in the list is left out. */
export interface JudgeStep {
  description: string;
  conclusion: string;
}

export function readSteps(v: unknown): JudgeStep[] {
  if (!Array.isArray(v)) return [];
  const out: JudgeStep[] = [];
  for (const s of v) {
    if (typeof s !== 'object' || s === null) continue;
    const d = (s as Record<string, unknown>).description;
    const c = (s as Record<string, unknown>).conclusion;
    if (typeof d === 'string' && typeof c === 'string') out.push({ description: d, conclusion: c });
  }
  return out;
}

/** How a value looks, for messages ("a string \"0.8\"", "null"). */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `a string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'boolean' ? 'a boolean' : typeof v} ${String(v)}`;
}
