/**
 * Times AST checks inside the sandboxed grader worker of the built app, in headless Chromium: the page hosts
 * sandbox.html in an opaque-origin iframe exactly as the app does (srcdoc built by the app's sandboxDocument), starts a grader worker in it and calls the
 * worker's Comlink API by hand (the same messages GraderHost sends):
 *  1. the first check of a language, grammar load included (a fresh worker: engine init + grammar + check),
 *     then the first check of other languages on the running engine; target ≤ 400 ms;
 *  2. a pattern check on a 300-line TypeScript file, median of warm runs: as an ast_grep grader through
 *     `run` (JSON parsing, validation, block detection, findAll), and as the AST panel's `ast` request
 *     without trees; target ≤ 15 ms median warm. Times are round trips measured in the page.
 * Build first (`npx vite build`). Usage: npx tsx bench/ast-browser.ts [--runs N] [--port P]
 */
import { loadavg } from 'node:os';
import { sandboxDocument } from '../src/worker/sandbox-document.ts';
import { launch, median, quantile, serve } from './browser.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const RUNS = arg('--runs', 40);
const PORT = arg('--port', 4196);

/** A deterministic 300-line TypeScript file with a few console.log calls among other statements. */
function typescriptFile(lines = 300): string {
  const out: string[] = [];
  let i = 0;
  while (out.length < lines - 6) {
    out.push(`export async function handler${i}(req: Request, limit: number): Promise<number> {`);
    out.push(`  const items: string[] = await load${i % 7}(req.url, { limit, offset: ${i * 10} });`);
    out.push(i % 3 === 0 ? `  console.log("handler ${i}", items.length, limit);` : `  const total = items.reduce((a, s) => a + s.length, 0);`);
    out.push(`  if (items.length > limit) { throw new Error("too many: " + items.length); }`);
    out.push(`  return items.filter((s) => s.startsWith("${String.fromCharCode(97 + (i % 26))}")).length;`);
    out.push('}');
    i++;
  }
  while (out.length < lines) out.push(`// padding ${out.length}`);
  return out.join('\n') + '\n';
}

/** The page-side driver: one sandbox frame; spawn(id) starts a worker; call(id, method, arg) is a Comlink APPLY. */
const DRIVER = `(() => {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  // The app's own frame document (sandbox-document.ts), built in Node: sandbox.html itself refuses to be framed.
  frame.srcdoc = window.__srcdoc;
  // Only our own frame's "ready": the app page has a sandbox frame of its own that says the same.
  const ready = new Promise((resolve) => addEventListener('message', (e) => e.source === frame.contentWindow && e.data && e.data.type === 'ready' && resolve()));
  document.body.appendChild(frame);
  // The sandbox asks the page for our files (src/worker/asset-server.ts): answer as the app does.
  addEventListener('message', async (e) => {
    if (e.source !== frame.contentWindow || !e.data || e.data.type !== 'asset') return;
    const res = await fetch(e.data.url, { credentials: 'omit' });
    const body = await res.arrayBuffer();
    frame.contentWindow.postMessage({ type: 'asset-reply', id: e.data.id, status: res.status, contentType: res.headers.get('content-type') || '', body }, '*', [body]);
  });
  const ports = new Map();
  let next = 1;
  const call = (worker, method, value) => new Promise((resolve, reject) => {
    const port = ports.get(worker);
    const id = String(next++);
    const t0 = performance.now();
    const onMessage = (e) => {
      if (!e.data || e.data.id !== id) return;
      port.removeEventListener('message', onMessage);
      if (e.data.type === 'HANDLER') reject(new Error(JSON.stringify(e.data.value)));
      else resolve({ ms: performance.now() - t0, value: e.data.value });
    };
    port.addEventListener('message', onMessage);
    port.start();
    port.postMessage({ id, type: 'APPLY', path: [method], argumentList: value === undefined ? [] : [{ type: 'RAW', value }] });
  });
  window.__bench = {
    async spawn(id) {
      await ready;
      const channel = new MessageChannel();
      ports.set(id, channel.port1);
      frame.contentWindow.postMessage({ type: 'spawn', id, port: channel.port2 }, '*', [channel.port2]);
      await call(id, 'ping', undefined);
    },
    call,
  };
})()`;

const SETTINGS = { compactJson: false, fuzzyScorer: 'WRatio', fuzzyDefaultProcess: true, rougeStemming: false, sqlLikeWildcards: false };

