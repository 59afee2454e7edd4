import { describe, expect, it } from 'vitest';
import { installAssetFetch, type AssetChannel } from './asset-fetch.ts';
import type { AssetReply, AssetRequest } from './protocol.ts';

const BASE = 'http://127.0.0.1:4173/';
const PACKAGES = 'https://cdn.example/pyodide/full/';

/** A fake frame: records the worker's requests and answers them with `answer`. */
function setup(answer: (req: AssetRequest) => Omit<AssetReply, 'type' | 'id'>) {
  const asked: AssetRequest[] = [];
  const network: string[] = [];
  let deliver: (data: unknown) => void = () => undefined;
  const channel: AssetChannel = {
    post(msg) {
      asked.push(msg);
      queueMicrotask(() => deliver({ type: 'asset-reply', id: msg.id, ...answer(msg) }));
    },
    listen(handler) {
      deliver = handler;
    },
  };
  const target = {
    fetch: (async (input: RequestInfo | URL) => {
      network.push(String(input instanceof Request ? input.url : input));
      return new Response('from the network');
    }) as typeof fetch,
  };
  installAssetFetch([BASE, PACKAGES, ''], channel, target);
  return { asked, network, fetch: target.fetch, deliver: (d: unknown) => deliver(d) };
}

describe('installAssetFetch', () => {
  it('asks the frame for our files (string, URL or Request) and builds the response from the reply', async () => {
    const bytes = new TextEncoder().encode('wasm bytes');
    const s = setup(() => ({ status: 200, contentType: 'application/wasm', body: bytes.slice().buffer }));
    const res = await s.fetch(`${BASE}pyodide/pyodide.asm.wasm`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(await res.text()).toBe('wasm bytes');
    await s.fetch(new URL('data/x.gz', BASE));
    await s.fetch(new Request(`${BASE}assets/g.wasm`));
    expect(s.asked.map((a) => a.url)).toEqual([`${BASE}pyodide/pyodide.asm.wasm`, `${BASE}data/x.gz`, `${BASE}assets/g.wasm`]);
    expect(new Set(s.asked.map((a) => a.id)).size).toBe(3);
    expect(s.network).toEqual([]);
  });

  it('passes an HTTP status through, so callers see res.ok false', async () => {
    const s = setup(() => ({ status: 404, contentType: 'text/plain', body: new ArrayBuffer(0) }));
    expect((await s.fetch(`${BASE}data/missing.gz`)).ok).toBe(false);
  });

  it('rejects like a failed fetch when the app could not load the file', async () => {
    const s = setup(() => ({ error: 'could not load /assets/g.wasm: Failed to fetch' }));
    await expect(s.fetch(`${BASE}assets/g.wasm`)).rejects.toThrow(TypeError);
  });

  it('asks for package files too, with the integrity hash Pyodide gave', async () => {
    const s = setup(() => ({ status: 200, contentType: 'application/zip', body: new ArrayBuffer(0) }));
    await s.fetch(`${PACKAGES}numpy.whl`, { integrity: 'sha256-abc' });
    await s.fetch(new Request(`${PACKAGES}six.whl`, { integrity: 'sha256-def' }));
    expect(s.asked.map(({ url, integrity }) => [url, integrity])).toEqual([
      [`${PACKAGES}numpy.whl`, 'sha256-abc'],
      [`${PACKAGES}six.whl`, 'sha256-def'],
    ]);
  });

  it('sends other origins and non-GET requests to the network (an empty root matches nothing)', async () => {
    const s = setup(() => ({ status: 200, contentType: '', body: new ArrayBuffer(0) }));
    await s.fetch('https://cdn.jsdelivr.net/pyodide/v0.29.0/full/numpy.whl');
    await s.fetch(`${BASE}upload`, { method: 'POST', body: 'x' });
    expect(s.asked).toEqual([]);
    expect(s.network).toEqual(['https://cdn.jsdelivr.net/pyodide/v0.29.0/full/numpy.whl', `${BASE}upload`]);
  });

  it('ignores unrelated and forged messages', async () => {
    const s = setup(() => ({ status: 200, contentType: 'text/plain', body: new TextEncoder().encode('ok').buffer }));
    s.deliver({ type: 'asset-reply', id: 999, status: 200, contentType: '', body: new ArrayBuffer(0) });
    s.deliver('hello');
    s.deliver(null);
    expect(await (await s.fetch(`${BASE}index.html`)).text()).toBe('ok');
  });
});
