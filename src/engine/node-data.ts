/**
 * NODE ONLY: a `DataRuntime` that reads the app's static data files (`public/data/<name>`) from disk, for the
 * CLI, the unit tests and the benches. Browser code must never import this file (it imports node:fs); the
 * grader worker provides its own `DataRuntime` that fetches the same files over HTTP.
 * It returns the file's bytes as stored (e.g. still gzip-compressed): unpacking is the consumer's job.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DataRuntime } from './runtime.ts';

/** `public/data/` of this checkout, resolved from this source file. Bundled callers should pass their own. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../public/data/', import.meta.url));

/** Data names are plain file names: no directories, so a name can never reach outside the data folder. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function nodeDataRuntime(dir: string = DEFAULT_DATA_DIR): DataRuntime {
  const base = dir.endsWith('/') ? dir : dir + '/';
  return {
    async load(name: string): Promise<ArrayBuffer> {
      if (!SAFE_NAME.test(name)) throw new Error(`Invalid data file name: ${JSON.stringify(name)}`);
      const buf = await readFile(base + name);
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    },
  };
}
