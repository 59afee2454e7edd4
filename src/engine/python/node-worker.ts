/**
 * Entry of the Node worker thread that hosts Pyodide for node.ts: wires worker_threads to the platform-neutral
 * worker server. Node-only; the browser has its own worker entry.
 */
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { createAstEngine } from '../ast/engine.ts';
import { nodeAstAssets } from '../ast/node-assets.ts';
import { setPythonAstEngine } from './ast-grep.ts';
import { readTzdataWheel } from './node-tzdata.ts';
import { setTzdataSource } from './platform.ts';
import type { ToPythonWorker } from './protocol.ts';
import { servePythonWorker } from './worker-server.ts';

const port = parentPort;
if (!port) throw new Error('node-worker.ts must run in a worker thread');
// ast_grep_py runs @ast-grep/wasm in this thread, with the grammars from node_modules.
setPythonAstEngine(createAstEngine(nodeAstAssets));
// zoneinfo reads the tzdata wheel from public/data/, as the browser reads it from the app's data/.
setTzdataSource(readTzdataWheel);

servePythonWorker(
  { post: (m) => port.postMessage(m), onMessage: (h) => port.on('message', (m: ToPythonWorker) => h(m)) },
  {
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
  },
);
