/**
 * The URL of a model call, built by the app from the user's configured base URL and an operation name (the
 * sandbox names an operation, never a path). The result is parsed again and refused unless its origin is the
 * base URL's origin and its path lies under the base path: no other host, port or path ever gets the key.
 */
import type { ModelOperation } from '../../worker/protocol.ts';

export const OPERATION_PATHS: Record<ModelOperation, string> = {
  'chat.completions': '/chat/completions',
  responses: '/responses',
  embeddings: '/embeddings',
};

/** The base URL parsed, or a sentence saying why it cannot be used. */
export function parseBaseUrl(baseUrl: string): { ok: true; url: URL; path: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return { ok: false, message: `the endpoint base URL ${JSON.stringify(baseUrl.trim().slice(0, 200))} is not a URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'the endpoint base URL must start with https:// or http://' };
  if (url.username || url.password) return { ok: false, message: 'the endpoint base URL must not hold a user name or password (the API key goes in its own field)' };
  return { ok: true, url, path: url.pathname.replace(/\/+$/, '') };
}

/** `path` joined under the base URL, or an Error when the result would leave the base URL's origin or path. */
export function urlUnderBase(baseUrl: string, path: string): URL {
  const base = parseBaseUrl(baseUrl);
  if (!base.ok) throw new Error(base.message);
  let url: URL;
  try {
    url = new URL(base.url.origin + base.path + path);
  } catch {
    throw new Error('refused a model call: its URL does not parse');
  }
  const under =
    url.origin === base.url.origin && url.pathname.startsWith(`${base.path}/`) && !url.username && !url.password && url.search === '' && url.hash === '';
  if (!under) throw new Error(`refused a model call to ${url.origin}${url.pathname}: it is not under the configured endpoint ${base.url.origin}${base.path}/`);
  url.search = base.url.search; // a base URL's own query (api-version=...) is kept
  return url;
}

/** The URL for an operation (checked: an unknown operation or a URL outside the base is an Error). */
export function modelUrl(baseUrl: string, operation: ModelOperation): URL {
  const path = Object.hasOwn(OPERATION_PATHS, operation) ? OPERATION_PATHS[operation] : undefined;
  if (path === undefined) throw new Error(`refused a model call: unknown operation ${JSON.stringify(String(operation).slice(0, 60))}`);
  return urlUnderBase(baseUrl, path);
}
