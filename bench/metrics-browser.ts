/**
 * The text metrics timed in headless Chromium on the 10,000 pairs of bench/pairs.ts (the Node figures and the
 * Python references are in bench/text-metrics.ts and bench/fuzzy.ts). The engine code is bundled with Vite into
 * the page, so this measures the same code the grader worker runs.
 * Run: npx tsx bench/metrics-browser.ts
 */
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { launch } from './browser.ts';
import { makePairs } from './pairs.ts';

const out = (await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    minify: true,
    lib: { entry: 'bench/browser-entry/metrics.ts', formats: ['iife'], name: 'GPBench', fileName: 'bench' },
  },
})) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
const bundle = (Array.isArray(out) ? out[0]! : out).output[0]!.code!;

const pairs = makePairs({ count: 10_000 });
const wordnet = [...readFileSync('public/data/wordnet-3.0-synonyms.txt.gz')];

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>bench</title>');
  await page.addScriptTag({ content: bundle });
  const times = await page.evaluate(
    async ([pairs, wn]) => (window as unknown as { GPBench: { run(p: unknown, w: Uint8Array): Promise<Record<string, number>> } }).GPBench.run(pairs, new Uint8Array(wn as number[])),
    [pairs, wordnet] as const,
  );
  const targets: Record<string, string> = {
    ratio: '≤ 0.033 s (3× rapidfuzz C++ 0.011 s)',
    partial_ratio: '≤ 2 s',
    WRatio: '≤ 0.3 s',
    bleu: '≤ 0.234 s (5× faster than NLTK 1.17 s)',
    gleu: '≤ 0.172 s (5× faster than NLTK 0.86 s)',
    meteor: '≤ 0.248 s (5× faster than NLTK 1.24 s)',
    rouge_1: '≤ 0.166 s (5× faster than rouge-score 0.83 s)',
    rouge_l: '≤ 0.636 s (5× faster than rouge-score 3.18 s)',
  };
  console.log(`Chromium ${browser.version()}, 10,000 pairs of ~200 characters, best of 3 after a warm-up:`);
  for (const [k, v] of Object.entries(times)) console.log(`  ${k.padEnd(14)} ${v.toFixed(3)} s   target ${targets[k] ?? ''}`);
} finally {
  await browser.close();
}
