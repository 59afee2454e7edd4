/**
 * The app's service worker (built by vite-plugin-pwa's injectManifest; Workbox fills `__WB_MANIFEST` with the
 * build's files). After a first visit the app, Monaco, Pyodide's runtime and the WordNet data are in the cache,
 * so everything but model graders and not-yet-cached Python packages works offline.
 * - HTML (index.html, sandbox.html): network first, so an online visit always gets the newest build; the cache
 *   when the network fails.
 * - The build's files: precached at install, answered from the cache (their names carry a content hash).
 * - Grammars (~20 MB in all) are not precached: each is cached the first time a check uses its language.
 * - Any other GET of our origin: from the cache if there, else the network, kept for next time.
 * The sandboxed frame's own requests never come here (opaque origin): the app fetches for it (asset-server.ts).
 * It must not cache other origins (the model endpoint, the Python package index). The sandbox can make the app
 * ask for any URL under its origin: a made-up path is a 404 (never cached) or, on a static host that answers
 * unknown paths with index.html, an HTML page, which the runtime cache refuses; grammars and hashed assets are
 * bounded by entry count too.
 */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// A new build takes over at once; the HTML is network-first, so pages and their chunks stay of one build.
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();

const sameOrigin = (url: URL) => url.origin === self.location.origin;
const scopePath = new URL(self.registration.scope).pathname;

// Registered before the precache route so that HTML never comes from the cache while the network answers.
registerRoute(
  ({ request, url }) => sameOrigin(url) && (request.mode === 'navigate' || url.pathname.endsWith('.html')),
  new NetworkFirst({
    cacheName: 'gp-pages',
    networkTimeoutSeconds: 5,
    plugins: [
      {
        // Offline before this page was ever fetched through the worker: the precached copy.
        handlerDidError: async ({ request }) => {
          const url = new URL(request.url);
          const file = url.pathname.endsWith('.html') ? url.pathname.slice(scopePath.length) : 'index.html';
          return (await matchPrecache(file)) ?? Response.error();
        },
      },
    ],
  }),
);

precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  ({ request, url }) => sameOrigin(url) && request.method === 'GET' && /\/tree-sitter-[\w-]+\.wasm$/.test(url.pathname),
  new CacheFirst({ cacheName: 'gp-grammars', plugins: [new ExpirationPlugin({ maxEntries: 100, purgeOnQuotaError: true })] }),
);
registerRoute(
  ({ request, url }) => sameOrigin(url) && request.method === 'GET' && url.pathname.startsWith(`${scopePath}assets/`),
  new CacheFirst({ cacheName: 'gp-assets', plugins: [new ExpirationPlugin({ maxEntries: 1000, purgeOnQuotaError: true })] }),
);
registerRoute(
  ({ request, url }) => sameOrigin(url) && request.method === 'GET',
  new StaleWhileRevalidate({
    cacheName: 'gp-runtime',
    plugins: [{ cacheWillUpdate: async ({ response }) => (response.ok && !/text\/html/i.test(response.headers.get('content-type') ?? '') ? response : null) }],
  }),
);
