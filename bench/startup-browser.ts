/**
 * Start-up figures of issue 16, in headless Chromium on the preview build, each in a fresh (cold) context:
 *  1. navigation to the first score on screen (goal: median ≤ 1 s), and whether the code editor (Monaco) had
 *     started loading by then (goal: never: the score comes before Monaco);
 *  2. the first python score after choosing a python grader (goal: ≤ 2 s), chosen at two moments:
 *     (a) as soon as the first score shows (Python cannot have started yet: the worst case), and
 *     (b) once the page has settled (the code editor loaded, then `--settle` seconds more).
 * Times are taken in the page (performance.now(), the frame after the DOM changed). Medians over `--runs` cold
 * contexts (default 7), with the load average before and after. `--compare <dir>` serves another build (an
 * older commit's `vite build --outDir <dir>`) and interleaves its runs with ours, so both see the same load.
 * Run: npm run build && npx tsx bench/startup-browser.ts [--runs 7] [--settle 5] [--port 4432] [--compare dir] [--no-python]
 */
import type { Browser } from '@playwright/test';
import { arg, launch, loadLine, median, serve } from './browser.ts';

const runs = Number(arg('runs', '7'));
const settleS = Number(arg('settle', '5'));
const port = Number(arg('port', '4432'));
const compare = arg('compare', '');
const python = !process.argv.includes('--no-python');
const PY_GRADER = JSON.stringify({ type: 'python', name: 'p', source: 'def grade(sample, item):\n    return 0.75\n' }, null, 2);

// In the page from its first script: the time the first result is painted, and what had loaded by then.
const OBSERVE = `(() => {
  const w = window;
  w.__startup = {};
  const seen = () => {
    const s = document.querySelector('[data-testid="run-state"]')?.getAttribute('data-state');
    if (w.__startup.firstScore === undefined && (s === 'done' || s === 'error')) {
      w.__startup.firstScore = -1;
      const ed = document.querySelector('[data-testid="editor-grader"]');
      w.__startup.monacoReady = ed?.getAttribute('data-ready') === 'true';
      w.__startup.monacoRequested = performance.getEntriesByType('resource').some((r) => /editor\\.api|\\/monaco-/.test(r.name));
      requestAnimationFrame(() => (w.__startup.firstScore = performance.now()));
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

interface ColdRun {
  firstScoreMs: number;
  monacoReady: boolean;
  monacoRequested: boolean;
  marks: Record<string, number>;
  pythonMs?: number;
}

async function coldRun(browser: Browser, url: string, choosePython: 'none' | 'at-first-score' | 'settled'): Promise<ColdRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(url);
    await page.waitForFunction(() => ((window as unknown as { __startup: { firstScore?: number } }).__startup.firstScore ?? -1) > 0, null, { timeout: 60_000, polling: 50 });
    const first = await page.evaluate(() => {
      const s = (window as unknown as { __startup: { firstScore: number; monacoReady: boolean; monacoRequested: boolean } }).__startup;
      const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('gp:')).map((m) => [m.name.slice(3), Math.round(m.startTime)]));
      return { firstScoreMs: s.firstScore, monacoReady: s.monacoReady, monacoRequested: s.monacoRequested, marks };
    });
    if (choosePython === 'none') return first;
    if (choosePython === 'settled') {
      await page.waitForSelector('[data-testid="editor-grader"][data-ready="true"]', { timeout: 60_000 });
      await page.waitForTimeout(settleS * 1000);
    }
    const pythonMs = await page.evaluate(async (g) => {
      const t0 = performance.now();
      (window as unknown as { __playground: { setDoc(d: string, t: string): void } }).__playground.setDoc('grader', g);
      for (;;) {
        await new Promise((r) => setTimeout(r, 5));
        const kind = document.querySelector('[data-testid="explain"]')?.getAttribute('data-kind');
        const reward = document.querySelector('[data-testid="reward"]')?.getAttribute('data-value');
        if (kind === 'python' && reward === '0.75') return new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - t0)));
        if (performance.now() - t0 > 120_000) return -1;
      }
    }, PY_GRADER);
    return { ...first, pythonMs };
  } finally {
    await context.close();
  }
}

const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;

const builds = [{ name: 'this build', dir: 'dist', port }, ...(compare ? [{ name: `compare (${compare})`, dir: compare, port: port + 1 }] : [])];
const servers = await Promise.all(builds.map((b) => serve(b.port, b.dir)));
const browser = await launch();
try {
  console.log(`before: ${loadLine()}`);
  const results = builds.map(() => ({ first: [] as ColdRun[], pyAtFirst: [] as number[], pySettled: [] as number[] }));
  for (let i = 0; i < runs; i++) {
    for (let b = 0; b < builds.length; b++) {
      const r = results[b]!;
      r.first.push(await coldRun(browser, servers[b]!.url, python ? 'at-first-score' : 'none'));
      if (python) {
        r.pyAtFirst.push(r.first.at(-1)!.pythonMs!);
        r.pySettled.push((await coldRun(browser, servers[b]!.url, 'settled')).pythonMs!);
      }
      // Each run as it ends: a long run under load still leaves figures if it is stopped.
      const last = r.first.at(-1)!;
      console.log(
        `run ${i + 1} ${builds[b]!.name}: first score ${last.firstScoreMs.toFixed(0)} ms (Monaco requested: ${last.monacoRequested})` +
          (python ? `, python at first score ${r.pyAtFirst.at(-1)!.toFixed(0)} ms, settled ${r.pySettled.at(-1)!.toFixed(0)} ms` : '') +
          `  (${loadLine()})`,
      );
    }
  }
  console.log(`after:  ${loadLine()}`);
  builds.forEach((b, i) => {
    const r = results[i]!;
    const first = r.first.map((x) => x.firstScoreMs);
    console.log(`\n== ${b.name}: ${runs} cold contexts`);
    console.log(`1. navigation to first score: ${ms(first)}  [goal: median ≤ 1000 ms]`);
    console.log(`   Monaco requested before the first score in ${r.first.filter((x) => x.monacoRequested).length} of ${runs} runs, loaded in ${r.first.filter((x) => x.monacoReady).length}  [goal: 0]`);
    const phases = ['main', 'mounted', 'sandbox-start', 'sandbox-document', 'sandbox-ready', 'worker-1-ready', 'first-result'];
    if (r.first[0] && Object.keys(r.first[0].marks).length) {
      console.log(`   phases (median ms after navigation): ${phases.map((p) => `${p} ${median(r.first.map((x) => x.marks[p] ?? NaN)).toFixed(0)}`).join(', ')}`);
    }
    if (python) {
      console.log(`2a. first python score, chosen as the first score shows: ${ms(r.pyAtFirst)}  [goal: ≤ 2000 ms]`);
      console.log(`2b. first python score, chosen once the page settled (editor loaded + ${settleS} s): ${ms(r.pySettled)}  [goal: ≤ 2000 ms]`);
    }
  });
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
