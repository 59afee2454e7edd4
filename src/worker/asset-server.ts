/**
 * The app's side of the sandbox's file requests. The sandbox frame and its workers have an opaque origin, and
 * Chromium sends their requests past the app's service worker (it controls only same-origin clients) and past the
 * HTTP cache (their network partition is transient), so offline they could load nothing. They ask the app
 * instead; the app fetches the file as itself, through its service worker, and hands back the bytes.
 * It answers only GETs of the app's own static files under its base URL, without credentials: the files the
 * sandbox's policy lets it fetch directly anyway. It must never fetch anything else for the sandbox.
 */
import type { AssetReply } from './protocol.ts';

/** The file `url` if it lies under `base` (the app's root URL), else null. */
export function ownStaticUrl(url: unknown, base: string): URL | null {
  if (typeof url !== 'string') return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const b = new URL(base);
  if (u.origin !== b.origin || u.username || u.password || !u.pathname.startsWith(b.pathname)) return null;
  return u;
}

/** Fetch one of our files for the sandbox; the reply's body is transferable. */
export async function fetchAsset(id: number, url: unknown, base: string, fetcher: typeof fetch = fetch): Promise<AssetReply> {
  const own = ownStaticUrl(url, base);
  if (!own) return { type: 'asset-reply', id, error: `not one of the app's files: ${String(url).slice(0, 200)}` };
  try {
    const res = await fetcher(own.href, { credentials: 'omit', redirect: 'error' });
    return { type: 'asset-reply', id, status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.arrayBuffer() };
  } catch (e) {
    return { type: 'asset-reply', id, error: `could not load ${own.pathname}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
