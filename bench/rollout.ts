/**
 * The dry-run sampler's own overhead: 2,000 completions (250 rows × k = 8) from the local fake server, which
 * answers at once (or after a fixed delay, to show that concurrency hides latency), streamed and not; with a 429
 * on every 10th request (Retry-After: 0) to time the retry path. Prints wall and CPU time per 1,000 completions.
 * Run: npx tsx bench/rollout.ts
 */
import { cpus, loadavg } from 'node:os';
import { chatCompletion, startFakeOpenAI } from '../src/cli/fake-openai.ts';
import { sampleRollouts } from '../src/engine/rollout/sampler.ts';

const rows = Array.from({ length: 250 }, (_, i) => ({ row: i, value: { messages: [{ role: 'user', content: `Question ${i}: ${'words '.repeat(50)}` }], answer: String(i) } }));
const text = 'The answer is 42. '.repeat(20);

async function measure(label: string, opts: { stream: boolean; delayMs: number; concurrency: number; every429: number }) {
  let n = 0;
  const server = await startFakeOpenAI(() => {
    n++;
    if (opts.every429 && n % opts.every429 === 0) return { status: 429, headers: { 'retry-after': '0' }, json: { error: { message: 'slow down' } } };
    const reply = opts.stream
      ? { sse: [...text.match(/.{1,20}/g)!.map((c) => ({ choices: [{ index: 0, delta: { content: c } }] })), { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }, '[DONE]'] }
      : { json: chatCompletion(text) };
    return opts.delayMs ? { ...reply, delayMs: opts.delayMs } : reply;
  });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let sampled = 0;
  await sampleRollouts({
    tasks: rows,
    settings: { model: 'm', k: 8, stream: opts.stream },
    transport: (body, signal) => fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal }),
    concurrency: opts.concurrency,
    onSample: () => void sampled++,
    onFailure: (f) => {
      throw new Error(f.message);
    },
  });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  await server.close();
  const per1k = (x: number) => ((x / sampled) * 1000).toFixed(0);
  // CPU includes the fake server (same process).
  console.log(`${label.padEnd(44)} ${sampled} completions, ${n} requests: wall ${wall.toFixed(0)} ms (${per1k(wall)} ms / 1k), CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms incl. server`);
}

console.log(`load ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
await measure('JSON replies, 16 at once', { stream: false, delayMs: 0, concurrency: 16, every429: 0 });
await measure('streamed replies (22 events), 16 at once', { stream: true, delayMs: 0, concurrency: 16, every429: 0 });
await measure('JSON, 429 on every 10th request', { stream: false, delayMs: 0, concurrency: 16, every429: 10 });
await measure('JSON, 200 ms latency, 64 at once', { stream: false, delayMs: 200, concurrency: 64, every429: 0 });
