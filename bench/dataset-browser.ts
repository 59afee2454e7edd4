/**
 * Dataset figures in headless Chromium (issue: datasets): grading 10,000 rows in the dataset view with the
 * default pool (cores − 1 workers) and the longest main-thread task during each run (PerformanceObserver
 * 'longtask'). Targets: string_check ≤ 2 s, BLEU ≤ 4 s, a trivial python grader ≤ 20 s, no task over 50 ms.
 * Run: npm run build && npx tsx bench/dataset-browser.ts
 */
import { launch, serve } from './browser.ts';
import { makePairs } from './pairs.ts';

const N = 10_000;
const pairs = makePairs({ count: N });
const rows = pairs.map(([a, b], i) => JSON.stringify({ item: { reference: b, id: i }, sample: { output_text: a } })).join('\n');

const graders: [string, unknown, string][] = [
  ['string_check', { type: 'string_check', name: 'eq', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', operation: 'ilike' }, '≤ 2 s'],
  ['bleu', { type: 'text_similarity', name: 'bleu', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'bleu' }, '≤ 4 s'],
  ['python (trivial)', { type: 'python', name: 'py', source: 'def grade(sample, item):\n    return 1.0 if sample["output_text"] else 0.0\n' }, '≤ 20 s'],
];

const server = await serve(4197);
const browser = await launch();
try {
  for (const [name, grader, target] of graders) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
    await page.evaluate((g) => (window as unknown as { __playground: { setDoc(d: string, t: string): void } }).__playground.setDoc('grader', g), JSON.stringify(grader));
    await page.getByTestId('mode-dataset').click();
    await page.getByTestId('dataset-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'text/plain', buffer: Buffer.from(rows) });
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.getByTestId('dataset-run').click();
    await page.waitForSelector('[data-testid="dataset-status"][data-status="done"]', { timeout: 300_000 });
    const wall = (Date.now() - t0) / 1000;
    const progress = (await page.getByTestId('dataset-progress').textContent())?.trim();
    // Let the report render, then read the long tasks of the whole run.
    await page.waitForSelector('[data-testid="readiness-report"]');
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    const workers = await page.locator('label', { hasText: 'workers' }).locator('input').inputValue();
    console.log(
      `${name.padEnd(17)} ${N} rows: ${wall.toFixed(2)} s wall (${progress}) with ${workers} worker(s); main-thread tasks over 50 ms: ${long.length}${long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''}  [target ${target}, none over 50 ms]`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
