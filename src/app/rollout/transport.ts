/**
 * Chat Completions for the dry run, made in the app's origin with the user's endpoint and key (as model graders'
 * calls are, endpoint.svelte.ts): the URL is built and checked by model-url.ts, no credentials, no redirects, a
 * time limit per request. Returns the fetch Response itself so the sampler can read Retry-After and streams.
 */
import type { RolloutTransport } from '../../engine/rollout/sampler.ts';
import { modelUrl } from '../state/model-url.ts';

export interface EndpointSettings {
  baseUrl: string;
  apiKey: string;
  timeoutSeconds: number;
}

export function endpointTransport(endpoint: EndpointSettings): RolloutTransport {
  const url = modelUrl(endpoint.baseUrl, 'chat.completions').href;
  return async (body, signal) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (endpoint.apiKey.trim()) headers.Authorization = `Bearer ${endpoint.apiKey.trim()}`;
    const limit = AbortSignal.timeout(Math.max(1, endpoint.timeoutSeconds) * 1000);
    try {
      return await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.any([signal, limit]), redirect: 'error', credentials: 'omit' });
    } catch (e) {
      if (signal.aborted) throw e;
      throw new Error(
        limit.aborted
          ? `${url} did not answer within ${endpoint.timeoutSeconds} s`
          : `could not reach ${url} (${e instanceof Error ? e.message : String(e)}; check the address and that the server allows requests from this page (CORS))`,
      );
    }
  };
}
