/**
 * A PythonRuntime on one Pyodide interpreter, in whatever thread hosts it (a browser worker, a Node worker
 * thread, a test): installs the harness once, loads the packages a source imports, runs the grade and returns
 * the harness's answer. It cannot stop runaway code by itself: whoever owns the thread enforces time limits
 * (supervisor.ts for a worker it can terminate). It never imports Pyodide: the host hands the interpreter in.
 */
import type { PyodideAPI } from 'pyodide';
import type { PythonRunRequest, PythonRunResponse, PythonRuntime } from '../runtime.ts';
import { HARNESS_MODULE, HARNESS_PY } from './harness.ts';
import { BUILTIN_PROVIDERS } from './providers.ts';
import {
  DEFAULT_PACKAGE_BASE_URL,
  OPENAI_IMAGE_PACKAGES,
  PROVIDED_DIR,
  lockImportMap,
  planImports,
  unavailableMessage,
  withProviderNeeds,
  type PythonModuleProvider,
} from './packages.ts';

export interface PyodideRuntimeOptions {
  /**
   * Modules the playground provides itself, installed when a source imports them (default: BUILTIN_PROVIDERS,
   * i.e. rapidfuzz).
   */
  providers?: readonly PythonModuleProvider[];
  /** Characters of stdout and of stderr kept per run (default 100,000); the rest is counted and dropped. */
  outputLimit?: number;
  /** Where packages come from, for error messages (default: the interpreter's lock-file base URL). */
  packageSource?: string;
}

export interface RunHooks {
  /** Called once packages are loaded, just before the user's code starts: a host's time limit starts here. */
  onExecStart?: () => void;
}

export interface PyodidePythonRuntime extends PythonRuntime {
  run(request: PythonRunRequest, hooks?: RunHooks): Promise<PythonRunResponse>;
  /** Start the interpreter and install the harness now (e.g. while the user is still typing). */
  prepare(): Promise<void>;
}

interface PyFunction {
  (...args: unknown[]): unknown;
}

