/**
 * The diff of two graders over a 10,000-row dataset (issue #18: "runs on the worker pool and stays responsive
 * with 10,000 rows"). In the built app: load N rows in the Dataset view, paste grader A into the Versions panel,
 * compare it with the current grader B on the dataset ("Grade both"), and measure in the page from the click to
 * the diff's table: the wall time, the main thread's long tasks (PerformanceObserver 'longtask') and the longest
 * gap between animation frames while it ran, plus how many rows changed (a check that both were graded).
 * Run: npx vite build && npx tsx bench/diff-browser.ts [--port P] [--dist dist] [--rows N] [--runs N]
 */
import { arg, launch, loadLine, median, serve } from './browser.ts';

const rows = Number(arg('rows', '10000'));
const runs = Number(arg('runs', '3'));
const cities = ['Paris', 'Lyon', 'Rome', 'Oslo', 'Lima'];
const lines = Array.from({ length: rows }, (_, i) => {
  const city = cities[i % cities.length]!;
  // A mix that both graders score differently: exact, other case, a sentence around it, a wrong city.
  const answers = [city, city.toUpperCase(), `I think it is ${city}.`, cities[(i + 1) % cities.length]!];
  return JSON.stringify({ item: { city }, sample: { output_text: answers[i % answers.length] } });
}).join('\n');
const graderA = { type: 'string_check', name: 'exact', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'eq', pass_threshold: 0.5 };
const graderB = { type: 'text_similarity', name: 'fuzzy', input: '{{ sample.output_text }}', reference: '{{ item.city }}', evaluation_metric: 'fuzzy_match', pass_threshold: 0.5 };

const server = await serve(Number(arg('port', '4456')), arg('dist', 'dist'));
const browser = await launch();
console.log(`load before: ${loadLine()}`);
try {
  const wall: number[] = [];
  const longest: number[] = [];
  const gaps: number[] = [];
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="run-state"][data-state="done"]', { state: 'attached', timeout: 120_000 });
    await page.evaluate(`window.__playground.setDoc('grader', ${JSON.stringify(JSON.stringify(graderB, null, 2))})`);
    await page.getByTestId('mode-dataset').click();
    await page.getByTestId('dataset-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'text/plain', buffer: Buffer.from(lines) });
    await page.waitForFunction((n) => document.querySelector('[data-testid="dataset-name"]')?.textContent?.includes(`${n} rows`), String(rows), { timeout: 60_000 }).catch(async () => {
      throw new Error(`dataset not loaded: ${await page.getByTestId('dataset-name').textContent()}`);
    });
    await page.getByTestId('mode-playground').click();
    await page.getByTestId('versions-panel').locator('summary').click();
    await page.getByTestId('diff-paste').fill(JSON.stringify(graderA));
    await page.getByTestId('diff-use-pasted').click();
    await page.getByLabel('the dataset').check();
    const m = (await page.evaluate(`new Promise((resolve) => {
      const tasks = [];
      const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
      po.observe({ type: 'longtask' });
      let last = performance.now(), maxGap = 0, on = true;
      const frame = (t) => { maxGap = Math.max(maxGap, t - last); last = t; if (on) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
      const t0 = performance.now();
      const done = () => {
        const stats = document.querySelector('[data-testid="diff-stats"]');
        if (!stats) return false;
        on = false; po.disconnect(); obs.disconnect();
        resolve({ ms: performance.now() - t0, tasks, maxGap, rows: document.querySelector('[data-testid="diff-rows"]').textContent, changed: document.querySelector('[data-testid="diff-changed"]').textContent });
        return true;
      };
      const obs = new MutationObserver(done);
      obs.observe(document.body, { childList: true, subtree: true });
      document.querySelector('[data-testid="diff-run"]').click();
    })`)) as { ms: number; tasks: number[]; maxGap: number; rows: string; changed: string };
    if (Number(m.rows) !== rows) throw new Error(`the diff graded ${m.rows} rows, not ${rows}`);
    wall.push(m.ms);
    longest.push(Math.max(0, ...m.tasks));
    gaps.push(m.maxGap);
    console.log(
      `run ${r + 1}: ${m.rows} rows, ${m.changed} changed: ${(m.ms / 1000).toFixed(2)} s to the diff; ${m.tasks.length} long tasks (longest ${Math.max(0, ...m.tasks).toFixed(0)} ms), longest frame gap ${m.maxGap.toFixed(0)} ms  (${loadLine()})`,
    );
    await page.close();
  }
  console.log(
    `diff of two graders over ${rows} rows (${2 * rows} grades): median ${(median(wall) / 1000).toFixed(2)} s; longest main-thread task median ${median(longest).toFixed(0)} ms; longest frame gap median ${median(gaps).toFixed(0)} ms  [goal: stays responsive — no task over 50 ms]`,
  );
} finally {
  await browser.close();
  server.stop();
  console.log(`load after: ${loadLine()}`);
}
