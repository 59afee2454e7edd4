/**
 * The CLI's contained python graders: Pyodide in a child Node process started under Node's permission model
 * (`--experimental-permission`: it reads only the playground's own runtime files, writes only its scratch
 * folder, starts no process or worker thread, loads no native addon), with an empty environment and no code
 * generation from strings, and with the JavaScript it could use for the network taken away (node-lockdown.ts).
 * Its package downloads are relayed here: only files the Pyodide lock file lists, checked against their
 * sha256 and cached. Node-only.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findTzdataWheel } from './node-tzdata.ts';
import { isPackageRequest, type PackageReply } from './node-process-protocol.ts';
import type { FromPythonWorker, PythonWorkerHandle } from './protocol.ts';

export interface ContainedWorkerOptions {
  /** The built worker entry (a .js file: the permission model leaves no room for a TypeScript loader). */
  workerPath: string;
  /** Answers the child's package downloads. */
  relay: (url: string) => Promise<Uint8Array>;
  /** Extra folders the child may read (the worker's own folder and runtime packages are added). */
  readPaths?: string[];
}

const require = createRequire(import.meta.url);

/** The folders of the runtime packages the worker imports (Pyodide, ast-grep, tree-sitter grammars). */
export function runtimeReadPaths(): string[] {
  const pyodide = dirname(require.resolve('pyodide/package.json'));
  const modules = dirname(pyodide);
  const grammars = readdirSync(modules)
    .filter((n) => n.startsWith('tree-sitter-'))
    .map((n) => join(modules, n));
  const scoped = existsSync(join(modules, '@tree-sitter-grammars')) ? [join(modules, '@tree-sitter-grammars')] : [];
  const ast = dirname(require.resolve('@ast-grep/wasm/wasm_bg.wasm'));
  const others = ['web-tree-sitter', 'fastest-levenshtein'].map((n) => join(modules, n)).filter(existsSync);
  // zoneinfo's tzdata wheel, which the grader process reads from public/data/ (node-tzdata.ts).
  const tzdata = tzdataWheelIfAny();
  return [pyodide, ast, ...others, ...grammars, ...scoped, ...tzdata];
}

function tzdataWheelIfAny(): string[] {
  try {
    return [findTzdataWheel()];
  } catch {
    return [];
  }
}

/** A PythonWorkerHandle for a contained child process. */
export function spawnContainedWorker(options: ContainedWorkerOptions): PythonWorkerHandle {
  const scratch = mkdtempSync(join(tmpdir(), 'gp-grader-'));
  const workerDir = dirname(options.workerPath);
  // The nearest package.json says the worker's .js files are ES modules.
  const pkg = [join(workerDir, 'package.json'), join(dirname(workerDir), 'package.json')].filter(existsSync);
  const reads = [workerDir, ...pkg, scratch, ...runtimeReadPaths(), ...(options.readPaths ?? [])];
  const child = spawn(
    process.execPath,
    [
      '--experimental-permission',
      ...reads.map((p) => `--allow-fs-read=${p}`),
      `--allow-fs-write=${scratch}`,
      '--disallow-code-generation-from-strings',
      '--no-warnings',
      options.workerPath,
    ],
    { cwd: scratch, env: {}, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString('utf8');
  });
  const cleanup = () => rmSync(scratch, { recursive: true, force: true });
  child.once('exit', cleanup);
  // An idle worker must not keep the CLI alive; a run in progress holds a timer, which does.
  child.unref();
  child.channel?.unref();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  const handlers: ((m: FromPythonWorker) => void)[] = [];
  child.on('message', (m: unknown) => {
    if (isPackageRequest(m)) {
      options.relay(m.url).then(
        (bytes) => child.connected && child.send({ type: 'package', id: m.id, bytes } satisfies PackageReply),
        (e: unknown) => child.connected && child.send({ type: 'package', id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies PackageReply),
      );
      return;
    }
    for (const h of handlers) h(m as FromPythonWorker);
  });
  return {
    post: (m) => {
      if (child.connected) child.send(m);
    },
    onMessage: (h) => void handlers.push(h),
    onExit: (h) => {
      child.once('exit', (code, signal) => h(stderr.trim().split('\n').slice(-3).join(' ') || `exit ${signal ?? `code ${code}`}`));
    },
    terminate: () => void child.kill('SIGKILL'),
  };
}

interface LockFile {
  packages: Record<string, { file_name: string; sha256: string }>;
}

/**
 * The package relay: answers a URL under `baseUrl` whose file name the lock file lists, from `cacheDir` or
 * downloaded (http/https) or read (a local folder), and only if its sha256 matches the lock file's.
 */
export function createPackageRelay(options: { lockFilePath: string; baseUrl: string; cacheDir: string; fetcher?: typeof fetch }) {
  const lock = JSON.parse(readFileSync(options.lockFilePath, 'utf8')) as LockFile;
  const files = new Map(Object.values(lock.packages).map((p) => [p.file_name, p.sha256.toLowerCase()]));
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : options.baseUrl + '/';
  const remote = /^https?:\/\//i.test(base);
  const fetcher = options.fetcher ?? fetch;
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  return async (url: string): Promise<Uint8Array> => {
    const local = remote ? url : url.replace(/^file:\/\//, '');
    if (!local.startsWith(base)) throw new Error(`refused: ${url} is not under the package index ${base}`);
    const name = local.slice(base.length);
    const expected = files.get(name);
    if (expected === undefined || name.includes('/') || name.includes('\\')) throw new Error(`refused: ${name} is not a file of the package index's lock file`);
    const cached = join(options.cacheDir, name);
    if (existsSync(cached)) {
      const bytes = new Uint8Array(readFileSync(cached));
      if (sha(bytes) === expected) return bytes;
    }
    let bytes: Uint8Array;
    if (remote) {
      const res = await fetcher(base + encodeURIComponent(name), { credentials: 'omit', redirect: 'follow' });
      if (!res.ok) throw new Error(`the package index answered HTTP ${res.status} for ${name}`);
      bytes = new Uint8Array(await res.arrayBuffer());
    } else {
      bytes = new Uint8Array(readFileSync(join(resolve(base), name)));
    }
    if (sha(bytes) !== expected) throw new Error(`refused: ${name} does not match the lock file's sha256`);
    mkdirSync(options.cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.part`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, cached);
    return bytes;
  };
}
