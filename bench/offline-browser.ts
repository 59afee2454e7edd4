/**
 * Offline figures in headless Chromium (issue: the app works offline after a first visit):
 *  1. the precache (entries and bytes, from dist/sw.js) and the time from navigation until the service worker
 *     is active (its install downloads the precache);
 *  2. first python score on a first visit (Pyodide fetched by the app for the sandbox: asset-server.ts), and the
 *     first ast_grep check (python grammar fetched);
 *  3. reload online with a python grader saved: navigation to its score (files from the service worker's cache);
 *  4. the same reload offline, then the first ast_grep check (grammar from the cache).
 * Each round is a fresh browser context. Run: npm run build && npx tsx bench/offline-browser.ts [--rounds N]
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launch, median, serve } from './browser.ts';

type Hook = { __playground: { setDoc(d: string, t: string): void } };
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 3;

const python = (r: number) => JSON.stringify({ type: 'python', name: 'p', source: `def grade(sample, item):\n    return ${r}\n` });
const astGrep = JSON.stringify({ type: 'ast_grep', name: 'a', checks: [{ lang: 'python', rule: 'print($$$A)' }] });
const sample = JSON.stringify({ output_text: 'Here:\n```python\nprint("Paris")\n```' });

/** Milliseconds from setting the grader until a finished result of `kind` with reward `reward` is on screen. */
function timeTo(page: Page, grader: string, kind: string, reward: string): Promise<number> {
  return page.evaluate(
    async ([g, k, r]) => {
      const t0 = performance.now();
      (window as unknown as Hook).__playground.setDoc('grader', g!);
      for (;;) {
        await new Promise((res) => setTimeout(res, 5));
        const explain = document.querySelector('[data-testid="explain"]')?.getAttribute('data-kind');
        const state = document.querySelector('[data-testid="run-state"]')?.getAttribute('data-state');
        const value = document.querySelector('[data-testid="reward"]')?.getAttribute('data-value');
        if (explain === k && state === 'done' && value === r) return performance.now() - t0;
        if (performance.now() - t0 > 120_000) throw new Error(`no ${k} result with reward ${r}`);
      }
    },
    [grader, kind, reward],
  );
}

/** Navigation start to the first finished result (of a python grader when `python` is set). */
async function firstScore(page: Page, pythonOnly = true): Promise<number> {
  const selector = pythonOnly ? '[data-testid="explain"][data-kind="python"]' : '[data-testid="run-state"][data-state="done"]';
  await page.waitForSelector(selector, { timeout: 120_000 });
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]', { timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

const manifest = [...readFileSync('dist/sw.js', 'utf8').matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
const bytes = manifest.reduce((n, f) => n + readFileSync(`dist/${f}`).length, 0);
console.log(`1. precache: ${manifest.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);

const server = await serve(4195);
const browser = await launch();
const figures: Record<string, number[]> = {};
const note = (k: string, v: number) => (figures[k] ??= []).push(v);
try {
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    note('first visit: navigation to the first score (string_check)', await firstScore(page, false));
    note('first visit: service worker active after navigation', await page.evaluate(async () => (await navigator.serviceWorker.ready, performance.now())));
    await page.evaluate(() => (window as unknown as Hook).__playground.setDoc('sample', '{"output_text": "Here:\\n```python\\nprint(1)\\n```"}'));
    note('first visit: first python score', await timeTo(page, python(1), 'python', '1'));
    note('first visit: first ast_grep check (python grammar)', await timeTo(page, astGrep, 'ast_grep', '1'));

    // The workspace is saved 300 ms after an edit: the reloaded page starts with this python grader.
    await timeTo(page, python(0.5), 'python', '0.5');
    await page.waitForTimeout(1000);
    await page.reload();
    note('reload online: navigation to the first python score', await firstScore(page));

    await context.setOffline(true);
    await page.reload();
    note('reload offline: navigation to the first python score', await firstScore(page));
    await page.evaluate((s) => (window as unknown as Hook).__playground.setDoc('sample', s), sample);
    note('offline: first ast_grep check (engine init, grammar from the cache)', await timeTo(page, astGrep, 'ast_grep', '1'));
    await context.close();
  }
  for (const [name, values] of Object.entries(figures)) {
    console.log(`${name}: median ${median(values).toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')})`);
  }
} finally {
  await browser.close();
  server.stop();
}
