/**
 * The engine's runtime inside the grader worker: Pyodide from our own build (loaded on the first python grader,
 * in this thread: LiveRunner kills the whole worker when code overruns) and the app's static data files. All
 * URLs come from the app's base URL, so everything is fetched from our own origin (the sandbox's CSP allows
 * nothing else, except the Python package mirror the user configured), and the app fetches those files for us
 * (asset-fetch.ts), from its service worker's cache when offline.
 */
import type { PyodideAPI, PyodideConfig } from 'pyodide';
import type { DataRuntime, EngineRuntime } from '../engine/runtime.ts';
import type { PyodidePythonRuntime } from '../engine/python/runtime.ts';
import type { RunProgress } from './protocol.ts';
import { createWorkerAstEngine } from './ast-engine.ts';
import { installAssetFetch, workerChannel } from './asset-fetch.ts';
import { importModuleText } from './module-text.ts';

export interface WorkerRuntimeConfig {
  /** The app's root URL (where index.html, sandbox.html, pyodide/ and data/ are). */
  baseUrl: string;
  /** Where Pyodide packages (numpy, ...) are downloaded from; must be allowed by the sandbox policy. */
  packageBaseUrl: string;
}

export function createWorkerRuntime(
  config: WorkerRuntimeConfig,
  progress: (p: RunProgress) => void,
): EngineRuntime & { prepare(): Promise<void> } {
  // Our files and packages come through the app (asset-fetch.ts), so they load offline too.
  installAssetFetch([config.baseUrl, config.packageBaseUrl], workerChannel(self as unknown as DedicatedWorkerGlobalScope));
  const data: DataRuntime = {
    async load(name: string) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new Error(`invalid data file name ${JSON.stringify(name)}`);
      const url = new URL(`data/${name}`, config.baseUrl);
      const res = await fetch(url);
      if (!res.ok) throw new Error(`could not load ${url.pathname} (HTTP ${res.status})`);
      return res.arrayBuffer();
    },
  };

  let pyodide: Promise<PyodideAPI> | null = null;
  const getPyodide = () => {
    const indexURL = new URL('pyodide/', config.baseUrl).href;
    pyodide ??= Promise.all([
      import('pyodide'),
      // Pyodide would import() this by URL, which the app could not answer offline: pass it in instead.
      importModuleText<{ default: NonNullable<PyodideConfig['createPyodideModule']> }>(`${indexURL}pyodide.asm.mjs`),
    ]).then(([{ loadPyodide }, asm]) =>
      loadPyodide({
        indexURL,
        createPyodideModule: asm.default,
        packageBaseUrl: config.packageBaseUrl,
        stdout: () => undefined,
        stderr: () => undefined,
      }),
    );
    return pyodide;
  };

  const ast = createWorkerAstEngine();

  let python: Promise<PyodidePythonRuntime> | null = null;
  const getPython = () => {
    python ??= Promise.all([
      import('../engine/python/runtime.ts'),
      import('../engine/python/ast-grep.ts'),
      import('../engine/python/platform.ts'),
      import('../engine/python/nltk.ts'),
    ]).then(
      ([{ createPyodidePythonRuntime }, { setPythonAstEngine }, { setTzdataSource, TZDATA_WHEEL }, { setMetricsData }]) => {
        setPythonAstEngine(ast); // ast_grep_py shares this worker's AST engine
        setTzdataSource(() => data.load(TZDATA_WHEEL)); // zoneinfo's database, from our own origin (offline too)
        setMetricsData(data); // WordNet for nltk's meteor_score, from the same place as METEOR's
        return createPyodidePythonRuntime(getPyodide, { packageSource: config.packageBaseUrl });
      },
    );
    return python;
  };

  return {
    data,
    ast,
    python: {
      async run(request) {
        progress('loading');
        return (await getPython()).run(request, { onExecStart: () => progress('exec') });
      },
    },
    prepare() {
      return getPython().then((p) => p.prepare());
    },
  };
}
