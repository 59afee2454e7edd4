/**
 * A Chromium performance trace while the app shows a 20 MB exception message (the first case of
 * long-text-browser.ts): prints each main-thread task over 50 ms with the events inside it that took the most
 * time (GC, function calls, layout), to find what work the huge text causes on the page's main thread.
 * Run: npm run build && npx tsx bench/trace-long-text.ts [--port 4416] [--dist dist] [--case exception|stdout] [--out trace.json]
 */
import { writeFileSync } from 'node:fs';
import { launch, serve } from './browser.ts';

const opt = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
type Setter = { __playground: { setDoc(d: string, t: string): void } };
const py = (source: string) => JSON.stringify({ type: 'python', name: 'p', source });
const CASES: Record<string, [string, string]> = {
  exception: [py('def grade(sample, item):\n    raise ValueError("x" * 20_000_000 + "END")\n'), 'error-details-more'],
  stdout: [py('def grade(sample, item):\n    print("y" * 20_000_000)\n    return 0.25\n'), 'python-stdout-more'],
};
const [grader, testid] = CASES[opt('--case', 'exception')]!;

const server = await serve(Number(opt('--port', '4416')), opt('--dist', 'dist'));
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="run-state"][data-state="done"]');
  await page.evaluate((g) => (window as unknown as Setter).__playground.setDoc('grader', g), py('def grade(sample, item):\n    return 0.5\n'));
  await page.waitForSelector('[data-testid="reward"][data-value="0.5"]', { timeout: 120_000 });
  await page.waitForTimeout(500);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] });
  await page.evaluate((g) => (window as unknown as Setter).__playground.setDoc('grader', g), grader);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`) !== null, testid, { timeout: 180_000, polling: 500 });
  await page.waitForTimeout(1000);
  const buf = await browser.stopTracing();
  const out = opt('--out', '');
  if (out) writeFileSync(out, buf);
  type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> };
  const events = (JSON.parse(buf.toString()) as { traceEvents: Ev[] }).traceEvents;
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String((e.args as { name: string }).name));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 50_000);
  for (const t of tasks) {
    const thread = threadNames.get(`${t.pid}:${t.tid}`) ?? '?';
    const inside = events
      .filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && (e.dur ?? 0) > 5_000)
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 12)
      .map((e) => {
        const d = (e.args?.data ?? e.args) as Record<string, unknown> | undefined;
        const where = d && typeof d === 'object' ? [d.functionName, d.url, d.lineNumber, d.type, d.usedHeapSizeBefore].filter((x) => x !== undefined && x !== '').join(' ') : '';
        return `    ${e.name} ${(e.dur! / 1000).toFixed(1)} ms ${where}`.slice(0, 200);
      });
    console.log(`task ${(t.dur! / 1000).toFixed(1)} ms on ${thread} (pid ${t.pid})\n${inside.join('\n')}`);
  }
  if (tasks.length === 0) console.log('no task over 50 ms');
  // Self time per function inside the long main-thread tasks, from the CPU profiler's samples.
  const main = tasks.filter((t) => threadNames.get(`${t.pid}:${t.tid}`) === 'CrRendererMain');
  // Profiles are per thread: nodes and timestamps are kept per profile id, samples counted on main-thread tasks.
  type Chunk = { cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber: number } }[]; samples?: number[] }; timeDeltas?: number[] };
  const profiles = new Map<string, { tid: number; pid: number; ts: number; nodes: Map<number, { name: string; parent?: number }> }>();
  const self = new Map<string, number>();
  for (const e of events as (Ev & { id?: string })[]) {
    if (e.name === 'Profile') profiles.set(String(e.id), { tid: e.tid, pid: e.pid, ts: Number((e.args as { data: { startTime: number } }).data.startTime), nodes: new Map() });
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(String(e.id));
    if (!p) continue;
    const c = (e.args as { data: Chunk }).data;
    for (const n of c.cpuProfile?.nodes ?? []) p.nodes.set(n.id, { name: `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()?.slice(0, 40)}:${n.callFrame.lineNumber + 1}`, parent: n.parent });
    const samples = c.cpuProfile?.samples ?? [];
    const deltas = c.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.ts += deltas[i] ?? 0;
      if (!main.some((t) => t.pid === p.pid && t.tid === p.tid && p.ts >= t.ts && p.ts <= t.ts + t.dur!)) continue;
      let id: number | undefined = samples[i]!;
      const stack: string[] = [];
      while (id !== undefined && stack.length < 8) {
        const n = p.nodes.get(id);
        if (!n) break;
        stack.push(n.name);
        id = n.parent;
      }
      const key = stack.join(' < ');
      self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
    }
  }
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(us / 1000).toFixed(1)} ms  ${k.slice(0, 400)}`);
} finally {
  await browser.close();
  server.stop();
}
