/**
 * The Chat Completions request that samples one completion for a dataset row: the row's `messages` (and its
 * `tools`, `tool_choice`, `response_format` when the row carries them, as RFT rows may), the user's model and
 * sampling settings. Pure: builds the body text, never sends it.
 */
import { isJsonObject, jsonEntries, losslessJsonText, orderedObject } from '../json.ts';
import type { JsonObject, JsonValue } from '../types.ts';

export interface SamplingSettings {
  model: string;
  /** Completions per row. */
  k: number;
  temperature?: number | null;
  top_p?: number | null;
  /** Sent as `max_completion_tokens` (OpenAI's current name; vLLM, Ollama and llama.cpp accept it too). */
  max_completion_tokens?: number | null;
  seed?: number | null;
  reasoning_effort?: string | null;
  /** Ask for a server-sent event stream (and usage in its last chunk). */
  stream?: boolean;
}

/** Row keys that are part of the request rather than of the item a grader sees. */
const REQUEST_KEYS = ['tools', 'tool_choice', 'response_format', 'parallel_tool_calls'] as const;

export type RowProblem = { ok: false; message: string };

/** The messages of a row, or why it cannot be sampled. */
export function rowMessages(row: JsonValue): { ok: true; messages: JsonValue[] } | RowProblem {
  if (!isJsonObject(row)) return { ok: false, message: 'a row must be a JSON object' };
  const m = row.messages;
  if (!Array.isArray(m) || m.length === 0) return { ok: false, message: 'the row has no "messages" list to prompt the model with' };
  if (!m.every((x) => isJsonObject(x) && typeof x.role === 'string')) return { ok: false, message: 'every message needs a "role"' };
  return { ok: true, messages: m };
}

export function chatRequestBody(row: JsonObject, settings: SamplingSettings): string {
  const entries: [string, JsonValue][] = [['model', settings.model], ['messages', row.messages ?? []]];
  for (const k of REQUEST_KEYS) if (row[k] !== undefined) entries.push([k, row[k]!]);
  const optional: [string, number | string | null | undefined][] = [
    ['temperature', settings.temperature],
    ['top_p', settings.top_p],
    ['max_completion_tokens', settings.max_completion_tokens],
    ['seed', settings.seed],
    ['reasoning_effort', settings.reasoning_effort],
  ];
  for (const [k, v] of optional) if (v !== undefined && v !== null && v !== '') entries.push([k, v]);
  if (settings.stream) entries.push(['stream', true], ['stream_options', { include_usage: true }]);
  return losslessJsonText(orderedObject(entries));
}

/** The row written to a rollouts file: the input row (without samples it had) and the sampled ones. */
export function rolloutRow(row: JsonObject, samples: JsonValue[]): JsonObject {
  const rest = jsonEntries(row).filter(([k]) => k !== 'sample' && k !== 'samples');
  return orderedObject<JsonValue>([...rest, ['samples', samples]]);
}

/** Rough token count of a row's prompt (4 characters a token), for the estimate shown before a run. */
export function promptTokenEstimate(row: JsonObject): number {
  return Math.ceil(losslessJsonText(row.messages ?? []).length / 4);
}
