/**
 * The engine's runtime in Node: Pyodide in a killable worker thread (started on the first python grader),
 * the app's data files from disk, and the model endpoint from OPENAI_BASE_URL / OPENAI_API_KEY.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lazyAstEngine } from '../engine/ast/lazy.ts';
import { nodeDataRuntime } from '../engine/node-data.ts';
import type { SupervisedPythonRuntime } from '../engine/python/supervisor.ts';
import type { EngineRuntime, PythonRunRequest } from '../engine/runtime.ts';
import { modelRuntimeFromEnv } from './model-runtime.ts';

export interface NodeRuntime {
  engine: EngineRuntime;
  close(): Promise<void>;
}

/** The project root: the nearest folder above this file with our package.json (works from src/ and dist-cli/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'public'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export async function createNodeRuntime(options: { pythonTimeoutMs: number; modelTimeoutMs?: number }): Promise<NodeRuntime> {
  const root = projectRoot();
  let python: Promise<SupervisedPythonRuntime> | null = null;
  const getPython = () => {
    python ??= import('../engine/python/node.ts').then(({ createNodePythonRuntime }) => {
      // In the built CLI the worker thread entry is bundled beside this file; from source, node.ts finds its own.
      const bundled = fileURLToPath(new URL('./python-worker.js', import.meta.url));
      // The built CLI contains python graders in a child process (node-process.ts); from source (tsx, tests of
      // main.ts) it cannot, since no TypeScript loader runs under the permission model: a worker thread then.
      const built = import.meta.url.endsWith('.js') && existsSync(bundled);
      return createNodePythonRuntime({
        defaultTimeoutMs: options.pythonTimeoutMs,
        maxTimeoutMs: options.pythonTimeoutMs,
        ...(built ? { workerUrl: pathToFileURL(bundled), contained: true } : {}),
      });
    });
    return python;
  };
  const engine: EngineRuntime = {
    data: nodeDataRuntime(join(root, 'public', 'data')),
    // AST checks: @ast-grep/wasm with the grammars from node_modules, loaded on the first ast_grep grader.
    ast: lazyAstEngine(() =>
      Promise.all([import('../engine/ast/engine.ts'), import('../engine/ast/node-assets.ts')]).then(([{ createAstEngine }, { nodeAstAssets }]) =>
        createAstEngine(nodeAstAssets),
      ),
    ),
    python: { run: async (request: PythonRunRequest) => (await getPython()).run(request) },
    // Read at each CLI run, so OPENAI_BASE_URL / OPENAI_API_KEY work as in the official SDKs.
    model: modelRuntimeFromEnv(process.env, options.modelTimeoutMs ? { timeoutMs: options.modelTimeoutMs } : {}),
  };
  return {
    engine,
    close: async () => {
      if (python) (await python).close();
    },
  };
}
