/**
 * The sandbox frame's only script. It runs in `<iframe sandbox="allow-scripts">` (opaque origin), pins a
 * Content-Security-Policy that allows network access only to the app's own static files, and starts or kills
 * grader workers on the app's command. Untrusted grader code runs in those workers, never on this thread.
 * The app loads this frame as `srcdoc` (sandbox-document.ts) and fetches our files for it and for its workers
 * (asset-server.ts): requests from an opaque origin never reach the app's service worker, so this is what
 * lets grading work offline. This script relays those requests; it must not fetch anything for a worker.
 */
import workerUrl from './grader.worker.ts?worker&url';
import { packageIndexSource } from './csp-source.ts';
import type { AssetReply, AssetRequest, FrameCommand, FrameEvent, WorkerConnect } from './protocol.ts';

// Only ever inside the app's sandboxed frame (opaque origin "null"). Opened or framed directly (sandbox.html at
// the app's origin, by another site), it does nothing: no policy, no workers, no `ready` to whoever framed it.
if (self.origin !== 'null') throw new Error('the grader sandbox runs only inside the app’s sandboxed frame');

// The page's URL as the app loaded it (srcdoc keeps it in <base>; location is about:srcdoc there).
const here = new URL(document.baseURI);
const ownOrigin = here.origin;
// The Python package index the user chose (a setting): the only other place the policy allows, by its path
// (a CDN's origin serves anything; a source ending in / matches only what lies under it).
const packageBaseUrl = here.searchParams.get('packages') ?? '';
const extra = packageIndexSource(packageBaseUrl);
const connect = [ownOrigin, ...extra].join(' ');

// Installed before any worker exists; data: workers inherit it. A module worker fetches its whole static
// import graph as 'worker' requests (worker-src), dynamic imports as scripts. 'wasm-unsafe-eval' lets Pyodide and the
// tree-sitter grammars compile; data: is the worker's own code given as text (it can already eval); no fetch,
// WebSocket or import can reach any other origin.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = [
  `default-src 'none'`,
  `script-src ${ownOrigin} 'wasm-unsafe-eval' 'unsafe-eval' data:`,
  `worker-src ${ownOrigin} data:`,
  `connect-src ${connect}`,
  `img-src 'none'`,
  `style-src 'none'`,
  `form-action 'none'`,
].join('; ');
document.head.prepend(csp);

/**
 * The worker's first script. A data: URL, so the worker has an opaque origin of its own (a blob: URL made here
 * cannot start a worker in Chromium). It gets the worker's code as text, imports it from a data: URL with
 * `import.meta.url` pinned to the file's real URL (as module-text.ts does: `moduleDataUrl`), and holds other
 * messages until that code has registered its listeners. Not a blob: URL: WebKit refuses a `data:` worker's
 * import of any blob: URL ("Not allowed to load local resource"), while all three engines import data: URLs.
 */
const BOOT = `addEventListener("message", function boot(e) {
  if (!e.data || e.data.type !== "boot") return;
  removeEventListener("message", boot);
  const held = [], hold = (m) => { held.push(m); m.stopImmediatePropagation(); };
  addEventListener("message", hold);
  const url = JSON.stringify(e.data.url);
  const code = e.data.code.replace(/import\\.meta\\.url/g, () => url) + "\\n//# sourceURL=" + e.data.url + "\\n";
  import("data:text/javascript;charset=utf-8," + encodeURIComponent(code)).then(() => {
    removeEventListener("message", hold);
    for (const m of held) dispatchEvent(new MessageEvent("message", { data: m.data }));
  }, (err) => setTimeout(() => { throw err; }));
});`;
const bootUrl = `data:text/javascript,${encodeURIComponent(BOOT)}`;

const workers = new Map<number, Worker>();
const killed = new Set<number>();
const post = (msg: FrameEvent) => parent.postMessage(msg, '*');

const asked = new Map<number, (reply: AssetReply) => void>();
let nextAsk = 1;
function ask(url: string, integrity?: string): Promise<AssetReply> {
  const id = nextAsk++;
  return new Promise((resolve) => {
    asked.set(id, resolve);
    post({ type: 'asset', id, url, ...(integrity ? { integrity } : {}) });
  });
}

const absoluteWorkerUrl = new URL(workerUrl, import.meta.url).href;
let workerCode: Promise<string> | null = null;
/** The grader worker's code: from the app in a build (one self-contained file); an import of it in dev. */
function loadWorkerCode(): Promise<string> {
  workerCode ??= import.meta.env.DEV
    ? Promise.resolve(`import ${JSON.stringify(absoluteWorkerUrl)};`)
    : ask(absoluteWorkerUrl).then((r) => {
        if ('error' in r) throw new Error(r.error);
        if (r.status !== 200) throw new Error(`could not load the grader worker (HTTP ${r.status})`);
        return new TextDecoder().decode(r.body);
      });
  workerCode.catch(() => (workerCode = null));
  return workerCode;
}

/** A worker's file request (the app checks it again: boundary.ts; this file must stay one self-contained script). */
function isAssetRequest(data: unknown): data is AssetRequest {
  const r = data as AssetRequest;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.type === 'asset' &&
    typeof r.id === 'number' &&
    typeof r.url === 'string' &&
    r.url.length <= 4_096 &&
    (r.integrity === undefined || (typeof r.integrity === 'string' && r.integrity.length <= 256))
  );
}

async function spawn(id: number, port: MessagePort) {
  // The worker's thread starts while its code is fetched (its boot script only waits for a message).
  let worker: Worker;
  try {
    worker = new Worker(bootUrl, { type: 'module', name: `grader-${id}` });
  } catch (e) {
    post({ type: 'worker-error', id, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  worker.addEventListener('error', (e) => post({ type: 'worker-error', id, message: e.message || 'the grader worker failed to start' }));
  // The worker's file requests go to the app; the worker is untrusted, so only the URL (and hash) is passed on.
  worker.addEventListener('message', (e) => {
    if (!isAssetRequest(e.data)) return;
    const workerAsk = e.data.id;
    void ask(e.data.url, e.data.integrity).then((r) => worker.postMessage({ ...r, id: workerAsk }, 'body' in r ? [r.body] : []));
  });
  workers.set(id, worker);
  let code: string;
  try {
    code = await loadWorkerCode();
  } catch (e) {
    worker.terminate();
    workers.delete(id);
    post({ type: 'worker-error', id, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  // Killed while its code loaded: the kill command has terminated it already.
  if (killed.delete(id) || workers.get(id) !== worker) return;
  worker.postMessage({ type: 'boot', code, url: absoluteWorkerUrl });
  const connectMsg: WorkerConnect = { type: 'connect', port, baseUrl: new URL('./', here).href, packageBaseUrl };
  worker.postMessage(connectMsg, [port]);
  post({ type: 'spawned', id });
}

window.addEventListener('message', (e: MessageEvent<FrameCommand>) => {
  if (e.source !== parent) return;
  const cmd = e.data;
  if (cmd?.type === 'spawn' && cmd.port instanceof MessagePort) void spawn(cmd.id, cmd.port);
  else if (cmd?.type === 'asset-reply') {
    asked.get(cmd.id)?.(cmd);
    asked.delete(cmd.id);
  } else if (cmd?.type === 'kill') {
    const worker = workers.get(cmd.id);
    if (worker) worker.terminate();
    else killed.add(cmd.id); // still loading its code
    workers.delete(cmd.id);
  }
});

post({ type: 'ready' });
// The app's first command is a spawn: ask for the worker's code now rather than one round trip later.
if (!import.meta.env.DEV) void loadWorkerCode().catch(() => undefined);
