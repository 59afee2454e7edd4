/**
 * Re-checking a workspace's tests after a grader edit (issue #18): a workspace with 50 test cases and a
 * string_check (or text_similarity) grader is opened from a share link; then the grader is edited 20 times and
 * each time we measure, in the page, from the edit to the Tests panel showing the new verdicts (its
 * `data-checks` counter moves). Median and p90 per grader. Target: median under 100 ms.
 * Run: npx vite build && npx tsx bench/tests-recheck.ts [--port P] [--dist dist] [--edits N]
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { encodeShare } from '../src/share/codec.ts';
import type { TestCase } from '../src/engine/tests/types.ts';
import { launch, median, quantile } from './browser.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const port = Number(arg('--port', process.env.BENCH_PORT ?? '4452'));
const dist = arg('--dist', 'dist');
const EDITS = Number(arg('--edits', '20'));

const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', dist], { stdio: 'ignore', detached: true });
const url = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 100));
}

const cases: TestCase[] = Array.from({ length: 50 }, (_, i) => ({
  name: `case ${i}`,
  sample: JSON.stringify({ output_text: i % 2 ? 'Paris is the capital' : `Lyon ${i}` }),
  item: JSON.stringify({ city: 'Paris', id: i }),
  expect: i % 2 ? { kind: 'range', min: 0.3 } : { kind: 'range', max: 0.3 },
}));
const graders: [string, Record<string, unknown>][] = [
  ['string_check', { type: 'string_check', name: 'g', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'ilike' }],
  ['text_similarity rouge_l', { type: 'text_similarity', name: 'g', input: '{{ sample.output_text }}', reference: '{{ item.city }}', evaluation_metric: 'rouge_l', pass_threshold: 0.1 }],
];

const browser = await launch();
try {
  console.log(`load before ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const [label, grader] of graders) {
    const enc = await encodeShare({ grader: JSON.stringify(grader), sample: '{"output_text": "Paris"}', item: '{"city": "Paris"}', tests: cases });
    if (!enc.ok) throw new Error(enc.error.message);
    const page = await browser.newPage();
    await page.goto(`${url}#${enc.fragment}`);
    try {
      await page.waitForSelector('[data-testid="tests-summary"][data-passed="50"]', { state: 'attached', timeout: 90_000 });
    } catch (e) {
      console.log('tests summary:', await page.getByTestId('tests-summary').textContent().catch(() => 'missing'));
      throw e;
    }
    const times: number[] = [];
    for (let e = 0; e < EDITS; e++) {
      const text = JSON.stringify({ ...grader, name: `edit ${e}` });
      const ms = await page.evaluate(
        `new Promise((resolve) => {
          const el = document.querySelector('[data-testid="tests-summary"]');
          const before = el.getAttribute('data-checks');
          const t0 = performance.now();
          const obs = new MutationObserver(() => {
            if (el.getAttribute('data-checks') !== before && el.getAttribute('data-passed') === '50') { obs.disconnect(); resolve(performance.now() - t0); }
          });
          obs.observe(el, { attributes: true });
          window.__playground.setDoc('grader', ${JSON.stringify(text)});
        })`,
      );
      times.push(ms as number);
      await page.waitForTimeout(50);
    }
    console.log(`${label}: 50 tests re-checked after an edit: median ${median(times).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms (target < 100 ms median; ${EDITS} edits)`);
    await page.close();
  }
  console.log(`load after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  await browser.close();
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // gone
  }
}
