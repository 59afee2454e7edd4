/**
 * A PythonRuntime that runs Pyodide in a worker it can kill: the only way to stop `while True: pass`. On time
 * out it first raises KeyboardInterrupt through the shared interrupt buffer (when SharedArrayBuffer exists),
 * which keeps the warm interpreter and the output printed so far; if the code does not stop within a grace
 * period, it terminates the worker and starts a new one for the next run. Platform-neutral: the host passes
 * a function that spawns its kind of worker (node.ts for worker_threads).
 */
import type { PythonRunRequest, PythonRunResponse } from '../runtime.ts';
import type { FromPythonWorker, PythonWorkerConfig, PythonWorkerHandle } from './protocol.ts';
import type { PyodidePythonRuntime } from './runtime.ts';

export interface SupervisorOptions {
  config?: PythonWorkerConfig;
  /** Time limit for the user's code when a request names none (default 120 s, OpenAI's documented limit). */
  defaultTimeoutMs?: number;
  /** Upper bound on any request's limit (e.g. a CLI flag); requests asking for more get this. */
  maxTimeoutMs?: number;
  /** Time allowed for starting Pyodide (default 120 s). */
  startupTimeoutMs?: number;
  /** Time allowed for loading a run's packages before its code starts (default 300 s). */
  loadTimeoutMs?: number;
  /** How long an interrupted run may take to unwind before the worker is killed (default 1 s). */
  graceMs?: number;
  /** Use the interrupt buffer when SharedArrayBuffer exists (default true). */
  interrupt?: boolean;
}

export interface SupervisedPythonRuntime extends PyodidePythonRuntime {
  /** Stop the worker (a later run starts a new one). */
  close(): void;
  /** How many workers were started so far (for tests and benches). */
  readonly spawned: number;
}

interface Live {
  handle: PythonWorkerHandle;
  ready: Promise<void>;
  interrupt: Int32Array | null;
  listener: ((m: FromPythonWorker) => void) | null;
  exitListener: ((reason: string) => void) | null;
  dead: boolean;
}

export function createSupervisedPythonRuntime(
  spawn: () => PythonWorkerHandle,
  options: SupervisorOptions = {},
): SupervisedPythonRuntime {
  const defaultTimeout = options.defaultTimeoutMs ?? 120_000;
  const graceMs = options.graceMs ?? 1000;
  let live: Live | null = null;
  let spawned = 0;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  function kill(l: Live) {
    l.dead = true;
    l.handle.terminate();
    if (live === l) live = null;
  }

  function startWorker(): Live {
    const handle = spawn();
    spawned++;
    const canInterrupt = (options.interrupt ?? true) && typeof SharedArrayBuffer !== 'undefined';
    const interrupt = canInterrupt ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const l: Live = { handle, ready: Promise.resolve(), interrupt, listener: null, exitListener: null, dead: false };
    handle.onMessage((m) => l.listener?.(m));
    handle.onExit((reason) => {
      l.dead = true;
      if (live === l) live = null;
      l.exitListener?.(reason);
    });
    l.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Pyodide did not start within ${(options.startupTimeoutMs ?? 120_000) / 1000} s`)), options.startupTimeoutMs ?? 120_000);
      l.listener = (m) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'startup-failed') reject(new Error(m.message));
        else return;
        clearTimeout(timer);
        l.listener = null;
      };
      l.exitListener = (reason) => {
        clearTimeout(timer);
        reject(new Error(`the Python worker stopped while starting: ${reason}`));
      };
    });
    handle.post({ type: 'init', config: options.config ?? {}, interrupt });
    return l;
  }

  async function runOnce(request: PythonRunRequest, onExecStart?: () => void): Promise<PythonRunResponse> {
    const t0 = performance.now();
    const limit = Math.min(request.timeoutMs ?? defaultTimeout, options.maxTimeoutMs ?? Infinity);
    const l = live && !live.dead ? live : (live = startWorker());
    try {
      await l.ready;
    } catch (e) {
      kill(l);
      return { status: 'server_error', errorType: 'startup', details: `Python (Pyodide) could not start: ${e instanceof Error ? e.message : String(e)}`, durationMs: performance.now() - t0 };
    }
    const id = nextId++;
    return new Promise<PythonRunResponse>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let interrupted = false;
      const settle = (r: PythonRunResponse) => {
        clearTimeout(timer);
        l.listener = null;
        l.exitListener = null;
        resolve(r);
      };
      const timedOut = (how: 'interrupted' | 'killed', answer?: PythonRunResponse): PythonRunResponse => ({
        ...(answer ?? {}),
        status: 'server_error',
        errorType: 'timeout',
        details: timeoutDetails(limit, how, answer),
        durationMs: performance.now() - t0,
      });
      const onTimeout = () => {
        if (l.interrupt && !interrupted) {
          interrupted = true;
          Atomics.store(l.interrupt, 0, 2);
          timer = setTimeout(onTimeout, graceMs);
          return;
        }
        kill(l);
        settle(timedOut('killed'));
      };
      l.listener = (m) => {
        if (m.type === 'started' && m.id === id) {
          clearTimeout(timer);
          onExecStart?.();
          timer = setTimeout(onTimeout, limit);
        } else if (m.type === 'result' && m.id === id) {
          // A dead interpreter cannot be revived in place, and WebAssembly memory never shrinks after a
          // MemoryError: either way the next run gets a new worker.
          if (m.response.errorType === 'crashed' || m.response.exceptionType === 'MemoryError') kill(l);
          settle(interrupted ? timedOut('interrupted', m.response) : m.response);
        }
      };
      l.exitListener = (reason) =>
        settle({
          status: 'server_error',
          errorType: 'crashed',
          details: `The Python worker stopped unexpectedly (${reason}), for example because the grader used too much memory. A new worker starts with the next run.`,
          durationMs: performance.now() - t0,
        });
      // Until the code starts, the clock covers loading the packages it imports.
      timer = setTimeout(() => {
        kill(l);
        settle({ status: 'server_error', errorType: 'package_unavailable', details: `Loading the packages this grader imports took longer than ${(options.loadTimeoutMs ?? 300_000) / 1000} s; the download was abandoned.`, durationMs: performance.now() - t0 });
      }, options.loadTimeoutMs ?? 300_000);
      l.handle.post({ type: 'run', id, request });
    });
  }

  return {
    run(request, hooks = {}) {
      const next = queue.then(() => runOnce(request, hooks.onExecStart));
      queue = next.catch(() => undefined);
      return next;
    },
    async prepare() {
      const l = live && !live.dead ? live : (live = startWorker());
      await l.ready;
    },
    close() {
      if (live) kill(live);
    },
    get spawned() {
      return spawned;
    },
  };
}

function timeoutDetails(limitMs: number, how: 'interrupted' | 'killed', answer?: PythonRunResponse): string {
  const s = limitMs / 1000;
  const where = answer?.line ? ` It was at line ${answer.line} of your code when it was stopped.` : '';
  const head =
    how === 'interrupted'
      ? `The grader did not finish within ${s} s, so it was interrupted.${where}`
      : `The grader did not finish within ${s} s and did not stop when interrupted, so its Python worker was killed; a fresh one starts with the next run.`;
  const trace = answer?.details?.replace(/^The grader was interrupted because it ran past its time limit\.\n/, '');
  return trace ? `${head}\n\n${trace}` : head;
}
