/**
 * Heap of the page while the dataset view grades rows that all fail with a 1 MB message (issue 12), in headless
 * Chromium on the built app: a python grader raises `ValueError("x" * 1_000_000)` on every row. The page's JS heap
 * (CDP `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`) is read before the file is loaded, every
 * --every rows while the run goes on (its peak without a forced GC, too), and after the run; the run must end
 * "done" with every row's result kept. Goal: 100,000 rows complete, results kept, heap under 1 GB.
 * Run: npm run build && npx tsx bench/dataset-heap.ts [--rows 100000] [--every 10000] [--port 4414] [--dist dist]
 * (`--dist` serves another build folder, e.g. one made with `npx vite build --outDir /tmp/x` for a long run).
 */
import { loadavg } from 'node:os';
import { launch, serve } from './browser.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 100_000);
const EVERY = arg('--every', Math.max(1000, Math.round(ROWS / 10)));
const grader = { type: 'python', name: 'raises', source: 'def grade(sample, item):\n    raise ValueError("x" * 1_000_000)\n' };
const rows = Buffer.from(Array.from({ length: ROWS }, (_, i) => JSON.stringify({ item: { id: i }, sample: { output_text: `answer ${i}` } })).join('\n'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

const distAt = process.argv.indexOf('--dist');
const server = await serve(arg('--port', 4414), distAt >= 0 ? process.argv[distAt + 1] : 'dist');
const browser = await launch();
try {
  console.log(`${ROWS} rows, each failing with a 1 MB message; load before ${load()}`);
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const heap = async (gc: boolean) => {
    if (gc) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  await page.evaluate((g) => (window as unknown as { __playground: { setDoc(d: string, t: string): void } }).__playground.setDoc('grader', g), JSON.stringify(grader));
  await page.getByTestId('mode-dataset').click();
  const before = await heap(true);
  await page.getByTestId('dataset-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'text/plain', buffer: rows }, { timeout: 120_000 });
  const loaded = await heap(true);
  console.log(`heap: before the file ${mb(before)}, with the file loaded ${mb(loaded)}`);
  const t0 = Date.now();
  await page.getByTestId('dataset-run').click();
  let peak = 0;
  let next = EVERY;
  for (;;) {
    const status = await page.getAttribute('[data-testid="dataset-status"]', 'data-status');
    const done = Number((await page.locator('[data-testid="dataset-progress"] progress').getAttribute('value').catch(() => '0')) ?? 0);
    peak = Math.max(peak, await heap(false));
    if (done >= next) {
      console.log(`  ${done} rows after ${((Date.now() - t0) / 1000).toFixed(0)} s: heap ${mb(await heap(true))}, peak so far ${mb(peak)}`);
      next += EVERY;
    }
    if (status !== 'running') break;
    await page.waitForTimeout(500);
  }
  const status = await page.getAttribute('[data-testid="dataset-status"]', 'data-status');
  await page.waitForSelector('[data-testid="readiness-report"]', { timeout: 120_000 }).catch(() => undefined);
  const after = await heap(true);
  const count = Number(await page.getByTestId('results-table').getAttribute('data-count'));
  const errors = await page.getByTestId('dataset-flag-filter').locator('option', { hasText: 'python_grader_runtime_error' }).textContent();
  const wall = (Date.now() - t0) / 1000;
  console.log(
    `status ${status} after ${wall.toFixed(0)} s; ${count} results kept (${errors?.trim()}); heap after the run ${mb(after)} ` +
      `(+${mb(after - loaded)} for the results, ${Math.round((after - loaded) / Math.max(1, count))} bytes per row), peak seen ${mb(peak)}; ` +
      `goal: done, ${ROWS} results, heap < 1 GB: ${status === 'done' && count === ROWS && peak < 1e9 ? 'met' : 'NOT met'}; load ${load()}`,
  );
} finally {
  await browser.close();
  server.stop();
}
