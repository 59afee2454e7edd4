/**
 * Python graders in Node (the CLI and the tests): Pyodide in a worker_threads Worker under the supervisor, so a
 * runaway grader is interrupted or killed and the next run gets a working interpreter. Node-only: the browser
 * never imports this file.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createPackageRelay, spawnContainedWorker } from './node-process.ts';
import { DEFAULT_PACKAGE_BASE_URL, PYODIDE_VERSION } from './packages.ts';
import type { FromPythonWorker, PythonWorkerHandle } from './protocol.ts';
import { createSupervisedPythonRuntime, type SupervisedPythonRuntime, type SupervisorOptions } from './supervisor.ts';

export interface NodePythonOptions extends Omit<SupervisorOptions, 'config'> {
  /**
   * Where Pyodide's packages are downloaded from: an http(s) URL ending in `/` or a local directory holding the
   * wheels. Default: the official CDN index of the pinned Pyodide version.
   */
  packageBaseUrl?: string;
  /** Where downloaded wheels are cached (default: a directory under the system's temp dir). */
  packageCacheDir?: string;
  /** A pyodide-lock.json file path (default: the one shipped with the pyodide package). */
  lockFilePath?: string;
  /** Characters of stdout and stderr kept per run. */
  outputLimit?: number;
  /** The worker entry module; needed when this file is bundled (default: node-worker next to this file). */
  workerUrl?: URL;
  /**
   * Run each worker as a contained child process (node-process.ts) instead of a worker thread: what the CLI
   * does. Needs a built `.js` worker entry. Time limits then kill the process (no shared interrupt buffer).
   */
  contained?: boolean;
}

export function createNodePythonRuntime(options: NodePythonOptions = {}): SupervisedPythonRuntime {
  const { packageBaseUrl, packageCacheDir, lockFilePath, outputLimit, workerUrl, contained, ...supervisor } = options;
  const cacheDir = packageCacheDir ?? join(tmpdir(), `grader-playground-pyodide-${PYODIDE_VERSION}`);
  // Pyodide guesses its own directory from a stack trace, which fails inside an eval worker: say it.
  const indexURL = dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + sep;
  if (contained) {
    const url = workerUrl ?? defaultWorkerUrl();
    if (!url.pathname.endsWith('.js')) throw new Error('a contained Python worker needs the built worker entry (npm run build:cli)');
    const baseUrl = packageBaseUrl ?? DEFAULT_PACKAGE_BASE_URL;
    const relay = createPackageRelay({ lockFilePath: lockFilePath ?? join(indexURL, 'pyodide-lock.json'), baseUrl, cacheDir });
    // The child reads the lock file and fetches `baseUrl + file` through the relay; it caches nothing itself.
    const config = {
      indexURL,
      packageSource: baseUrl,
      packageBaseUrl: baseUrl,
      ...(lockFilePath !== undefined ? { lockFileURL: lockFilePath } : {}),
      ...(outputLimit !== undefined ? { outputLimit } : {}),
    };
    const readPaths = lockFilePath !== undefined ? [lockFilePath] : [];
    return createSupervisedPythonRuntime(() => spawnContainedWorker({ workerPath: fileURLToPath(url), relay, readPaths }), {
      ...supervisor,
      interrupt: false,
      config,
    });
  }
  const config = {
    indexURL,
    packageCacheDir: cacheDir,
    packageSource: packageBaseUrl ?? DEFAULT_PACKAGE_BASE_URL,
    ...(packageBaseUrl !== undefined ? { packageBaseUrl } : {}),
    ...(lockFilePath !== undefined ? { lockFileURL: lockFilePath } : {}),
    ...(outputLimit !== undefined ? { outputLimit } : {}),
  };
  return createSupervisedPythonRuntime(() => spawnNodeWorker(workerUrl ?? defaultWorkerUrl()), { ...supervisor, config });
}

function defaultWorkerUrl(): URL {
  const ts = new URL('./node-worker.ts', import.meta.url);
  return import.meta.url.endsWith('.ts') && existsSync(ts) ? ts : new URL('./node-worker.js', import.meta.url);
}

function spawnNodeWorker(url: URL): PythonWorkerHandle {
  let worker: Worker;
  if (url.pathname.endsWith('.ts')) {
    // Running from source (tests, tsx): Node 20 cannot load .ts itself, so the worker goes through tsx's loader.
    // require.resolve finds the CommonJS build of tsx's API; its ES module twin sits beside it.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
    worker = new Worker(code, { eval: true });
  } else {
    worker = new Worker(url);
  }
  // An idle worker must not keep the CLI alive; a run in progress holds a timer, which does.
  worker.unref();
  let lastError = '';
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (h) => worker.on('message', (m: FromPythonWorker) => h(m)),
    onExit: (h) => {
      worker.on('error', (e) => (lastError = e instanceof Error ? e.message : String(e)));
      worker.once('exit', (code) => h(lastError || `exit code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
