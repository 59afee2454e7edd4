/**
 * A Chat Completions reply (a JSON body, or the events of a stream) turned into the `sample` a grader sees, as
 * OpenAI's RFT sampler fills it: `output_text` is the final message's text (reasoning is not part of it: the
 * `reasoning_content` / `reasoning` fields that vLLM, Ollama and llama.cpp send, and a leading `<think>…</think>`
 * block that some local models write into the content, stay out), `output_json` its parse when it is valid JSON
 * (as /graders/run does), `output_tools` the message's `tool_calls` (`[]` when none), `choices` the Chat
 * Completions choice. Anything else is a malformed reply, reported with what was wrong.
 */
import { isJsonObject, parseJson } from '../json.ts';
import type { JsonObject, JsonValue } from '../types.ts';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type SampleReply = { ok: true; sample: JsonObject; usage: Usage | null } | { ok: false; message: string };

const THINK = /^\s*<think>[\s\S]*?<\/think>\s*/;

function usageOf(v: unknown): Usage | null {
  if (!isJsonObject(v as JsonValue)) return null;
  const u = v as Record<string, unknown>;
  const p = u.prompt_tokens;
  const c = u.completion_tokens;
  return typeof p === 'number' && typeof c === 'number' ? { prompt_tokens: p, completion_tokens: c } : null;
}

interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

function toolCalls(v: unknown): ToolCall[] | string {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return '"tool_calls" is not a list';
  const out: ToolCall[] = [];
  for (const t of v as unknown[]) {
    const f = (t as { function?: { name?: unknown; arguments?: unknown } } | null)?.function;
    if (!f || typeof f.name !== 'string') return 'a tool call has no function name';
    const args = typeof f.arguments === 'string' ? f.arguments : JSON.stringify(f.arguments ?? {});
    const id = (t as { id?: unknown }).id;
    out.push({ id: typeof id === 'string' ? id : '', type: 'function', function: { name: f.name, arguments: args } });
  }
  return out;
}

/** The sample for one assistant message. */
export function sampleFromMessage(message: Record<string, unknown>, finishReason: unknown, usage: Usage | null): SampleReply {
  const content = message.content;
  if (content !== null && content !== undefined && typeof content !== 'string') {
    return { ok: false, message: 'the message "content" is neither text nor null' };
  }
  const tools = toolCalls(message.tool_calls);
  if (typeof tools === 'string') return { ok: false, message: tools };
  if ((content === null || content === undefined) && tools.length === 0) {
    const refusal = typeof message.refusal === 'string' ? ` (refusal: ${message.refusal})` : '';
    return { ok: false, message: `the message has neither content nor tool calls${refusal}` };
  }
  const text = (content ?? '').replace(THINK, '');
  const choiceMessage: JsonObject = { role: 'assistant', content: content === undefined ? null : content };
  if (tools.length) choiceMessage.tool_calls = tools as unknown as JsonValue;
  const sample: JsonObject = {
    output_text: text,
    output_tools: tools as unknown as JsonValue,
    choices: [{ index: 0, message: choiceMessage, finish_reason: typeof finishReason === 'string' ? finishReason : null }],
  };
  if (text.trim() !== '') {
    const parsed = parseJson(text);
    if (parsed.ok) sample.output_json = parsed.value;
  }
  return { ok: true, sample, usage };
}

/** A non-streamed reply body (its text). */
export function sampleFromChatText(text: string): SampleReply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `the reply is not JSON: ${text.trim().slice(0, 200) || '(empty body)'}` };
  }
  const choices = (json as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return { ok: false, message: 'the reply has no "choices"' };
  const choice = choices[0] as { message?: unknown; finish_reason?: unknown } | null;
  const message = choice?.message;
  if (typeof message !== 'object' || message === null) return { ok: false, message: 'the first choice has no "message"' };
  return sampleFromMessage(message as Record<string, unknown>, choice?.finish_reason, usageOf((json as { usage?: unknown }).usage));
}

/**
 * Server-sent events of a streamed reply, assembled: content and reasoning deltas concatenated, tool-call deltas
 * merged by their index (id and name arrive once, arguments in pieces), usage from the chunk that has it.
 */
export class StreamAssembler {
  private buffer = '';
  private content: string | null = null;
  private readonly tools: { id: string; name: string; arguments: string }[] = [];
  private finish: unknown = null;
  private usage: Usage | null = null;
  private problem: string | null = null;
  private events = 0;
  done = false;

  push(chunk: string): void {
    this.buffer += chunk;
    let cut: number;
    while ((cut = this.buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
      this.event(block);
    }
  }

  private event(block: string): void {
    const data = block
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data === '') return;
    if (data.trim() === '[DONE]') {
      this.done = true;
      return;
    }
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(data) as Record<string, unknown>;
    } catch {
      this.problem ??= `a stream event is not JSON: ${data.slice(0, 200)}`;
      return;
    }
    if (json.error) {
      const e = json.error as { message?: unknown };
      this.problem ??= `the stream reported an error: ${typeof e.message === 'string' ? e.message : JSON.stringify(json.error)}`;
      return;
    }
    this.events++;
    this.usage = usageOf(json.usage) ?? this.usage;
    const choices = json.choices;
    if (!Array.isArray(choices) || choices.length === 0) return;
    const choice = choices[0] as { delta?: Record<string, unknown>; finish_reason?: unknown };
    if (choice.finish_reason) this.finish = choice.finish_reason;
    const d = choice.delta;
    if (!d) return;
    if (typeof d.content === 'string') this.content = (this.content ?? '') + d.content;
    if (Array.isArray(d.tool_calls)) {
      for (const t of d.tool_calls as Record<string, unknown>[]) {
        const i = typeof t.index === 'number' ? t.index : this.tools.length;
        const slot = (this.tools[i] ??= { id: '', name: '', arguments: '' });
        if (typeof t.id === 'string') slot.id = t.id;
        const f = t.function as { name?: unknown; arguments?: unknown } | undefined;
        if (typeof f?.name === 'string') slot.name += f.name;
        if (typeof f?.arguments === 'string') slot.arguments += f.arguments;
      }
    }
  }

  /** The sample, once the stream has ended. */
  finishReply(): SampleReply {
    if (this.buffer.trim() !== '') this.event(this.buffer);
    this.buffer = '';
    if (this.problem) return { ok: false, message: this.problem };
    if (this.events === 0) return { ok: false, message: 'the stream carried no completion' };
    const tool_calls = this.tools.filter(Boolean).map((t) => ({ id: t.id, type: 'function', function: { name: t.name, arguments: t.arguments } }));
    return sampleFromMessage({ content: this.content, tool_calls }, this.finish, this.usage);
  }
}
