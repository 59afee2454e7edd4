/**
 * Token accounting for model graders: an endpoint's `usage` object in the shape OpenAI's /graders/run reports
 * (`{prompt_tokens, completion_tokens, total_tokens, cached_tokens}`), and the three RunResult fields built from
 * it. Must not: invent counts. A reply without usage gives null, never zeros.
 */
import type { TokenUsage } from '../types.ts';

function count(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/**
 * Chat Completions' `usage` ({prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details:
 * {cached_tokens}}) or the embeddings' one ({prompt_tokens, total_tokens}) as a TokenUsage, or null when the
 * reply carries no usable counts.
 */
export function usageFrom(usage: unknown): TokenUsage | null {
  if (typeof usage !== 'object' || usage === null) return null;
  const u = usage as Record<string, unknown>;
  const prompt = count(u.prompt_tokens);
  const completion = count(u.completion_tokens);
  const total = count(u.total_tokens);
  if (prompt === null && completion === null && total === null) return null;
  const details = u.prompt_tokens_details;
  const cached = typeof details === 'object' && details !== null ? count((details as Record<string, unknown>).cached_tokens) : null;
  return {
    prompt_tokens: prompt ?? 0,
    completion_tokens: completion ?? 0,
    // Some compatible servers leave the total out; it is the sum by definition.
    total_tokens: total ?? (prompt ?? 0) + (completion ?? 0),
    cached_tokens: cached ?? 0,
  };
}

/** The RunResult fields a model call fills: the usage, the same usage keyed by model, the model's name. */
export interface Accounting {
  token_usage: TokenUsage | null;
  usage_per_model: Record<string, TokenUsage>;
  sampled_model_name: string | null;
}

export const NO_ACCOUNTING: Accounting = { token_usage: null, usage_per_model: {}, sampled_model_name: null };

/**
 * `model` is the name the endpoint answered with (a dated snapshot such as `gpt-4o-2024-08-06`), falling back to
 * the requested name when the reply has none.
 */
export function accounting(model: string | null, usage: TokenUsage | null): Accounting {
  return {
    token_usage: usage,
    usage_per_model: usage && model ? { [model]: { ...usage } } : {},
    sampled_model_name: model,
  };
}
