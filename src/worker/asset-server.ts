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
 * Under the package index it answers only file names that Pyodide's lock file (the app's own copy, which the
 * worker's Pyodide uses) lists: an index such as a public CDN serves any file, and the kept copies stay under
 * a quota, the oldest evicted first.
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
/** Bytes of package files kept for offline use; beyond it the oldest kept files go. */
export const PACKAGE_QUOTA_BYTES = 512 * 1024 * 1024;
const BYTES = 'x-gp-bytes';
const STORED = 'x-gp-stored';

/** File names a package request may ask for: those of the lock file at `appRoot` (pyodide/pyodide-lock.json). */
export type LockFileNames = (appRoot: string) => Promise<ReadonlySet<string>>;

const lockNames = new Map<string, Promise<ReadonlySet<string>>>();
/** The app's own lock file, fetched once per app root (a failure is not kept: the next request tries again). */
export const appLockFileNames: LockFileNames = (appRoot) => {
  let names = lockNames.get(appRoot);
  if (!names) {
    names = fetch(new URL('pyodide/pyodide-lock.json', appRoot).href, { credentials: 'omit' })
      .then((r) => {
        if (!r.ok) throw new Error(`the package lock file answered HTTP ${r.status}`);
        return r.json();
      })
      .then((lock: { packages?: Record<string, { file_name?: unknown }> }) => lockFileNames(lock));
    names.catch(() => lockNames.delete(appRoot));
    lockNames.set(appRoot, names);
  }
  return names;
};

/** The file names a Pyodide lock file lists. */
export function lockFileNames(lock: { packages?: Record<string, { file_name?: unknown }> }): Set<string> {
  const names = new Set<string>();
  for (const p of Object.values(lock.packages ?? {})) if (typeof p.file_name === 'string' && !p.file_name.includes('/')) names.add(p.file_name);
  return names;
}

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
async function packageFile(url: string, init: RequestInit, fetcher: typeof fetch, cacheStorage: CacheStorage | undefined, quota: number): Promise<Response> {
  try {
    const res = await fetcher(url, init);
    if (!res.ok || !cacheStorage) return res;
    const body = await res.arrayBuffer();
    const headers = { 'Content-Type': res.headers.get('content-type') ?? '', [BYTES]: String(body.byteLength), [STORED]: String(Date.now()) };
    if (body.byteLength <= quota) {
      await keepPackage(cacheStorage, url, new Response(body.slice(0), { status: res.status, headers }), body.byteLength, quota).catch(() => undefined);
    }
    return new Response(body, { status: res.status, headers });
  } catch (e) {
    const kept = cacheStorage ? await (await cacheStorage.open(PACKAGE_CACHE)).match(url) : undefined;
    if (kept) return kept;
    throw e;
  }
}

/** Keep one package file, then evict the oldest kept files until all fit in `quota` bytes. */
async function keepPackage(cacheStorage: CacheStorage, url: string, res: Response, bytes: number, quota: number): Promise<void> {
  const cache = await cacheStorage.open(PACKAGE_CACHE);
  const kept: { key: Request | string; bytes: number; stored: number }[] = [];
  for (const key of await cache.keys()) {
    const keyUrl = typeof key === 'string' ? key : key.url;
    if (keyUrl === url) continue;
    const r = await cache.match(key);
    // Entries without our headers (an older build's) count as large and old: they go first.
    kept.push({ key, bytes: Number(r?.headers.get(BYTES) ?? quota), stored: Number(r?.headers.get(STORED) ?? 0) });
  }
  kept.sort((a, b) => a.stored - b.stored);
  let total = bytes + kept.reduce((n, k) => n + k.bytes, 0);
  for (const k of kept) {
    if (total <= quota) break;
    await cache.delete(k.key);
    total -= k.bytes;
  }
  await cache.put(url, res);
}

/** Fetch one file for the sandbox; the reply's body is transferable. */
export async function fetchAsset(
  request: { id: number; url: unknown; integrity?: unknown },
  roots: AssetRoots,
  fetcher: typeof fetch = fetch,
  cacheStorage: CacheStorage | undefined = globalThis.caches,
  lockFiles: LockFileNames = appLockFileNames,
  quota = PACKAGE_QUOTA_BYTES,
): Promise<AssetReply> {
  const { id, url } = request;
  const own = underRoot(url, roots.app);
  const pkg = own ? null : roots.packages ? underRoot(url, roots.packages) : null;
  const target = own ?? pkg;
  if (!target) return { type: 'asset-reply', id, error: `not a file the sandbox may load: ${String(url).slice(0, 200)}` };
  if (pkg) {
    const refused = await packageRefusal(pkg, roots.packages!, () => lockFiles(roots.app));
    if (refused) return { type: 'asset-reply', id, error: refused };
  }
  // No redirects: the sandbox's policy would stop one to another origin, and the app must not follow it either.
  const init: RequestInit = { credentials: 'omit', redirect: 'error' };
  if (typeof request.integrity === 'string' && request.integrity) init.integrity = request.integrity;
  try {
    const res = own ? await fetcher(target.href, init) : await packageFile(target.href, init, fetcher, cacheStorage, quota);
    return { type: 'asset-reply', id, status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.arrayBuffer() };
  } catch (e) {
    return { type: 'asset-reply', id, error: `could not load ${target.href}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Why a package URL is refused (null when its file name is one the lock file lists, directly under the index). */
async function packageRefusal(url: URL, root: string, names: () => Promise<ReadonlySet<string>>): Promise<string | null> {
  const file = url.pathname.slice(new URL(root).pathname.length);
  let name: string;
  try {
    name = decodeURIComponent(file);
  } catch {
    name = '';
  }
  let listed: ReadonlySet<string>;
  try {
    listed = await names();
  } catch (e) {
    return `could not check ${url.href} against the package lock file: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (url.search || url.hash || !name || name.includes('/') || !listed.has(name))
    return `not a package file the lock file lists: ${url.href.slice(0, 200)}`;
  return null;
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
