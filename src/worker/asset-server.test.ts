import { describe, expect, it } from 'vitest';
import { assetQueue, fetchAsset, lockFileNames, underRoot, type AssetRoots, type LockFileNames } from './asset-server.ts';

const APP = 'http://127.0.0.1:4173/app/';
const PACKAGES = 'https://cdn.example/pyodide/v0.29.0/full/';
const ROOTS: AssetRoots = { app: APP, packages: PACKAGES };
/** The lock file's file names, as the app reads them from its own pyodide-lock.json. */
const LOCK: LockFileNames = async (appRoot) => {
  expect(appRoot).toBe(APP);
  return lockFileNames({ packages: { numpy: { file_name: 'numpy.whl' }, scipy: { file_name: 'scipy.whl' }, x: { file_name: 'x.whl' } } });
};

type Call = [string, RequestInit | undefined];

function fakeFetch(answer: (url: string) => Response | Error) {
  const calls: Call[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    calls.push([url, init]);
    const a = answer(url);
    if (a instanceof Error) throw a;
    return a;
  }) as typeof fetch;
  return { calls, fetcher };
}

/** CacheStorage with one Map per cache name: enough for put/match/keys/delete by URL. */
function fakeCaches(stores = new Map<string, Map<string, Response>>()): CacheStorage {
  return {
    async open(name: string) {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return {
        async put(url: string, res: Response) {
          store.set(url, res);
        },
        async match(url: string) {
          return store.get(url)?.clone();
        },
        async keys() {
          return [...store.keys()];
        },
        async delete(url: string) {
          return store.delete(url);
        },
      } as unknown as Cache;
    },
  } as unknown as CacheStorage;
}

const wasm = () => new Response(new Uint8Array([0, 97, 115, 109]), { status: 200, headers: { 'Content-Type': 'application/wasm' } });

describe('underRoot: the sandbox may ask only for files under the app or the package index', () => {
  it('accepts files under the root', () => {
    expect(underRoot('http://127.0.0.1:4173/app/pyodide/pyodide.asm.wasm', APP)?.pathname).toBe('/app/pyodide/pyodide.asm.wasm');
    expect(underRoot('http://127.0.0.1:4173/app/assets/x.js?v=1', APP)?.search).toBe('?v=1');
  });

  it('refuses other origins, paths outside the root, credentials in the URL and non-URLs', () => {
    for (const url of [
      'http://localhost:4173/app/index.html',
      'https://127.0.0.1:4173/app/index.html',
      'http://127.0.0.1:4174/app/index.html',
      'https://api.openai.com/v1/models',
      'http://127.0.0.1:4173/other/index.html',
      'http://127.0.0.1:4173/app', // the root without its slash is outside it
      'http://user:pw@127.0.0.1:4173/app/index.html',
      'data:text/plain,x',
      'assets/x.js',
      42,
      null,
    ]) {
      expect(underRoot(url, APP), String(url)).toBeNull();
    }
  });
});

describe('fetchAsset', () => {
  it('fetches an app file without credentials or redirects and returns status, type and bytes', async () => {
    const f = fakeFetch(wasm);
    const reply = await fetchAsset({ id: 7, url: `${APP}assets/g.wasm` }, ROOTS, f.fetcher, fakeCaches());
    expect(f.calls).toEqual([[`${APP}assets/g.wasm`, { credentials: 'omit', redirect: 'error' }]]);
    expect(reply).toMatchObject({ type: 'asset-reply', id: 7, status: 200, contentType: 'application/wasm' });
    expect('body' in reply && [...new Uint8Array(reply.body)]).toEqual([0, 97, 115, 109]);
  });

  it('passes an HTTP error status through', async () => {
    const f = fakeFetch(() => new Response('missing', { status: 404 }));
    expect(await fetchAsset({ id: 1, url: `${APP}data/x.gz` }, ROOTS, f.fetcher, fakeCaches())).toMatchObject({ id: 1, status: 404 });
  });

  it('answers a refused URL with an error and never fetches it', async () => {
    const f = fakeFetch(wasm);
    for (const url of ['https://evil.example/steal', 'https://cdn.example/other/x.whl', `${PACKAGES}x.whl`]) {
      const roots = url.startsWith(PACKAGES) ? { app: APP } : ROOTS; // no package index chosen: none allowed
      expect(await fetchAsset({ id: 2, url }, roots, f.fetcher, fakeCaches())).toEqual({ type: 'asset-reply', id: 2, error: `not a file the sandbox may load: ${url}` });
    }
    expect(f.calls).toEqual([]);
  });

  it('answers a network failure (offline, app file not cached) with an error', async () => {
    const f = fakeFetch(() => new TypeError('Failed to fetch'));
    expect(await fetchAsset({ id: 3, url: `${APP}assets/tree-sitter-go.wasm` }, ROOTS, f.fetcher, fakeCaches())).toEqual({
      type: 'asset-reply',
      id: 3,
      error: `could not load ${APP}assets/tree-sitter-go.wasm: Failed to fetch`,
    });
  });

  it('passes the integrity hash a package fetch asked for', async () => {
    const f = fakeFetch(wasm);
    await fetchAsset({ id: 4, url: `${PACKAGES}numpy.whl`, integrity: 'sha256-abc' }, ROOTS, f.fetcher, fakeCaches(), LOCK);
    expect(f.calls[0]?.[1]).toEqual({ credentials: 'omit', redirect: 'error', integrity: 'sha256-abc' });
  });

  it('keeps a package fetched online and answers with it when the network fails', async () => {
    const caches = fakeCaches();
    let online = true;
    const f = fakeFetch(() => (online ? new Response('wheel v1', { headers: { 'Content-Type': 'application/zip' } }) : new TypeError('Failed to fetch')));
    expect(await fetchAsset({ id: 5, url: `${PACKAGES}numpy.whl` }, ROOTS, f.fetcher, caches, LOCK)).toMatchObject({ status: 200, contentType: 'application/zip' });
    online = false;
    const reply = await fetchAsset({ id: 6, url: `${PACKAGES}numpy.whl` }, ROOTS, f.fetcher, caches, LOCK);
    expect(reply).toMatchObject({ id: 6, status: 200 });
    expect('body' in reply && new TextDecoder().decode(reply.body)).toBe('wheel v1');
    // A package never fetched online fails offline, naming it.
    expect(await fetchAsset({ id: 7, url: `${PACKAGES}scipy.whl` }, ROOTS, f.fetcher, caches, LOCK)).toEqual({
      type: 'asset-reply',
      id: 7,
      error: `could not load ${PACKAGES}scipy.whl: Failed to fetch`,
    });
  });

  it('does not keep a failed package download', async () => {
    const caches = fakeCaches();
    let online = true;
    const f = fakeFetch(() => (online ? new Response('gone', { status: 404 }) : new TypeError('Failed to fetch')));
    await fetchAsset({ id: 1, url: `${PACKAGES}x.whl` }, ROOTS, f.fetcher, caches, LOCK);
    online = false;
    expect(await fetchAsset({ id: 2, url: `${PACKAGES}x.whl` }, ROOTS, f.fetcher, caches, LOCK)).toHaveProperty('error');
  });
});

