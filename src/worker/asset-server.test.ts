import { describe, expect, it } from 'vitest';
import { fetchAsset, ownStaticUrl } from './asset-server.ts';

const BASE = 'http://127.0.0.1:4173/app/';

describe('ownStaticUrl: the sandbox may ask only for the app’s own files', () => {
  it('accepts files under the base URL', () => {
    expect(ownStaticUrl('http://127.0.0.1:4173/app/pyodide/pyodide.asm.wasm', BASE)?.pathname).toBe('/app/pyodide/pyodide.asm.wasm');
    expect(ownStaticUrl('http://127.0.0.1:4173/app/assets/x.js?v=1', BASE)?.search).toBe('?v=1');
  });

  it('refuses other origins, paths outside the base, credentials in the URL and non-URLs', () => {
    for (const url of [
      'http://localhost:4173/app/index.html',
      'https://127.0.0.1:4173/app/index.html',
      'http://127.0.0.1:4174/app/index.html',
      'https://api.openai.com/v1/models',
      'http://127.0.0.1:4173/other/index.html',
      'http://127.0.0.1:4173/app', // the base without its slash is outside it
      'http://user:pw@127.0.0.1:4173/app/index.html',
      'data:text/plain,x',
      'assets/x.js',
      42,
      null,
    ]) {
      expect(ownStaticUrl(url, BASE), String(url)).toBeNull();
    }
  });
});

describe('fetchAsset', () => {
  it('fetches without credentials or redirects and returns status, type and bytes', async () => {
    const seen: [string, RequestInit | undefined][] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      seen.push([url, init]);
      return new Response(new Uint8Array([0, 97, 115, 109]), { status: 200, headers: { 'Content-Type': 'application/wasm' } });
    }) as typeof fetch;
    const reply = await fetchAsset(7, `${BASE}assets/g.wasm`, BASE, fake);
    expect(seen).toEqual([[`${BASE}assets/g.wasm`, { credentials: 'omit', redirect: 'error' }]]);
    expect(reply).toMatchObject({ type: 'asset-reply', id: 7, status: 200, contentType: 'application/wasm' });
    expect('body' in reply && [...new Uint8Array(reply.body)]).toEqual([0, 97, 115, 109]);
  });

  it('passes an HTTP error status through', async () => {
    const fake = (async () => new Response('missing', { status: 404 })) as unknown as typeof fetch;
    expect(await fetchAsset(1, `${BASE}data/x.gz`, BASE, fake)).toMatchObject({ id: 1, status: 404 });
  });

  it('answers a refused URL with an error and never fetches it', async () => {
    let calls = 0;
    const fake = (async () => (calls++, new Response(''))) as unknown as typeof fetch;
    const reply = await fetchAsset(2, 'https://evil.example/steal', BASE, fake);
    expect(reply).toEqual({ type: 'asset-reply', id: 2, error: "not one of the app's files: https://evil.example/steal" });
    expect(calls).toBe(0);
  });

  it('answers a network failure (offline, file not cached) with an error', async () => {
    const fake = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchAsset(3, `${BASE}assets/tree-sitter-go.wasm`, BASE, fake)).toEqual({
      type: 'asset-reply',
      id: 3,
      error: 'could not load /app/assets/tree-sitter-go.wasm: Failed to fetch',
    });
  });
});