interface Ready {
  py: PyodideAPI;
  run: PyFunction;
  importsOf: PyFunction;
  lockImports: Map<string, string>;
  installed: Set<PythonModuleProvider>;
  /** Output Pyodide writes below sys.stdout (C extensions, package loader) during the current run. */
  raw: { out: string[]; err: string[] };
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createPyodidePythonRuntime(
  getPyodide: () => Promise<PyodideAPI>,
  options: PyodideRuntimeOptions = {},
): PyodidePythonRuntime {
  const providers = new Map<string, PythonModuleProvider>();
  for (const p of options.providers ?? BUILTIN_PROVIDERS) for (const name of p.imports) providers.set(name, p);
  let ready: Promise<Ready> | null = null;
  // One run at a time: package loading is async, and the harness swaps the interpreter-wide sys.stdout.
  let queue: Promise<unknown> = Promise.resolve();
  let lastSource = '';
  let lastImports: string[] = [];

  function start(): Promise<Ready> {
    if (!ready) {
      ready = init(getPyodide, providers, options.outputLimit ?? 100_000);
      ready.catch(() => (ready = null));
    }
    return ready;
  }

  async function runOnce(request: PythonRunRequest, hooks: RunHooks): Promise<PythonRunResponse> {
    const t0 = now();
    const done = (r: PythonRunResponse): PythonRunResponse => ({ ...r, durationMs: now() - t0 });
    let s: Ready;
    try {
      s = await start();
    } catch (e) {
      return done({ status: 'server_error', errorType: 'startup', details: `Python (Pyodide) could not start: ${message(e)}` });
    }
    s.raw.out = [];
    s.raw.err = [];
    if (request.source !== lastSource) {
      lastImports = withProviderNeeds(JSON.parse(String(s.importsOf(request.source))) as string[], request.source, providers);
      lastSource = request.source;
    }
    const packages = await loadImports(s, lastImports, providers, options.packageSource);
    if ('failure' in packages) return done(packages.failure);
    for (const p of new Set(lastImports.map((name) => providers.get(name)))) await p?.prepareRun?.(s.py, request);
    hooks.onExecStart?.();
    let answer: PythonRunResponse;
    try {
      answer = JSON.parse(String(s.run(request.source, request.sampleJson, request.itemJson))) as PythonRunResponse;
    } catch (e) {
      // Only a bug of ours or a dead interpreter gets here (the harness catches everything the user raises).
      ready = null;
      return done({ status: 'server_error', errorType: 'crashed', details: `The Python interpreter failed: ${message(e)}` });
    }
    if (s.raw.out.length) answer.stdout = (answer.stdout ?? '') + s.raw.out.join('\n') + '\n';
    if (s.raw.err.length) answer.stderr = (answer.stderr ?? '') + s.raw.err.join('\n') + '\n';
    if (packages.loaded.length) answer.packagesLoaded = packages.loaded;
    return done(answer);
  }

  return {
    run(request, hooks = {}) {
      const next = queue.then(() => runOnce(request, hooks));
      queue = next.catch(() => undefined);
      return next;
    },
    async prepare() {
      await start();
    },
  };
}

async function init(
  getPyodide: () => Promise<PyodideAPI>,
  providers: Map<string, PythonModuleProvider>,
  outputLimit: number,
): Promise<Ready> {
  const py = await getPyodide();
  const raw: Ready['raw'] = { out: [], err: [] };
  // Pyodide's default sinks are console.log/error: in the CLI that would corrupt the JSON it prints on stdout.
  py.setStdout({ batched: (t: string) => void raw.out.push(t) });
  py.setStderr({ batched: (t: string) => void raw.err.push(t) });
  // No one can type into a grader: input() meets end-of-file (EOFError), as under a closed stdin.
  py.setStdin({ stdin: () => null });
  const lockImports = lockImportMap(py.lockfile);
  py.FS.mkdirTree(PROVIDED_DIR);
  py.FS.writeFile(`${PROVIDED_DIR}/${HARNESS_MODULE}.py`, HARNESS_PY);
  py.runPython(`import sys\nif "${PROVIDED_DIR}" not in sys.path: sys.path.append("${PROVIDED_DIR}")\nimport ${HARNESS_MODULE}`);
  const harness = py.pyimport(HARNESS_MODULE) as unknown as Record<string, PyFunction>;
  const unavailable: Record<string, string> = {};
  for (const p of OPENAI_IMAGE_PACKAGES) {
    for (const name of p.imports) {
      const text = unavailableMessage(name, providers.has(name));
      if (text) unavailable[name] = text;
    }
  }
  const partial: Record<string, string> = {};
  for (const [name, p] of providers) if (p.partialNote) partial[name] = p.partialNote;
  harness.configure!(JSON.stringify({ output_limit: outputLimit, unavailable, partial, distribution: Object.fromEntries(lockImports) }));
  return {
    py,
    run: harness.run!,
    importsOf: harness.imports_of!,
    lockImports,
    installed: new Set(),
    raw,
  };
}

type Loaded = { loaded: string[] } | { failure: PythonRunResponse };

async function loadImports(
  s: Ready,
  imports: string[],
  providers: Map<string, PythonModuleProvider>,
  packageSource: string | undefined,
): Promise<Loaded> {
  const plan = planImports(imports, {
    lockImports: s.lockImports,
    loaded: new Set(Object.keys(s.py.loadedPackages)),
    providers,
    installed: s.installed,
  });
  for (const provider of plan.provide) {
    try {
      await provider.install(s.py);
      s.installed.add(provider);
    } catch (e) {
      const module = provider.imports[0] ?? '?';
      return {
        failure: {
          status: 'server_error',
          errorType: 'package_unavailable',
          module,
          details: `The playground's own ${module} module could not be set up: ${message(e)}. This is a bug of the playground, not of your grader.`,
        },
      };
    }
  }
  if (plan.load.length === 0) return { loaded: [] };
  const errors: string[] = [];
  try {
    await s.py.loadPackage(plan.load, { messageCallback: () => undefined, errorCallback: (m) => void errors.push(m) });
  } catch (e) {
    errors.push(message(e));
  }
  const missing = plan.load.filter((p) => !(p in s.py.loadedPackages));
  if (missing.length === 0) return { loaded: plan.load };
  const what = missing.map((p) => `${p} (for \`import ${plan.reasons.get(p) ?? p}\`)`).join(', ');
  const from = packageSource ?? s.py.lockfileBaseUrl ?? DEFAULT_PACKAGE_BASE_URL;
  const why = errors.filter((e) => !/^The following error occurred while loading/.test(e)).join('; ') || 'no reason given';
  return {
    failure: {
      status: 'server_error',
      errorType: 'package_unavailable',
      module: plan.reasons.get(missing[0]!) ?? missing[0]!,
      details:
        `Could not load ${what} from ${from}: ${why}. ` +
        `Pyodide's packages are downloaded the first time a grader imports them; you may be offline, or the ` +
        `package base URL setting points to a server that does not have them. Your code did not run.`,
    },
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