describe('package index: only files the lock file lists, kept under a quota', () => {
  it('refuses made-up file names, sub-paths and queries without fetching or keeping them', async () => {
    const stores = new Map<string, Map<string, Response>>();
    const f = fakeFetch(() => new Response('any file the CDN serves'));
    const made = Array.from({ length: 400 }, (_, i) => `${PACKAGES}made-up-${i}.whl`);
    for (const url of [...made, `${PACKAGES}sub/numpy.whl`, `${PACKAGES}numpy.whl?x=1`, `${PACKAGES}%2e%2e%2fnumpy.whl`, `${PACKAGES}`]) {
      const reply = await fetchAsset({ id: 1, url }, ROOTS, f.fetcher, fakeCaches(stores), LOCK);
      expect(reply, url).toMatchObject({ error: expect.stringMatching(/not a package file the lock file lists/) });
    }
    expect(f.calls).toEqual([]);
    expect([...(stores.get('gp-packages')?.keys() ?? [])]).toEqual([]);
  });

  it('refuses every package file when the lock file cannot be read', async () => {
    const f = fakeFetch(wasm);
    const reply = await fetchAsset({ id: 1, url: `${PACKAGES}numpy.whl` }, ROOTS, f.fetcher, fakeCaches(), async () => Promise.reject(new Error('offline')));
    expect(reply).toMatchObject({ error: expect.stringMatching(/lock file: offline/) });
    expect(f.calls).toEqual([]);
  });

  it('evicts the oldest kept files beyond the quota', async () => {
    const stores = new Map<string, Map<string, Response>>();
    const f = fakeFetch(() => new Response(new Uint8Array(400)));
    const keptUrls = () => [...(stores.get('gp-packages')?.keys() ?? [])].sort();
    for (const name of ['numpy.whl', 'scipy.whl', 'x.whl']) {
      expect(await fetchAsset({ id: 1, url: `${PACKAGES}${name}` }, ROOTS, f.fetcher, fakeCaches(stores), LOCK, 1000)).toMatchObject({ status: 200 });
      await new Promise((r) => setTimeout(r, 2)); // distinct stored times
    }
    // 3 x 400 bytes > 1000: the first one went.
    expect(keptUrls()).toEqual([`${PACKAGES}scipy.whl`, `${PACKAGES}x.whl`]);
    // A file larger than the whole quota is answered but not kept.
    const big = fakeFetch(() => new Response(new Uint8Array(2000)));
    expect(await fetchAsset({ id: 2, url: `${PACKAGES}numpy.whl` }, ROOTS, big.fetcher, fakeCaches(stores), LOCK, 1000)).toMatchObject({ status: 200 });
    expect(keptUrls()).toEqual([`${PACKAGES}scipy.whl`, `${PACKAGES}x.whl`]);
  });
});

describe('assetQueue', () => {
  it('runs at most `concurrency` jobs at once and all of them in the end, in order', async () => {
    const run = assetQueue(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const job = (i: number) => async () => {
      started.push(i);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((i) => run(job(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  it('frees the slot of a job that fails', async () => {
    const run = assetQueue(1);
    await expect(run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await run(async () => 'next')).toBe('next');
  });
});
