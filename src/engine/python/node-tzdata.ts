/**
 * NODE ONLY: reads the tzdata wheel from `public/data/` of this checkout, found by walking up from this file, so
 * the same code works from src/ (tests) and from the CLI bundle in dist-cli/.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TZDATA_WHEEL } from './platform.ts';

export function findTzdataWheel(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'public', 'data', TZDATA_WHEEL);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error(`public/data/${TZDATA_WHEEL} not found above ${from}`);
  }
}

export function readTzdataWheel(): Promise<Uint8Array> {
  return readFile(findTzdataWheel());
}
