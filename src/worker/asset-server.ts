/**
 * The app's side of the sandbox's file requests. The sandbox frame and its workers have an opaque origin, and
 * Chromium sends their requests past the app's service worker (it controls only same-origin clients) and past the
 * HTTP cache (their network partition is transient), so offline they could load nothing. They ask the app
 * instead; the app fetches the file as itself and hands back the bytes:
 * - the app's own static files, through its service worker (which has them cached);
 * - Python packages from the index the user chose, from the network when it answers, else from the copy kept
 *   the last time (so a package used once online also loads offline).
 * It answers only GETs under those two roots, without credentials: what the sandbox's policy lets it fetch
 * directly anyway. It must never fetch anything else for the sandbox, nor send it anything but the file.
 */
import type { AssetReply } from './protocol.ts';

/** Where the sandbox's files may come from. */
export interface AssetRoots {
  /** The app's root URL. */
  app: string;
  /** The Python package index the user chose, if any. */
  packages?: string;
}

const PACKAGE_CACHE = 'gp-packages';

/** The URL `url` if it lies under `root`, else null. */
export function underRoot(url: unknown, root: string): URL | null {
  if (typeof url !== 'string') return null;
  let u: URL;
  let r: URL;
  try {
    u = new URL(url);
    r = new URL(root);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol) || u.origin !== r.origin || u.username || u.password || !u.pathname.startsWith(r.pathname)) return null;
  return u;
}

/** A package file: the network first (a mirror may have been updated), the kept copy when it fails. */
async function packageFile(url: string, init: RequestInit, fetcher: typeof fetch, cacheStorage: CacheStorage | undefined): Promise<Response> {
  try {
    const res = await fetcher(url, init);
    if (res.ok && cacheStorage) await (await cacheStorage.open(PACKAGE_CACHE)).put(url, res.clone()).catch(() => undefined);
    return res;
  } catch (e) {
    const kept = cacheStorage ? await (await cacheStorage.open(PACKAGE_CACHE)).match(url) : undefined;
    if (kept) return kept;
    throw e;
  }
}

/** Fetch one file for the sandbox; the reply's body is transferable. */
export async function fetchAsset(
  request: { id: number; url: unknown; integrity?: unknown },
  roots: AssetRoots,
  fetcher: typeof fetch = fetch,
  cacheStorage: CacheStorage | undefined = globalThis.caches,
): Promise<AssetReply> {
  const { id, url } = request;
  const own = underRoot(url, roots.app);
  const pkg = own ? null : roots.packages ? underRoot(url, roots.packages) : null;
  const target = own ?? pkg;
  if (!target) return { type: 'asset-reply', id, error: `not a file the sandbox may load: ${String(url).slice(0, 200)}` };
  // No redirects: the sandbox's policy would stop one to another origin, and the app must not follow it either.
  const init: RequestInit = { credentials: 'omit', redirect: 'error' };
  if (typeof request.integrity === 'string' && request.integrity) init.integrity = request.integrity;
  try {
    const res = own ? await fetcher(target.href, init) : await packageFile(target.href, init, fetcher, cacheStorage);
    return { type: 'asset-reply', id, status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.arrayBuffer() };
  } catch (e) {
    return { type: 'asset-reply', id, error: `could not load ${target.href}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * At most `concurrency` files in flight, the rest wait their turn: a hostile grader asking for the 10 MB Pyodide
 * wasm a thousand times at once must not fill the app's memory with copies (each leaves as soon as it is sent).
 */
export function assetQueue(concurrency = 6): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    // A finished job hands its slot to the next waiting one, so a new caller cannot slip in between.
    if (running >= concurrency) await new Promise<void>((r) => waiting.push(r));
    else running++;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
