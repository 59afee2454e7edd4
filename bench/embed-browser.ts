/**
 * Embed figures (issue 20): the embed page's JavaScript (gzipped) and the navigation to its first score.
 *  1. JS the embed page loads itself (its entry, preloads and any chunk it imports before the first score;
 *     the grader worker's file is fetched by the sandbox relay and is the app's own, not counted)  [target < 100 KB]
 *  2. embed.html#<link> to the first score on screen, cold context, headless Chromium  [target < 1 s]
 * Run: npx vite build && npx tsx bench/embed-browser.ts [--port P] [--runs N] [--dist dir]
 * Prints the load average beside the figures, and the `gp:*` start-up marks (medians) to split the first score.
 */
import { gzipSync } from 'node:zlib';
import { encodeShare } from '../src/share/codec.ts';
import { arg, launch, loadLine, median, serve } from './browser.ts';

const grader = { type: 'string_check', name: 'exact', input: '{{ sample.output_text }}', reference: '{{ item.reference_answer }}', operation: 'eq' };
const enc = await encodeShare({ grader: JSON.stringify(grader), sample: '{"output_text": "Paris"}', item: '{"reference_answer": "Paris"}' });
if (!enc.ok) throw new Error(enc.error.message);

const server = await serve(Number(arg('port', '4455')), arg('dist', 'dist'));
const runs = Number(arg('runs', '7'));
console.log(`load before: ${loadLine()}`);
const browser = await launch();
try {
  const times: number[] = [];
  let jsGzip = 0;
  let files: string[] = [];
  const marks = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Promise<{ url: string; gz: number }>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' && r.frame() === page.mainFrame()) bodies.push(r.body().then((b) => ({ url: r.url(), gz: gzipSync(b).length })));
    });
    // The moment the score is on screen, taken in the page (a MutationObserver, then the next frame), not when
    // Playwright's polling notices it.
    await page.addInitScript(`new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="run-state"][data-state="done"]')) {
        obs.disconnect();
        requestAnimationFrame(() => (window.__shown = performance.now()));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] })`);
    await page.goto(`${server.url}embed.html#${enc.fragment}`);
    await page.waitForFunction('window.__shown !== undefined', undefined, { timeout: 30_000 });
    times.push((await page.evaluate('window.__shown')) as number);
    const seen = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('gp:')).map((m) => [m.name, m.startTime] as [string, number]));
    for (const [name, t] of seen) marks.set(name, [...(marks.get(name) ?? []), t]);
    const got = await Promise.all(bodies);
    jsGzip = got.reduce((a, b) => a + b.gz, 0);
    files = got.map((g) => `${g.url.split('/').pop()} ${(g.gz / 1024).toFixed(1)}`);
    await context.close();
  }
  console.log(`1. embed page JS before the first score: ${(jsGzip / 1024).toFixed(1)} KB gzipped (${files.join(', ')})  [target < 100 KB]`);
  console.log(
    `2. embed.html#<link> to first score: median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} cold contexts  [target < 1000 ms]`,
  );
  console.log(`   phases (median ms after navigation): ${[...marks].map(([n, ts]) => `${n} ${median(ts).toFixed(0)}`).join(', ') || 'no gp:* marks'}`);
  console.log(`load after: ${loadLine()}`);
} finally {
  await browser.close();
  server.stop();
}
