/**
 * The cross-engine suite: the core checks (checks.ts) in Firefox (Debian's firefox-esr, WebDriver BiDi) and
 * WebKit (Debian's WebKitGTK through WebKitWebDriver under a private Xvfb), and in Chromium when asked, against
 * the production build (dist/, or E2E_DIST) served by `vite preview` on a free port. Part of `npm test`.
 *
 *   npx tsx e2e/engines/run.ts                       # firefox and webkit
 *   ENGINES=chromium,firefox,webkit npx tsx e2e/engines/run.ts
 *   ENGINES=webkit CHECKS=ast_grep,dataset npx tsx e2e/engines/run.ts   # only the checks named so
 *
 * Exit status 1 when any check fails. Each engine gets its own server (the offline check stops it) and a fresh
 * browser profile; a failed check is reported and the next one starts from a fresh page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { witnessServer } from '../witness.ts';
import type { Browser } from './browser.ts';
import { checks } from './checks.ts';
import { openApp } from './page.ts';
import { launchChromium, launchFirefox } from './puppeteer.ts';
import { launchWebKit } from './webkit.ts';

const launchers: Record<string, () => Promise<Browser>> = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit };
const engines = (process.env.ENGINES ?? 'firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);
const outDir = process.env.E2E_DIST ?? 'dist';
// CHECKS=ast,dataset runs only the checks whose names contain one of these words (all by default).
const only = (process.env.CHECKS ?? '').split(',').map((c) => c.trim()).filter(Boolean);
const chosen = only.length ? checks.filter((c) => only.some((w) => c.name.includes(w))) : checks;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** `vite preview` of the build, as `npm start` serves it (the same CORS headers). */
async function startApp(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', outDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`vite preview did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped || proc.exitCode !== null) return;
      stopped = true;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill();
      await exited;
    },
  };
}

async function runEngine(engine: string): Promise<string[]> {
  const launch = launchers[engine];
  if (!launch) throw new Error(`unknown engine ${engine} (known: ${Object.keys(launchers).join(', ')})`);
  const failures: string[] = [];
  const app = await startApp();
  const witness = await witnessServer();
  const started = Date.now();
  let b: Browser | null = null;
  try {
    b = await launch();
    console.log(`${b.name}`);
    // A check expects the page the one before left; the first of a chosen few gets the app freshly opened.
    let fresh = chosen[0] !== checks[0];
    for (const check of chosen) {
      const t0 = Date.now();
      try {
        // After a failure, start from the app's first result on a fresh page (settings and documents are kept).
        if (fresh) await openApp(b, app.url);
        fresh = false;
        await check.run({ b, app: app.url, witness, stopApp: app.stop });
        console.log(`  ✓ ${check.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        fresh = true;
        failures.push(`${b.name}: ${check.name}: ${e instanceof Error ? e.message : String(e)}`);
        console.log(`  ✗ ${check.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n    ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    console.log(`  ${engine}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    failures.push(`${engine}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    console.log(`  ✗ ${engine} did not start: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await b?.close().catch(() => undefined);
    await witness.close();
    await app.stop();
  }
  return failures;
}

const failures: string[] = [];
for (const engine of engines) failures.push(...(await runEngine(engine)));
if (failures.length) {
  console.log(`\n${failures.length} check(s) failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nall ${chosen.length} checks passed in ${engines.join(', ')}`);
process.exit(0);
