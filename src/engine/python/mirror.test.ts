/**
 * On-demand packages, for real but offline: the test builds two tiny pure-Python wheels, writes a package
 * mirror (the wheels + a pyodide-lock.json with their entries) and serves it on 127.0.0.1. The in-thread
 * runtime (runtime.ts, what a browser worker uses) on a Pyodide configured with that mirror must load a
 * package and its dependency when a grader imports it, and explain a package the mirror lacks.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { crc32 } from 'node:zlib';
import { loadPyodide } from 'pyodide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPyodidePythonRuntime, type PyodidePythonRuntime } from './runtime.ts';

/** A zip archive with stored (uncompressed) entries: all a wheel needs. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function wheel(dist: string, version: string, module: string, code: string, requires: string[] = []): { fileName: string; bytes: Buffer } {
  const info = `${dist.replace(/-/g, '_')}-${version}.dist-info`;
  const files: Record<string, string> = {
    [`${module}/__init__.py`]: code,
    [`${info}/METADATA`]: `Metadata-Version: 2.1\nName: ${dist}\nVersion: ${version}\n${requires.map((r) => `Requires-Dist: ${r}\n`).join('')}`,
    [`${info}/WHEEL`]: 'Wheel-Version: 1.0\nGenerator: grader-playground-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
  };
  files[`${info}/RECORD`] = [...Object.keys(files), `${info}/RECORD`].map((f) => `${f},,`).join('\n') + '\n';
  return { fileName: `${dist.replace(/-/g, '_')}-${version}-py3-none-any.whl`, bytes: zip(files) };
}

const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + sep;
let root: string;
let server: Server;
let baseUrl: string;
const requests: string[] = [];
let runtime: PyodidePythonRuntime;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gp-mirror-'));
  const mirror = join(root, 'mirror');
  mkdirSync(mirror);
  const lock = JSON.parse(readFileSync(join(pyodideDir, 'pyodide-lock.json'), 'utf8'));
  const wheels = [
    { name: 'gp-tiny-dep', ...wheel('gp-tiny-dep', '0.1.0', 'gp_tiny_dep', 'FACTOR = 2\n'), imports: ['gp_tiny_dep'], depends: [] as string[] },
    {
      name: 'gp-tiny',
      ...wheel('gp-tiny', '1.0.0', 'gp_tiny', 'from gp_tiny_dep import FACTOR\n\ndef double(x):\n    return FACTOR * x\n', ['gp-tiny-dep']),
      imports: ['gp_tiny'],
      depends: ['gp-tiny-dep'],
    },
  ];
  for (const w of wheels) {
    writeFileSync(join(mirror, w.fileName), w.bytes);
    lock.packages[w.name] = {
      name: w.name,
      version: w.fileName.split('-')[1],
      file_name: w.fileName,
      install_dir: 'site',
      sha256: createHash('sha256').update(w.bytes).digest('hex'),
      package_type: 'package',
      imports: w.imports,
      depends: w.depends,
      unvendored_tests: false,
    };
  }
  writeFileSync(join(mirror, 'pyodide-lock.json'), JSON.stringify(lock));
  server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    requests.push(name);
    try {
      const body = readFileSync(join(mirror, name.replace(/[\\/]/g, '')));
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}/`;
  const pyodide = loadPyodide({
    indexURL: pyodideDir,
    // In Node the lock file is read from disk; the wheels come over HTTP from the mirror.
    lockFileURL: join(mirror, 'pyodide-lock.json'),
    packageBaseUrl: baseUrl,
    packageCacheDir: join(root, 'cache'),
    stdout: () => undefined,
    stderr: () => undefined,
  });
  runtime = createPyodidePythonRuntime(() => pyodide, { packageSource: baseUrl });
  await runtime.prepare();
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (root) rmSync(root, { recursive: true, force: true });
});

const source = 'import gp_tiny\n\ndef grade(sample, item):\n    return gp_tiny.double(sample["x"])\n';

describe('packages from a mirror', () => {
  it('loads a package and its dependency from the mirror when a grader imports it', async () => {
    const r = await runtime.run({ source, sampleJson: '{"x": 0.25}', itemJson: '{}' });
    expect(r).toMatchObject({ status: 'ok', value: 0.5 });
    expect(r.packagesLoaded).toEqual(['gp-tiny']);
    expect(requests).toContain('gp_tiny-1.0.0-py3-none-any.whl');
    expect(requests).toContain('gp_tiny_dep-0.1.0-py3-none-any.whl');
  });

  it('does not fetch it again for the next run', async () => {
    const before = requests.length;
    const r = await runtime.run({ source, sampleJson: '{"x": 2}', itemJson: '{}' });
    expect(r).toMatchObject({ status: 'ok', value: 4 });
    expect(r.packagesLoaded).toBeUndefined();
    expect(requests.length).toBe(before);
  });

  it('a package the lock knows but the mirror lacks: a clear message naming it, and the code does not run', async () => {
    const r = await runtime.run({
      source: 'import mpmath\n\ndef grade(sample, item):\n    print("ran")\n    return 1.0\n',
      sampleJson: '{}',
      itemJson: '{}',
    });
    expect(r).toMatchObject({ status: 'server_error', errorType: 'package_unavailable', module: 'mpmath' });
    expect(r.details).toContain('Could not load mpmath (for `import mpmath`)');
    expect(r.details).toContain(baseUrl);
    expect(r.details).toContain('Your code did not run.');
    expect(r.details).not.toContain('Traceback');
    expect(r.stdout).toBeUndefined();
    expect(requests).toContain('mpmath-1.4.1-py3-none-any.whl');
  });

  it('the interpreter still works after a failed load', async () => {
    expect(await runtime.run({ source, sampleJson: '{"x": 1}', itemJson: '{}' })).toMatchObject({ status: 'ok', value: 2 });
  });
});
