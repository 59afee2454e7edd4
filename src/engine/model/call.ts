/**
 * One POST to the model endpoint through the host's ModelRuntime, with every way it can fail turned into a
 * sentence: no endpoint configured, no answer (network, time limit, cancelled), or an HTTP error with the
 * server's own message. Must not: retry, hold a URL or a key, or decide what the reply means (reply.ts does).
 */
import type { ModelPath, ModelRuntime } from '../runtime.ts';

export type CallFailureReason = 'no_endpoint' | 'network' | 'timeout' | 'cancelled' | 'http';

export type CallResult =
  | { ok: true; status: number; json: unknown; text: string }
  | { ok: false; reason: CallFailureReason; message: string; status: number | null; text: string | null };

export const NO_ENDPOINT_MESSAGE =
  'no model endpoint configured: set a base URL and an API key in the settings (or OPENAI_BASE_URL and OPENAI_API_KEY for the command line), or judge by hand';

/** Bodies can be pages of HTML from a proxy: show the start only. */
const MAX_SHOWN = 500;

function shorten(text: string): string {
  const t = text.trim();
  return t.length > MAX_SHOWN ? t.slice(0, MAX_SHOWN) + '…' : t;
}

/** The server's own words from an error body: OpenAI's `{error: {message}}`, or what a compatible server sends. */
export function serverMessage(json: unknown, text: string): string {
  if (typeof json === 'object' && json !== null) {
    const j = json as Record<string, unknown>;
    const e = j.error;
    if (typeof e === 'string') return e;
    if (typeof e === 'object' && e !== null && typeof (e as Record<string, unknown>).message === 'string') {
      const err = e as Record<string, unknown>;
      const code = typeof err.code === 'string' ? ` (${err.code})` : typeof err.type === 'string' ? ` (${err.type})` : '';
      return `${err.message as string}${code}`;
    }
    if (typeof j.message === 'string') return j.message;
    if (typeof j.detail === 'string') return j.detail;
  }
  return text.trim() === '' ? '(empty body)' : shorten(text);
}

const HINTS: Record<number, string> = {
  401: ' Check the API key.',
  403: ' The key may lack access to this model or endpoint.',
  404: ' Check the base URL and that the model exists on this endpoint.',
  429: ' Rate limit or quota reached.',
};

export async function callModel(
  runtime: ModelRuntime | undefined,
  path: ModelPath,
  body: unknown,
  signal?: AbortSignal,
): Promise<CallResult> {
  if (!runtime) return { ok: false, reason: 'no_endpoint', message: NO_ENDPOINT_MESSAGE, status: null, text: null };
  let res;
  try {
    res = await runtime.post(path, body, signal);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    if (signal?.aborted) {
      // The caller's signal: a time limit it set (AbortSignal.timeout) or a run that was superseded.
      const timedOut = (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
      const what = timedOut ? 'timed out' : 'was cancelled';
      return { ok: false, reason: timedOut ? 'timeout' : 'cancelled', message: `the ${path} request ${what} before the endpoint answered`, status: null, text: null };
    }
    if (err.name === 'TimeoutError') return { ok: false, reason: 'timeout', message: err.message, status: null, text: null };
    return { ok: false, reason: 'network', message: `the ${path} request failed: ${err.message}`, status: null, text: null };
  }
  if (res.status < 200 || res.status > 299) {
    return {
      ok: false,
      reason: 'http',
      message: `HTTP ${res.status} from ${path}: ${serverMessage(res.json, res.text)}${HINTS[res.status] ?? ''}`,
      status: res.status,
      text: res.text,
    };
  }
  // Some compatible servers answer 200 with an error body.
  if (typeof res.json === 'object' && res.json !== null && 'error' in res.json && (res.json as { error: unknown }).error) {
    return { ok: false, reason: 'http', message: `HTTP ${res.status} from ${path} with an error: ${serverMessage(res.json, res.text)}`, status: res.status, text: res.text };
  }
  if (res.json === null || res.json === undefined) {
    return {
      ok: false,
      reason: 'http',
      message: `HTTP ${res.status} from ${path}, but the body is not JSON: ${shorten(res.text) || '(empty body)'}`,
      status: res.status,
      text: res.text,
    };
  }
  return { ok: true, status: res.status, json: res.json, text: res.text };
}
