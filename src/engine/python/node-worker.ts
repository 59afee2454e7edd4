/**
 * Entry of the Node worker that hosts Pyodide for node.ts: wires worker_threads (tests, benches) or a child
 * process's IPC channel (the CLI's contained grader process, node-process.ts) to the platform-neutral worker
 * server. Node-only; the browser has its own worker entry.
 */
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { createAstEngine } from '../ast/engine.ts';
import { nodeAstAssets } from '../ast/node-assets.ts';
import { setPythonAstEngine } from './ast-grep.ts';
import { lockDownGraderProcess } from './node-lockdown.ts';
import { isPackageReply, type PackageRequest } from './node-process-protocol.ts';
import type { FromPythonWorker, PythonWorkerEndpoint, ToPythonWorker } from './protocol.ts';
import { readTzdataWheel } from './node-tzdata.ts';
import { setTzdataSource } from './platform.ts';
import { setMetricsData } from './nltk.ts';
import { nodeDataRuntime } from '../node-data.ts';
import { servePythonWorker } from './worker-server.ts';

function endpoint(): PythonWorkerEndpoint {
  if (parentPort) {
    const port = parentPort;
    return { post: (m) => port.postMessage(m), onMessage: (h) => port.on('message', (m: ToPythonWorker) => h(m)) };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('node-worker.ts must run in a worker thread or a child process with an IPC channel');
  // A contained child process: package downloads go through the parent, and the network is taken away.
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  let next = 1;
  lockDownGraderProcess(
    (url) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        send({ type: 'fetch-package', id, url } satisfies PackageRequest);
      }),
  );
  process.on('message', (m: unknown) => {
    if (!isPackageReply(m)) return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (!p) return;
    if (m.bytes) p.resolve(m.bytes);
    else p.reject(new Error(m.error ?? 'the package could not be fetched'));
  });
  return {
    post: (m: FromPythonWorker) => void send(m),
    onMessage: (h) => process.on('message', (m: ToPythonWorker | { type: string }) => void (m.type === 'init' || m.type === 'run' ? h(m as ToPythonWorker) : undefined)),
  };
}

const port = endpoint();
// ast_grep_py runs @ast-grep/wasm in this thread, with the grammars from node_modules.
setPythonAstEngine(createAstEngine(nodeAstAssets));
// zoneinfo reads the tzdata wheel from public/data/, as the browser reads it from the app's data/.
setTzdataSource(readTzdataWheel);
// nltk's METEOR reads WordNet from public/data/ too.
setMetricsData(nodeDataRuntime());

servePythonWorker(port, {
  loadPyodide: (c) =>
    loadPyodide({
      ...(c.indexURL !== undefined ? { indexURL: c.indexURL } : {}),
      ...(c.lockFileURL !== undefined ? { lockFileURL: c.lockFileURL } : {}),
      ...(c.packageBaseUrl !== undefined ? { packageBaseUrl: c.packageBaseUrl } : {}),
      ...(c.packageCacheDir !== undefined ? { packageCacheDir: c.packageCacheDir } : {}),
      // Startup chatter must not reach the CLI's stdout, which carries JSON.
      stdout: () => undefined,
      stderr: () => undefined,
    }),
});