interface Timed {
  ms: number;
  value: unknown;
}

async function main() {
  const server = await serve(PORT);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    // The frame as the app builds it: srcdoc with our scripts inlined and a <base> at sandbox.html.
    const srcdoc = await sandboxDocument(new URL('sandbox.html', server.url).href);
    await page.evaluate((doc) => ((window as unknown as { __srcdoc: string }).__srcdoc = doc), srcdoc);
    // A page-side driver: one sandbox frame; spawn(id) starts a worker; call(id, method, arg) is a Comlink APPLY.
    // (A string, not a function: tsx's helpers such as __name do not exist in the page.)
    await page.evaluate(DRIVER);
    const call = (worker: number, method: string, value: unknown): Promise<Timed> =>
      page.evaluate(`window.__bench.call(${worker}, ${JSON.stringify(method)}, ${JSON.stringify(value)})`);
    const spawn = (worker: number): Promise<void> => page.evaluate(`window.__bench.spawn(${worker})`);

    const ts = typescriptFile();
    const grader = (lang: string, rule: string) => JSON.stringify({ type: 'ast_grep', name: 'b', checks: [{ lang, rule }] });
    const sample = (lang: string, code: string) => JSON.stringify({ output_text: '```' + lang + '\n' + code + '```\n' });
    const runRequest = (lang: string, code: string, rule: string) => ({ grader: grader(lang, rule), sample: sample(lang, code), item: '{}', settings: SETTINGS });
    const reward = (t: Timed) => (t.value as { result: { reward: number } }).result.reward;

    console.log(`load average before: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    // 1. First check per language, grammar load included.
    const firsts: [string, string, string][] = [
      ['typescript', ts, 'console.log($$$ARGS)'],
      ['python', 'def f(x):\n    print(x)\n', 'print($A)'],
      ['rust', 'fn main() { println!("{}", 1); }\n', 'fn main() { $$$ }'],
      ['go', 'package main\nfunc main() { fmt.Println(1) }\n', '$F($$$A)'],
    ];
    const cold: number[] = [];
    for (let round = 0; round < 3; round++) {
      const worker = 10 + round;
      await spawn(worker);
      const line: string[] = [];
      for (const [lang, code, rule] of firsts) {
        const t = await call(worker, 'run', runRequest(lang, code, rule));
        if (reward(t) !== 1) throw new Error(`first ${lang} check did not match: ${JSON.stringify(t.value).slice(0, 300)}`);
        line.push(`${lang} ${t.ms.toFixed(0)} ms`);
        if (lang === 'typescript') cold.push(t.ms);
      }
      console.log(`fresh worker ${round + 1}: first check per language (grammar load included): ${line.join(', ')}`);
    }
    console.log(`first TypeScript check on a fresh worker (engine init + grammar + check): median ${median(cold).toFixed(0)} ms (target ≤ 400 ms)`);

    // 2. Warm pattern checks on the 300-line file.
    const worker = 1;
    await spawn(worker);
    const request = runRequest('typescript', ts, 'console.log($$$ARGS)');
    const first = await call(worker, 'run', request);
    const matches = (first.value as { result: { explain: { details: { checks: { matchCount: number }[] } } } }).result.explain.details.checks[0]!.matchCount;
    for (let i = 0; i < 5; i++) await call(worker, 'run', request);
    const graded: number[] = [];
    for (let i = 0; i < RUNS; i++) graded.push((await call(worker, 'run', request)).ms);
    const astRequest = { lang: 'typescript', source: ts, query: 'console.log($$$ARGS)', tree: false };
    for (let i = 0; i < 5; i++) await call(worker, 'ast', astRequest);
    const panel: number[] = [];
    const inWorker: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await call(worker, 'ast', astRequest);
      panel.push(t.ms);
      inWorker.push((t.value as { ms: number }).ms);
    }
    const lines = ts.split('\n').length - 1;
    console.log(`${lines}-line TypeScript file, console.log($$$ARGS), ${matches} matches, ${RUNS} warm runs:`);
    console.log(`  ast_grep grader via run(): median ${median(graded).toFixed(1)} ms, p90 ${quantile(graded, 0.9).toFixed(1)} ms (target ≤ 15 ms)`);
    console.log(`  AST panel ast() without trees: median ${median(panel).toFixed(1)} ms round trip, ${median(inWorker).toFixed(1)} ms inside the worker`);
    console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
