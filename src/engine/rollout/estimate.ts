/**
 * What a dry run will ask for, before anything is sent: requests (rows × k), prompt tokens (about 4 characters a
 * token), completion tokens at most (rows × k × max tokens, when a maximum is set) and, when the user gives
 * prices per million tokens, a cost bound. An estimate, said to be one: the real tokenizer is the server's.
 */
import type { JsonObject } from '../types.ts';
import { promptTokenEstimate, rowMessages } from './request.ts';

export interface Prices {
  /** Dollars per million prompt tokens. */
  input?: number | null;
  /** Dollars per million completion tokens. */
  output?: number | null;
}

export interface Estimate {
  rows: number;
  /** Rows that cannot be sampled (no messages): not asked. */
  unusable: number;
  requests: number;
  promptTokens: number;
  /** Null when no max_completion_tokens is set: unbounded. */
  maxCompletionTokens: number | null;
  /** Null when a price or the completion bound is missing. */
  maxCost: number | null;
}

export function estimateDryRun(rows: readonly JsonObject[], k: number, maxTokens: number | null | undefined, prices: Prices = {}): Estimate {
  let usable = 0;
  let promptTokens = 0;
  for (const r of rows) {
    if (!rowMessages(r).ok) continue;
    usable++;
    promptTokens += promptTokenEstimate(r) * k;
  }
  const requests = usable * k;
  const maxCompletionTokens = maxTokens ? requests * maxTokens : null;
  const maxCost =
    prices.input != null && prices.output != null && maxCompletionTokens !== null
      ? (promptTokens * prices.input + maxCompletionTokens * prices.output) / 1e6
      : null;
  return { rows: rows.length, unusable: rows.length - usable, requests, promptTokens, maxCompletionTokens, maxCost };
}
