/**
 * The built CLI contains a hostile python grader (issue 12): no environment variables, no file system outside
 * its scratch folder, no processes, no network. Each grader tries one channel several ways and prints what it
 * got; a local witness server records every connection, and files it tries to write are looked for on disk.
 * Runs the CLI as a user does (`node bin/grader-playground.js`), after building it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'gp-contain-'));
const SECRET = 'sk-witness-' + Math.random().toString(36).slice(2);
let witness: Server;
let port = 0;
const connections: string[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], { cwd: root });
  witness = createServer((socket) => {
    connections.push('connection');
    socket.on('data', (d) => connections.push(d.toString('latin1').slice(0, 200)));
    socket.on('error', () => undefined);
    socket.end();
  });
  await new Promise<void>((resolve) => witness.listen(0, '127.0.0.1', resolve));
  port = (witness.address() as { port: number }).port;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => witness.close(() => resolve())));

/** Run a python grader whose body builds `r` (a dict of attempt -> outcome) through the built CLI. */
function hostile(body: string, mayCrash = false): { outcomes: Record<string, string>; stdout: string; stderr: string } {
  const source = [
    'import json, os, sys',
    'def grade(sample, item):',
    '    r = {}',
    '    def t(k, f):',
    '        try:',
    '            r[k] = "GOT " + str(f())[:300]',
    '        except BaseException as e:',
    '            r[k] = "refused " + type(e).__name__ + ": " + str(e)[:200]',
    ...body.split('\n').map((l) => '    ' + l),
    '    print("OUTCOMES" + json.dumps(r))',
    '    return 1.0',
  ].join('\n');
  const grader = join(dir, `g${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(grader, JSON.stringify({ type: 'python', name: 'hostile', source }));
  const run = spawnSync(process.execPath, [join(root, 'bin/grader-playground.js'), 'run', '--grader', grader, '--model-sample', 'x', '--timeout', '60'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, OPENAI_API_KEY: SECRET, GP_WITNESS_SECRET: SECRET },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout);
  const stdout: string = result.explain?.details?.stdout ?? '';
  const m = /OUTCOMES(\{.*\})/.exec(stdout);
  // Emscripten's system() calls Node's spawnSync; the permission model's refusal kills that interpreter.
  if (!m && mayCrash && result.metadata.errors.python_grader_server_error_type === 'crashed')
    return { outcomes: { crashed: result.explain.details.message }, stdout: run.stdout, stderr: run.stderr };
  expect(m, `the grader ran to the end: ${run.stdout.slice(0, 2000)}`).not.toBeNull();
  return { outcomes: JSON.parse(m![1]!), stdout: run.stdout, stderr: run.stderr };
}

/** Mount the host's file system into Pyodide's, which a grader can do with Pyodide's own FS API. */
const MOUNT = [
  'import pyodide_js',
  'FS = pyodide_js.FS',
  'def mount():',
  '    FS.mkdirTree("/host")',
  '    from pyodide.ffi import to_js',
  '    FS.mount(FS.filesystems.NODEFS, to_js({"root": "/"}, dict_converter=__import__("js").Object.fromEntries), "/host")',
  '    return "mounted"',
  't("mount", mount)',
].join('\n');

describe('the CLI contains a python grader', () => {
  it('reads no environment variable', () => {
    const { outcomes, stdout } = hostile(
      [
        't("os.environ", lambda: dict(os.environ))',
        't("js.process.env", lambda: __import__("js").process.env.OPENAI_API_KEY)',
        't("js.process.env json", lambda: __import__("js").JSON.stringify(__import__("js").process.env))',
        't("getBuiltinModule", lambda: __import__("js").process.getBuiltinModule("process").env.OPENAI_API_KEY)',
      ].join('\n'),
    );
    expect(stdout).not.toContain(SECRET);
    expect(stdout).not.toContain('GP_WITNESS_SECRET');
    expect(outcomes['getBuiltinModule']).toMatch(/^refused/);
  }, 120_000);

  it('reads no file outside its scratch folder', () => {
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, SECRET);
    const { outcomes, stdout } = hostile(
      [
        MOUNT,
        't("passwd via NODEFS", lambda: open("/host/etc/passwd").read())',
        `t("secret via NODEFS", lambda: open("/host${secretFile}").read())`,
        't("fs module", lambda: __import__("js").process.getBuiltinModule("fs").readFileSync("/etc/passwd", "utf8"))',
        't("process.binding", lambda: __import__("js").process.binding("fs"))',
      ].join('\n'),
    );
    expect(stdout).not.toContain('root:x:0:0');
    expect(stdout).not.toContain(SECRET);
    // A refused read through NODEFS comes back as an error or as an empty file.
    for (const k of ['passwd via NODEFS', 'secret via NODEFS', 'fs module', 'process.binding']) expect(outcomes[k], k).toMatch(/^(refused|GOT $)/);
  }, 120_000);

  it('writes no file outside its scratch folder', () => {
    const target = join(dir, 'pwned.txt');
    const { outcomes } = hostile(
      [
        MOUNT,
        `t("write via NODEFS", lambda: open("/host${target}", "w").write("pwned"))`,
        `t("fs module", lambda: __import__("js").process.getBuiltinModule("fs").writeFileSync("${target}", "pwned"))`,
      ].join('\n'),
    );
    // A write into Pyodide's own in-memory file system may succeed; the host's disk must not change.
    expect(existsSync(target), JSON.stringify(outcomes)).toBe(false);
  }, 120_000);

  it('starts no process', () => {
    const marker = join(dir, 'spawned.txt');
    // Emscripten's system() calls Node's spawnSync, whose refusal ends that interpreter: a run of its own.
    const system = hostile(`t("os.system", lambda: os.system("touch ${marker}"))`, true).outcomes;
    expect(existsSync(marker), JSON.stringify(system)).toBe(false);
    expect(system['os.system'] ?? system['crashed']).toMatch(/^refused|restricted|ERR_ACCESS_DENIED/i);
    const { outcomes } = hostile(
      [
        `t("subprocess", lambda: __import__("subprocess").run(["touch", "${marker}"]))`,
        `t("child_process", lambda: __import__("js").process.getBuiltinModule("child_process").execSync("touch ${marker}"))`,
        `t("import() in JS", lambda: __import__("js").Function.new("return import('node:child_process')")())`,
        `t("eval in JS", lambda: __import__("js").eval("1"))`,
      ].join('\n'),
    );
    expect(existsSync(marker), JSON.stringify(outcomes)).toBe(false);
    expect(outcomes['child_process']).toMatch(/^refused/);
    expect(outcomes['import() in JS']).toMatch(/^refused/);
  }, 240_000);

  it('reaches no network: the witness server sees nothing', async () => {
    const url = `http://127.0.0.1:${port}/stolen`;
    const before = connections.length;
    const { outcomes } = hostile(
      [
        'import js, pyodide_js',
        `t("js.fetch", lambda: js.fetch("${url}"))`,
        `t("socket", lambda: __import__("socket").create_connection(("127.0.0.1", ${port}), timeout=3).send(b"GET /socket HTTP/1.0\\r\\n\\r\\n"))`,
        `t("urllib", lambda: __import__("urllib.request").request.urlopen("${url}", timeout=3).read())`,
        `t("pyodide.http.open_url", lambda: __import__("pyodide.http").http.open_url("${url}").read())`,
        `t("http module", lambda: js.process.getBuiltinModule("http").get("${url}"))`,
        `t("loadPackage(url)", lambda: pyodide_js.loadPackage("${url}/x-1.0-py3-none-any.whl"))`,
      ].join('\n'),
    );
    // Promises (fetch, loadPackage) would settle after the grader returns: give them time to try.
    await new Promise((r) => setTimeout(r, 1500));
    expect(connections.slice(before), JSON.stringify(outcomes)).toEqual([]);
    expect(outcomes['http module']).toMatch(/^refused/);
  }, 120_000);

  it('says what is and is not contained in --help', () => {
    const help = spawnSync(process.execPath, [join(root, 'bin/grader-playground.js'), '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/python graders run in a separate\s+Node\s+process/i);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/python graders run in a separate\s+Node\s+process/i);
  });
});
