/**
 * The grader worker's `fetch` for the app's own static files (Pyodide, grammars, data files) and the Python
 * package index the user chose: it asks the sandbox frame, which asks the app (asset-server.ts), because this
 * opaque-origin worker's own requests bypass the service worker and the HTTP cache and so fail offline. Every
 * other request goes to the network as before (where the sandbox's policy stops it). It changes where bytes come
 * from, never what may be fetched.
 */
import type { AssetReply, AssetRequest } from './protocol.ts';

/** How the worker talks to its frame: `self.postMessage` and `self`'s message events in the worker. */
export interface AssetChannel {
  post(msg: AssetRequest): void;
  listen(handler: (data: unknown) => void): void;
}

export const workerChannel = (scope: DedicatedWorkerGlobalScope): AssetChannel => ({
  post: (msg) => scope.postMessage(msg),
  listen: (handler) => scope.addEventListener('message', (e) => handler(e.data)),
});

function isReply(data: unknown): data is AssetReply {
  return typeof data === 'object' && data !== null && (data as AssetReply).type === 'asset-reply' && typeof (data as AssetReply).id === 'number';
}

function requestUrl(input: RequestInfo | URL): string | null {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input instanceof Request ? input.url : null;
}

/** Replace `target.fetch` so that GETs under one of `roots` are answered by the app through `channel`. */
export function installAssetFetch(roots: string[], channel: AssetChannel, target: { fetch: typeof fetch } = globalThis): void {
  const network = target.fetch.bind(target);
  const pending = new Map<number, (reply: AssetReply) => void>();
  let nextId = 1;
  channel.listen((data) => {
    if (!isReply(data)) return;
    pending.get(data.id)?.(data);
    pending.delete(data.id);
  });
  const ask = (url: string, integrity: string | undefined) =>
    new Promise<Response>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (reply) => {
        // Rejected like a failed network fetch, so callers' own error handling applies unchanged.
        if ('error' in reply) reject(new TypeError(reply.error));
        else resolve(new Response(reply.status === 204 || reply.status === 304 ? null : reply.body, { status: reply.status, headers: { 'Content-Type': reply.contentType } }));
      });
      channel.post({ type: 'asset', id, url, ...(integrity ? { integrity } : {}) });
    });
  const bases = roots.filter((r) => r !== '');
  target.fetch = (input, init) => {
    const url = requestUrl(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (url === null || method !== 'GET' || !bases.some((b) => url.startsWith(b))) return network(input, init);
    // Pyodide checks its packages' hashes with Subresource Integrity: the app's fetch does it instead.
    return ask(url, init?.integrity ?? (input instanceof Request ? input.integrity : undefined));
  };
}
