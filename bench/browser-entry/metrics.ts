/**
 * Bundled into the page by bench/metrics-browser.ts: times each text metric over the pairs inside Chromium,
 * with the same engine code the grader worker runs.
 */
import { bleu } from '../../src/engine/metrics/bleu.ts';
import { FUZZY_SCORERS } from '../../src/engine/metrics/fuzzy.ts';
import { gleu } from '../../src/engine/metrics/gleu.ts';
import { meteorScore } from '../../src/engine/metrics/meteor.ts';
import { rougeL, rougeN } from '../../src/engine/metrics/rouge.ts';
import { pySplit } from '../../src/engine/metrics/tokenize.ts';
import { decodeWordNet } from '../../src/engine/metrics/wordnet.ts';

type Pair = [string, string];

function best(fn: () => void, runs = 3): number {
  fn(); // warm-up
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
}

export async function run(pairs: Pair[], wordnetGz: Uint8Array): Promise<Record<string, number>> {
  const wn = await decodeWordNet(wordnetGz);
  const tok = pairs.map(([a, b]) => [pySplit(a), pySplit(b)] as const);
  const out: Record<string, number> = {};
  for (const name of ['ratio', 'partial_ratio', 'WRatio'] as const) {
    const f = FUZZY_SCORERS[name];
    out[name] = best(() => {
      for (const [a, b] of pairs) f(a, b);
    });
  }
  out.bleu = best(() => {
    for (const [a, b] of pairs) bleu(b, a);
  });
  out.gleu = best(() => {
    for (const [a, b] of pairs) gleu(b, a);
  });
  out.meteor = best(() => {
    for (const [h, r] of tok) meteorScore(r, h, wn);
  });
  out.rouge_1 = best(() => {
    for (const [a, b] of pairs) rougeN(b, a, 1);
  });
  out.rouge_l = best(() => {
    for (const [a, b] of pairs) rougeL(b, a);
  });
  return out;
}
