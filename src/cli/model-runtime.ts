/**
 * The model endpoint for the command line: the engine's ModelRuntime over plain `fetch`, configured the way the
 * official SDKs are: OPENAI_BASE_URL (default https://api.openai.com/v1), OPENAI_API_KEY, and optionally
 * OPENAI_ORG_ID / OPENAI_PROJECT_ID. One request per call, a time limit, no retries. Must not: put the key in an
 * error message, a log or anything it returns.
 */
import type { ModelPath, ModelResponse, ModelRuntime } from '../engine/runtime.ts';

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL_TIMEOUT_MS = 120_000;

export interface NodeModelRuntimeOptions {
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  organization?: string | undefined;
  project?: string | undefined;
  /** Time limit per request, answer body included (default 120 s). */
  timeoutMs?: number | undefined;
  fetch?: typeof fetch;
}

function timeoutError(message: string): Error {
  const e = new Error(message);
  e.name = 'TimeoutError';
  return e;
}

/** The network-level reason undici hides in `cause` ("connect ECONNREFUSED 127.0.0.1:9"). */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: unknown })?.cause;
  if (cause instanceof Error && cause.message) return cause.message;
  if (cause && typeof cause === 'object' && typeof (cause as { code?: unknown }).code === 'string') return (cause as { code: string }).code;
  return e instanceof Error ? e.message : String(e);
}

export function createNodeModelRuntime(options: NodeModelRuntimeOptions = {}): ModelRuntime {
  const base = (options.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
  const key = options.apiKey?.trim() || undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  let baseError: string | null = null;
  let openai = false;
  try {
    const u = new URL(base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') baseError = `OPENAI_BASE_URL must be an http(s) URL, not ${JSON.stringify(base)}`;
    openai = u.hostname === 'api.openai.com';
  } catch {
    baseError = `OPENAI_BASE_URL is not a URL: ${JSON.stringify(base)}`;
  }

  return {
    async post(path: ModelPath, body: unknown, signal?: AbortSignal): Promise<ModelResponse> {
      if (baseError) throw new Error(baseError);
      // Local OpenAI-compatible servers (vLLM, Ollama, llama.cpp) often need no key; OpenAI itself always does.
      if (!key && openai) {
        throw new Error(`OPENAI_API_KEY is not set: export it to call ${base}, or point OPENAI_BASE_URL at an endpoint that needs no key`);
      }
      const url = base + path;
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (key) headers.authorization = `Bearer ${key}`;
      if (options.organization) headers['openai-organization'] = options.organization;
      if (options.project) headers['openai-project'] = options.project;
      const timer = AbortSignal.timeout(timeoutMs);
      const both = signal ? AbortSignal.any([signal, timer]) : timer;
      try {
        const res = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: both });
        const text = await res.text();
        let json: unknown = null;
        try {
          json = text.trim() === '' ? null : JSON.parse(text);
        } catch {
          json = null;
        }
        return { status: res.status, json, text };
      } catch (e) {
        if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('the request was cancelled');
        if (timer.aborted) throw timeoutError(`no answer from POST ${url} within ${timeoutMs / 1000} s`);
        throw new Error(`cannot reach ${url} (${networkReason(e)})`);
      }
    },
  };
}

/** The runtime the CLI uses, from the environment (as the OpenAI SDKs read it). */
export function modelRuntimeFromEnv(env: Record<string, string | undefined> = process.env, options: { timeoutMs?: number } = {}): ModelRuntime {
  return createNodeModelRuntime({
    baseUrl: env.OPENAI_BASE_URL,
    apiKey: env.OPENAI_API_KEY,
    organization: env.OPENAI_ORG_ID,
    project: env.OPENAI_PROJECT_ID,
    timeoutMs: options.timeoutMs,
  });
}
