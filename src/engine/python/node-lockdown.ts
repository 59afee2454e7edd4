/**
 * Inside the CLI's grader process (node-process.ts starts it under Node's permission model, with an empty
 * environment and `--disallow-code-generation-from-strings`): takes away the JavaScript that a python grader
 * could reach through Pyodide's `js` module and use for the network, which Node 20's permission model does not
 * cover. What stays reachable: package downloads, relayed to the parent process, which fetches only files the
 * lock file lists. Node-only; runs before Pyodide loads and before any grader code.
 */
import { constants as fsConstants } from 'node:fs';
import { constants as osConstants } from 'node:os';

export type PackageFetcher = (url: string) => Promise<Uint8Array>;

const denied = (what: string) => () => {
  throw new Error(`${what} is not available to python graders in the CLI`);
};

export function lockDownGraderProcess(fetchPackage: PackageFetcher): void {
  const g = globalThis as Record<string, unknown>;
  // Emscripten's NODEFS reads the fs constants through process.binding, which the permission model denies.
  const constants = Object.freeze({ fs: fsConstants, os: osConstants });
  const proc = process as unknown as Record<string, unknown>;
  proc.binding = (name: string) => {
    if (name === 'constants') return constants;
    throw new Error('process.binding is not available to python graders in the CLI');
  };
  // Built-in modules (net, http, child_process) without an import() expression, which cannot be written here.
  for (const key of ['getBuiltinModule', '_linkedBinding', 'dlopen', 'kill', 'openStdin', 'setuid', 'setgid', 'chdir'])
    if (key in proc) proc[key] = denied(`process.${key}`);
  for (const key of ['WebSocket', 'EventSource', 'XMLHttpRequest', 'WebTransport']) delete g[key];
  // Pyodide downloads wheels with the global fetch: keep that one use, through the parent.
  g.fetch = async (input: unknown) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as { url?: unknown })?.url;
    if (typeof url !== 'string') throw new TypeError('fetch: a URL string is required');
    const bytes = await fetchPackage(url);
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200 });
  };
}
