/**
 * Share links: how long the link of each starter workspace is, how long encoding and opening take, and how fast a
 * decompression bomb is refused. Run: npx tsx bench/share.ts
 */
import { deflateRawSync } from 'node:zlib';
import { STARTERS } from '../src/app/state/examples.ts';
import { decodeShare, encodeShare } from '../src/share/codec.ts';
import type { ShareDoc } from '../src/share/doc.ts';
import { exportForOpenAI } from '../src/share/export.ts';
import { importAnything } from '../src/share/import.ts';

async function time(label: string, iterations: number, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(iterations, 20); i++) await fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  const ms = (performance.now() - t0) / iterations;
  console.log(`${label.padEnd(60)} ${ms.toFixed(3).padStart(9)} ms/op  (${iterations} ops)`);
}

async function fragment(doc: ShareDoc): Promise<string> {
  const r = await encodeShare(doc);
  if (!r.ok) throw new Error(r.error.message);
  return r.fragment;
}

console.log('Link length (characters after #) per starter workspace:');
for (const [name, w] of Object.entries(STARTERS)) {
  const f = await fragment(w);
  const json = w.grader.length + w.sample.length + w.item.length;
  console.log(`  ${name.padEnd(18)} ${String(f.length).padStart(6)} chars   (editor texts: ${json} chars)`);
}

const typical = STARTERS.multi ?? Object.values(STARTERS)[0]!;
const typicalFragment = await fragment(typical);
await time('encodeShare, multi starter', 2_000, () => encodeShare(typical));
await time('decodeShare, multi starter', 2_000, () => decodeShare(typicalFragment));

const pySource = Array.from({ length: 400 }, (_, i) => `    total += score_${i % 17}(sample, item)  # line ${i}`).join('\n');
const big: ShareDoc = {
  grader: JSON.stringify({ type: 'python', name: 'big', source: `def grade(sample, item):\n    total = 0.0\n${pySource}\n    return total\n` }, null, 2),
  sample: JSON.stringify({ output_text: 'lorem ipsum dolor sit amet '.repeat(400) }, null, 2),
  item: JSON.stringify({ rows: Array.from({ length: 300 }, (_, i) => ({ id: i, score: i / 7, tag: `t${i % 9}` })) }, null, 2),
};
const bigFragment = await fragment(big);
console.log(`Large workspace: ${big.grader.length + big.sample.length + big.item.length} chars of JSON -> link of ${bigFragment.length} chars`);
await time('encodeShare, large workspace', 200, () => encodeShare(big));
await time('decodeShare, large workspace', 200, () => decodeShare(bigFragment));

const bomb = 'v1.' + deflateRawSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url');
console.log(`Bomb: ${bomb.length} chars inflating to 256 MB`);
await time('decodeShare refuses the bomb (5 MB cap)', 10, () => decodeShare(bomb));

const exp = exportForOpenAI(typical);
if (!exp.ok) throw new Error(exp.message);
await time('exportForOpenAI, multi starter', 2_000, async () => exportForOpenAI(typical));
await time('importAnything(run curl), multi starter', 2_000, () => importAnything(exp.export.runCurl));
