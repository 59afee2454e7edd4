/**
 * How long the dataset view's analyses take on the main thread over 100,000 graded samples (25,000 items × 4
 * samples, partial-credit rewards, 2% errors, labels), plus 100,000 single-sample items (the worst case for
 * per-item bookkeeping) and 100,000 probe results. Budget: < 50 ms per function (median). The machine's load
 * shows in the spread between min and median; the `floor:` lines time trivial work on the same data, for scale.
 * Run: npx tsx bench/dataset-report.ts
 */
import { advantages } from '../src/engine/dataset/advantages.ts';
import { csvChunks, jsonlChunks, toCsv, toJsonl } from '../src/engine/dataset/export.ts';
import { flagProbes } from '../src/engine/dataset/probe-flags.ts';
import { generateProbes, PROBE_KINDS } from '../src/engine/dataset/probes.ts';
import { readinessReport } from '../src/engine/dataset/report.ts';
import { histogram, passRateCurve } from '../src/engine/dataset/stats.ts';
import type { GradedSample } from '../src/engine/dataset/types.ts';

const N = 100_000;
let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

function make(samplesPerItem: number): GradedSample[] {
  const out: GradedSample[] = [];
  for (let i = 0; i < N; i++) {
    const item = Math.floor(i / samplesPerItem);
    const errored = rand() < 0.02;
    const reward = errored ? 0 : Math.round(rand() * 20) / 20;
    out.push({
      row: item,
      sampleIndex: i % samplesPerItem,
      itemKey: String(item),
      reward,
      errorFlags: errored ? ['python_grader_runtime_error'] : [],
      label: reward >= 0.5 ? 'correct' : 'incorrect',
    });
  }
  return out;
}

function time(label: string, fn: () => unknown, runs = 15): void {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const best = ms[0]!;
  const median = ms[ms.length >> 1]!;
  const worst = ms[ms.length - 1]!;
  const verdict = median < 50 ? 'ok' : 'OVER BUDGET';
  console.log(
    `${label.padEnd(52)} min ${best.toFixed(1).padStart(6)}  median ${median.toFixed(1).padStart(6)}  max ${worst.toFixed(1).padStart(6)} ms  ${verdict}`,
  );
}

/** The longest the main thread is held by one chunk of a chunked export (the view yields between chunks). */
function slowestChunk(label: string, chunks: () => Generator<string>): void {
  let worst = 0;
  let n = 0;
  for (let run = 0; run < 5; run++) {
    const it = chunks();
    for (;;) {
      const t0 = performance.now();
      const next = it.next();
      const dt = performance.now() - t0;
      if (next.done) break;
      if (run > 0) worst = Math.max(worst, dt);
      n++;
    }
  }
  console.log(`${(label + ': slowest chunk of 2,048 rows').padEnd(52)} ${worst.toFixed(1).padStart(6)} ms (${n / 5} chunks)`);
}

const grouped = make(4);
const single = make(1);
const rewards = grouped.map((r) => r.reward);
const probes: GradedSample[] = grouped.map((r, i) => ({
  row: r.row,
  sampleIndex: i % PROBE_KINDS.length,
  itemKey: r.itemKey,
  reward: rand() < 0.9 ? 0 : 1, // 10% score 1: about 10,000 flags to write
  errorFlags: [],
  probe: PROBE_KINDS[i % PROBE_KINDS.length]!,
}));
const adv = advantages(grouped);

console.log(`Node ${process.version}, ${N.toLocaleString('en')} results each`);
// What this machine does in the same time, for scale: the floor under any report and any export.
time('floor: sort 100,000 rewards (Float64Array)', () => Float64Array.from(rewards).sort());
time('floor: 100,000 rewards to text, joined', () => rewards.map(String).join('\n'));
time('floor: JSON.stringify 100,000 {row, reward}', () => grouped.map((r) => JSON.stringify({ row: r.row, reward: r.reward })).join('\n'));
time('readinessReport (25,000 items × 4)', () => readinessReport(grouped, { passThreshold: 0.5 }));
time('readinessReport (100,000 items × 1)', () => readinessReport(single, { passThreshold: 0.5 }));
time('histogram (20 bins)', () => histogram(rewards, 20));
time('passRateCurve (100 steps)', () => passRateCurve(rewards, 100));
time('advantages (25,000 items × 4)', () => advantages(grouped));
time('advantages (100,000 items × 1)', () => advantages(single));
time('flagProbes (100,000 probes vs 100,000 real)', () => flagProbes(probes, grouped));
time('toJsonl with advantages', () => toJsonl(grouped, { advantages: adv }));
time('jsonlChunks, all chunks (for a Blob, no join)', () => [...jsonlChunks(grouped, { advantages: adv })]);
slowestChunk('jsonlChunks', () => jsonlChunks(grouped, { advantages: adv }));
time('toCsv with advantages', () => toCsv(grouped, { advantages: adv }));
time('csvChunks, all chunks (for a Blob, no join)', () => [...csvChunks(grouped, { advantages: adv })]);
slowestChunk('csvChunks', () => csvChunks(grouped, { advantages: adv }));
const item = { question: 'What is the capital of France?', reference_answer: 'The capital of France is Paris.' };
const real = [{ output_text: 'Reasoning: the capital is Paris.\nAnswer: Paris', output_tools: [] }];
time('generateProbes (1 item; 8,000-char padding)', () => generateProbes(item, real), 200);
time('generateProbes × 1,000 items', () => {
  for (let i = 0; i < 1000; i++) generateProbes(item, real);
}, 5);
