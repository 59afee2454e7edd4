import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPackageRelay } from './node-process.ts';

const wheel = new TextEncoder().encode('a real wheel');
const sha = createHash('sha256').update(wheel).digest('hex');
const BASE = 'https://index.example/pyodide/v1/full/';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gp-relay-'));
  const lockFilePath = join(dir, 'pyodide-lock.json');
  writeFileSync(lockFilePath, JSON.stringify({ packages: { demo: { name: 'demo', file_name: 'demo-1.0-py3-none-any.whl', sha256: sha, imports: ['demo'] } } }));
  const requests: string[] = [];
  const fetcher = (async (url: string) => {
    requests.push(String(url));
    return new Response(url.endsWith('demo-1.0-py3-none-any.whl') ? wheel : new TextEncoder().encode('tampered'));
  }) as typeof fetch;
  const cacheDir = join(dir, 'cache');
  return { relay: createPackageRelay({ lockFilePath, baseUrl: BASE, cacheDir, fetcher }), requests, cacheDir };
}

describe('the CLI package relay', () => {
  it('fetches a file the lock file lists, checks its sha256, and caches it', async () => {
    const { relay, requests, cacheDir } = setup();
    expect(await relay(BASE + 'demo-1.0-py3-none-any.whl')).toEqual(wheel);
    expect(await relay(BASE + 'demo-1.0-py3-none-any.whl')).toEqual(wheel);
    expect(requests).toEqual([BASE + 'demo-1.0-py3-none-any.whl']);
    expect(readdirSync(cacheDir)).toEqual(['demo-1.0-py3-none-any.whl']);
  });

  it('refuses made-up names, other hosts and paths outside the index, and caches nothing', async () => {
    const { relay, requests, cacheDir } = setup();
    for (const url of [
      BASE + 'made-up-1.0.whl',
      BASE + '../secret/demo-1.0-py3-none-any.whl',
      BASE + 'sub/demo-1.0-py3-none-any.whl',
      'http://127.0.0.1:9/demo-1.0-py3-none-any.whl',
      'https://index.example.evil/pyodide/v1/full/demo-1.0-py3-none-any.whl',
    ])
      await expect(relay(url), url).rejects.toThrow(/refused/);
    expect(requests).toEqual([]);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('refuses a download whose sha256 differs from the lock file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-relay-'));
    const lockFilePath = join(dir, 'lock.json');
    writeFileSync(lockFilePath, JSON.stringify({ packages: { demo: { name: 'demo', file_name: 'demo.whl', sha256: sha } } }));
    const relay = createPackageRelay({ lockFilePath, baseUrl: BASE, cacheDir: join(dir, 'c'), fetcher: (async () => new Response('tampered')) as typeof fetch });
    await expect(relay(BASE + 'demo.whl')).rejects.toThrow(/sha256/);
    expect(existsSync(join(dir, 'c', 'demo.whl'))).toBe(false);
  });
});
