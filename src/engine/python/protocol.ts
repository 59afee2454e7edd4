/**
 * Messages between a supervisor (supervisor.ts, which can kill the worker) and the worker that hosts Pyodide
 * (worker-server.ts). Plain structured-clone data only, the same in browser Workers and Node worker_threads.
 */
import type { PythonRunRequest, PythonRunResponse } from '../runtime.ts';

/** How the worker should load Pyodide (passed to its loader as is; each host knows its own paths). */
export interface PythonWorkerConfig {
  indexURL?: string;
  packageBaseUrl?: string;
  packageCacheDir?: string;
  lockFileURL?: string;
  /** Where packages come from, for error messages. */
  packageSource?: string;
  outputLimit?: number;
}

export type ToPythonWorker =
  | {
      type: 'init';
      config: PythonWorkerConfig;
      /** An Int32Array on a SharedArrayBuffer: writing 2 (SIGINT) raises KeyboardInterrupt in the user's code. */
      interrupt: Int32Array | null;
    }
  | { type: 'run'; id: number; request: PythonRunRequest };

export type FromPythonWorker =
  | { type: 'ready'; ms: number }
  | { type: 'startup-failed'; message: string }
  | { type: 'started'; id: number }
  | { type: 'result'; id: number; response: PythonRunResponse };

/** The two ends of a worker, whichever platform made it. */
export interface PythonWorkerHandle {
  post(message: ToPythonWorker): void;
  /** Called with every message the worker sends. */
  onMessage(handler: (message: FromPythonWorker) => void): void;
  /** Called once if the worker dies on its own (uncaught error, exit, out of memory). */
  onExit(handler: (reason: string) => void): void;
  terminate(): void;
}

/** The worker's side: what it can send and how it receives. */
export interface PythonWorkerEndpoint {
  post(message: FromPythonWorker): void;
  onMessage(handler: (message: ToPythonWorker) => void): void;
}
