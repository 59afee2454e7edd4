/**
 * The sandbox frame's only script. It runs in `<iframe sandbox="allow-scripts">` (opaque origin), pins a
 * Content-Security-Policy that allows network access only to the app's own static files, and starts or kills
 * grader workers on the app's command. Untrusted grader code runs in those workers, never on this thread.
 */
import workerUrl from './grader.worker.ts?worker&url';
import type { FrameCommand, FrameEvent, WorkerConnect } from './protocol.ts';

const ownOrigin = new URL(location.href).origin;
const params = new URLSearchParams(location.search);
// The Python package index the user chose (a setting): the only other origin the policy allows.
const packageBaseUrl = params.get('packages') ?? '';
const extra = /^https?:\/\/[^\s'";]+$/.test(packageBaseUrl) ? [new URL(packageBaseUrl).origin] : [];
const connect = [ownOrigin, ...extra].join(' ');

// Installed before any worker exists; data: workers inherit it. A module worker fetches its whole static
// import graph as 'worker' requests (worker-src), dynamic imports as scripts. 'wasm-unsafe-eval' lets Pyodide and the
// tree-sitter grammars compile; no fetch, WebSocket or import can reach any other origin.
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

const workers = new Map<number, Worker>();
const post = (msg: FrameEvent) => parent.postMessage(msg, '*');

function spawn(id: number, port: MessagePort) {
  const absolute = new URL(workerUrl, import.meta.url).href;
  // A module worker cannot be started from a URL of another origin (ours is opaque); a data: URL whose only
  // line imports the real worker chunk can, and keeps the opaque origin.
  const src = `data:text/javascript,${encodeURIComponent(`import ${JSON.stringify(absolute)};`)}`;
  let worker: Worker;
  try {
    worker = new Worker(src, { type: 'module', name: `grader-${id}` });
  } catch (e) {
    post({ type: 'worker-error', id, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  worker.addEventListener('error', (e) => post({ type: 'worker-error', id, message: e.message || 'the grader worker failed to start' }));
  workers.set(id, worker);
  const connectMsg: WorkerConnect = { type: 'connect', port, baseUrl: new URL('./', location.href).href, packageBaseUrl };
  worker.postMessage(connectMsg, [port]);
  post({ type: 'spawned', id });
}

window.addEventListener('message', (e: MessageEvent<FrameCommand>) => {
  if (e.source !== parent) return;
  const cmd = e.data;
  if (cmd?.type === 'spawn' && cmd.port instanceof MessagePort) spawn(cmd.id, cmd.port);
  else if (cmd?.type === 'kill') {
    workers.get(cmd.id)?.terminate();
    workers.delete(cmd.id);
  }
});

post({ type: 'ready' });
