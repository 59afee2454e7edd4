/**
 * Starting a worker_threads Worker from a module URL, built (.js) or from source (.ts under tsx or Vitest):
 * Node 20 cannot load .ts in a worker by itself, so a source worker starts from an eval snippet that imports it
 * through tsx's tsImport.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The sibling module `name` of `base` (an import.meta.url): name.ts when running from source, else name.js. */
export function siblingModule(base: string, name: string): URL {
  const ts = new URL(`./${name}.ts`, base);
  return base.endsWith('.ts') && existsSync(ts) ? ts : new URL(`./${name}.js`, base);
}

export function startThread(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(code, { ...options, eval: true });
}
