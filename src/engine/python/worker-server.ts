/**
 * The worker side of a supervised Python runtime: loads Pyodide once on `init`, answers `run` messages with the
 * in-thread runtime (runtime.ts), and says when the user's code starts so the supervisor's clock starts then.
 * Platform-neutral: the Node entry (node-worker.ts) or a browser worker entry passes its endpoint and loader.
 */
import type { PyodideAPI } from 'pyodide';
import type { PythonWorkerConfig, PythonWorkerEndpoint, ToPythonWorker } from './protocol.ts';
import type { PythonModuleProvider } from './packages.ts';
import { createPyodidePythonRuntime, type PyodidePythonRuntime } from './runtime.ts';

export interface PythonWorkerServerOptions {
  loadPyodide: (config: PythonWorkerConfig) => Promise<PyodideAPI>;
  providers?: readonly PythonModuleProvider[];
}

export function servePythonWorker(endpoint: PythonWorkerEndpoint, options: PythonWorkerServerOptions): void {
  let runtime: PyodidePythonRuntime | null = null;
  let interrupt: Int32Array | null = null;

  endpoint.onMessage((msg: ToPythonWorker) => {
    if (msg.type === 'init') {
      if (runtime) return;
      const t0 = performance.now();
      interrupt = msg.interrupt;
      const pyodide = options.loadPyodide(msg.config).then((py) => {
        if (interrupt) py.setInterruptBuffer(interrupt);
        return py;
      });
      runtime = createPyodidePythonRuntime(() => pyodide, {
        ...(options.providers ? { providers: options.providers } : {}),
        ...(msg.config.outputLimit !== undefined ? { outputLimit: msg.config.outputLimit } : {}),
        ...(msg.config.packageSource !== undefined ? { packageSource: msg.config.packageSource } : {}),
      });
      runtime.prepare().then(
        () => endpoint.post({ type: 'ready', ms: performance.now() - t0 }),
        (e: unknown) => endpoint.post({ type: 'startup-failed', message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    }
    if (msg.type === 'run') {
      if (!runtime) {
        endpoint.post({ type: 'result', id: msg.id, response: { status: 'server_error', errorType: 'startup', details: 'The Python worker was not initialised.' } });
        return;
      }
      const id = msg.id;
      void runtime
        .run(msg.request, {
          onExecStart: () => {
            // A late interrupt aimed at the previous run must not stop this one.
            if (interrupt) Atomics.store(interrupt, 0, 0);
            endpoint.post({ type: 'started', id });
          },
        })
        .then((response) => endpoint.post({ type: 'result', id, response }));
    }
  });
}
