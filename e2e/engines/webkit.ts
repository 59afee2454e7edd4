/**
 * WebKit (the engine of Safari) through Debian's WebKitGTK: WebKitWebDriver drives its MiniBrowser, which needs
 * an X display, so a private Xvfb is started first (-displayfd picks a free display number).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { call, type Browser } from './browser.ts';
import { WebDriverSession } from './webdriver.ts';

const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function startXvfb(): Promise<{ proc: ChildProcess; display: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve({ proc, display: `:${out.trim()}` });
    });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
}

async function waitForDriver(base: string, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited (${proc.exitCode})`);
    try {
      if ((await fetch(`${base}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

export const webkitAvailable = () => existsSync(MINIBROWSER);

export async function launchWebKit(): Promise<Browser> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: xvfb.display } });
  const stop = () => {
    driver.kill();
    xvfb.proc.kill();
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base, driver);
    const session = await WebDriverSession.start(base, {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    });
    await session.setTimeouts({ script: 120_000, pageLoad: 60_000 });
    const version = String(session.capabilities.browserVersion ?? '');
    return {
      name: `webkit ${version}`,
      goto: async (url) => void (await session.navigate(url)),
      reload: async () => void (await session.refresh()),
      run: (fn, arg) => session.execute(`return ${call(fn, arg)};`),
      runInFrame: async (fn, arg) => {
        await session.switchToFrame(0);
        try {
          return await session.execute(`return ${call(fn, arg)};`);
        } finally {
          await session.switchToFrame(null);
        }
      },
      close: async () => {
        await session.quit().catch(() => undefined);
        stop();
      },
    };
  } catch (e) {
    stop();
    throw e;
  }
}
