/**
 * The cost of fidelity round 2 (issue 14): Python's str.lower() on the pinned Unicode tables (unicode.ts) against
 * the JS engine's toLowerCase, on 10,000 ASCII sentences and on the same with Greek, accents and astral letters;
 * and parseJson + pyJsonDumps on objects without and with integer-like keys (the second takes the ordered path).
 * Run: npx tsx bench/unicode-json.ts
 */
import { parseJson, pyJsonDumps } from '../src/engine/json.ts';
import { pyLower } from '../src/engine/unicode.ts';
import { makePairs } from './pairs.ts';

function time(label: string, runs: number, fn: () => void): void {
  fn();
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${t[runs >> 1]!.toFixed(2)} ms (min ${t[0]!.toFixed(2)})`);
}

const ascii = makePairs().map(([a]) => a.toUpperCase());
const mixed = ascii.map((s, i) => (i % 2 ? s.replace(/E/g, 'É').replace(/S /g, 'Σ ') : s.replace(/O/g, 'Ö') + ' 𐐀ΟΔΟΣ'));
let sink = 0;
time('pyLower, 10,000 ASCII sentences', 15, () => ascii.forEach((s) => (sink += pyLower(s).length)));
time('toLowerCase, same', 15, () => ascii.forEach((s) => (sink += s.toLowerCase().length)));
time('pyLower, 10,000 non-ASCII sentences', 15, () => mixed.forEach((s) => (sink += pyLower(s).length)));
time('toLowerCase, same', 15, () => mixed.forEach((s) => (sink += s.toLowerCase().length)));

const row = (i: number, keys: (j: number) => string) =>
  '{' + Array.from({ length: 20 }, (_, j) => `"${keys(j)}": {"v": ${i + j}.5, "s": "text ${j}"}`).join(', ') + '}';
const plain = Array.from({ length: 2000 }, (_, i) => row(i, (j) => `k${j}`));
const indexed = Array.from({ length: 2000 }, (_, i) => row(i, (j) => String(20 - j)));
for (const [name, texts] of [['string keys', plain], ['integer-like keys', indexed]] as const) {
  time(`parseJson + pyJsonDumps, 2,000 objects of 20 keys, ${name}`, 9, () => {
    for (const t of texts) {
      const r = parseJson(t);
      if (r.ok) sink += pyJsonDumps(r.value).length;
    }
  });
}
if (sink === 0) console.log('');
