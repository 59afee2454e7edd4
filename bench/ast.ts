/**
 * Times the AST engine (src/engine/ast: @ast-grep/wasm + web-tree-sitter + npm grammar .wasm files) in Node:
 *  1. cold start: engine init + TypeScript grammar + first check, then the first check of other languages
 *     (their grammar load on a running engine); target ≤ 400 ms for a first check;
 *  2. a pattern check on a 300-line TypeScript file, median of warm runs (target ≤ 15 ms in the worker),
 *     with the native @ast-grep/napi on the same file for scale;
 *  3. the NOTES.md workload: 2,000 generated JS files of 200 lines, `console.log($$$ARGS)` (11 calls a file,
 *     22,000 matches), `findAll` to JSON vs the native napi's parse + findAll in the same run, with the ratio.
 * `findAll` prunes regions a pattern string cannot match (src/engine/ast/prune.ts); `--plain` also times
 * ast-grep's unpruned walk on the same files. The machine is shared: the load average is printed with the figures.
 * Usage: npx tsx bench/ast.ts [--files N] [--runs R] [--plain]
 */
import { parse as napiParse, Lang } from '@ast-grep/napi';
import { loadavg } from 'node:os';
import { createAstEngine } from '../src/engine/ast/engine.ts';
import { nodeAstAssets } from '../src/engine/ast/node-assets.ts';
import { searchRoot } from '../src/engine/ast/find.ts';
import { withTreeCleanup } from '../src/engine/ast/trees.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const FILES = arg('--files', 2000);
const RUNS = arg('--runs', 30);

const ms = (t0: number): number => performance.now() - t0;
const fmt = (x: number): string => `${x.toFixed(1)} ms`;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

/** A deterministic pseudo-random stream (LCG), so every run times the same text. */
function lcg(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** A 300-line TypeScript module: interfaces, classes, async functions, generics, 20 `console.log` calls. */
function typescriptFile(): string {
  const rnd = lcg(300);
  const out: string[] = ["import { readFile } from 'node:fs/promises';", ''];
  let n = 0;
  while (out.length < 300) {
    const id = `${['user', 'order', 'item', 'cart'][n % 4]}${n}`;
    const block = [
      `export interface ${id[0]!.toUpperCase()}${id.slice(1)}Record<T = string> {`,
      `  id: number;`,
      `  name: T;`,
      `  tags?: readonly string[];`,
      `}`,
      ``,
      `export async function load${n}(path: string, retries = ${Math.floor(rnd() * 5)}): Promise<number> {`,
      `  const text = await readFile(path, 'utf8');`,
      `  const rows = text.split('\\n').filter((line) => line.length > ${Math.floor(rnd() * 80)});`,
      n % 2 === 0 ? `  console.log('loaded', rows.length, { path, retries });` : `  if (!rows.length) throw new Error('empty ${id}');`,
      `  return rows.reduce((sum, row) => sum + row.length * ${n + 1}, 0);`,
      `}`,
      ``,
      `class Store${n} extends Map<string, number> {`,
      `  constructor(private readonly limit: number = ${100 + n}) { super(); }`,
      `  put(key: string, value: number): this {`,
      n % 2 === 1 ? `    console.log(\`put \${key}\`, value satisfies number);` : `    if (this.size >= this.limit) this.clear();`,
      `    return this.set(key, value as number);`,
      `  }`,
      `}`,
      ``,
    ];
    out.push(...block);
    n++;
  }
  return out.slice(0, 300).join('\n') + '\n';
}

/** File `k` of the 2,000-file workload: exactly 200 lines, 11 `console.log(...)` calls, ~8.7 KB (NOTES: 17.1 MB in all). */
function javascriptFile(k: number): string {
  const rnd = lcg(k + 1);
  const lines: string[] = [];
  for (let i = 0; i < 200; i++) {
    const v = `v${Math.floor(rnd() * 1000)}`;
    const r = i % 18;
    // The last two lines stay plain statements so that every function is closed (no ERROR nodes).
    if (i >= 198) lines.push(`const ${v}_${i} = f(${v}, [1, 2].map((n) => n));`);
    else if (r === 0) lines.push(`  console.log("step", ${v}, items[${i}]);`);
    else if (r === 1) lines.push(`function handler${i}(${v}, opts = {}) {`);
    else if (r === 2) lines.push(`  const res = await get(${v}, { retry: ${i % 5} });`);
    else if (r === 3) lines.push(`  if (res && res.status === ${200 + (i % 3)}) return res.body;`);
    else if (r === 4) lines.push(`  for (const x of ${v}) total += x * 2;`);
    else if (r === 5) lines.push(`}`);
    else lines.push(`const ${v}_${i} = f(${v}, [1, 2].map((n) => n));`);
  }
  return lines.join('\n') + '\n';
}

console.log(`# AST engine bench (Node ${process.version}; load average ${load()})\n`);

// 1. Cold start, then first checks of other languages.
const PATTERN = 'console.log($$$ARGS)';
const ts300 = typescriptFile();
let t0 = performance.now();
const engine = createAstEngine(nodeAstAssets);
const first = await engine.findAll('typescript', ts300, PATTERN);
const cold = ms(t0);
if ('error' in first) throw new Error(first.error.message);
console.log('## First check of a language (grammar load included; target ≤ 400 ms)');
console.log(`typescript, engine init included: ${fmt(cold)} (${first.matches.length} matches)`);
const firsts: [string, string, string][] = [
  ['python', 'def f(x):\n    print(x)\n', 'print($A)'],
  ['tsx', 'const a = <div>{x}</div>;', '<div>$$$</div>'],
  ['javascript', 'console.log(1)', PATTERN],
  ['go', 'package main\nfunc main() { f(1, 2) }\n', 'f($A, $B)'],
  ['rust', 'fn main() { x.unwrap(); }', '$E.unwrap()'],
];
for (const [lang, src, pattern] of firsts) {
  t0 = performance.now();
  const got = await engine.findAll(lang, src, pattern);
  if ('error' in got) throw new Error(got.error.message);
  console.log(`${lang}: ${fmt(ms(t0))}`);
}

// 2. Warm check on 300 lines.
const warm: number[] = [];
const napiWarm: number[] = [];
for (let r = 0; r < RUNS + 5; r++) {
  t0 = performance.now();
  const got = await engine.findAll('typescript', ts300, PATTERN);
  const a = ms(t0);
  t0 = performance.now();
  const theirs = napiParse(Lang.TypeScript, ts300).root().findAll(PATTERN).length;
  const b = ms(t0);
  if (!('matches' in got) || got.matches.length !== theirs) throw new Error('napi and wasm disagree on the 300-line file');
  if (r >= 5) {
    warm.push(a);
    napiWarm.push(b);
  }
}
console.log(`\n## ${PATTERN} on a 300-line TypeScript file (${ts300.length} chars, ${first.matches.length} matches), median of ${RUNS} warm runs`);
console.log(`wasm findAll (parse + match + JSON): ${fmt(median(warm))}  (min ${fmt(Math.min(...warm))}; target ≤ 15 ms in the worker)`);
console.log(`napi parse + findAll:               ${fmt(median(napiWarm))}`);

// 3. The 2,000-file workload.
const files = Array.from({ length: FILES }, (_, k) => javascriptFile(k));
const megabytes = files.reduce((s, f) => s + f.length, 0) / 1e6;
console.log(`\n## ${FILES} JS files × 200 lines (${megabytes.toFixed(1)} MB), ${PATTERN}, single-threaded (load ${load()})`);

let napiMatches = 0;
t0 = performance.now();
for (const f of files) napiMatches += napiParse(Lang.JavaScript, f).root().findAll(PATTERN).length;
const napiTime = ms(t0);
console.log(`napi parse + findAll:                ${(napiTime / 1000).toFixed(2)} s  (${napiMatches} matches)`);

const rssBefore = process.memoryUsage().rss;
let wasmMatches = 0;
t0 = performance.now();
for (const f of files) {
  const got = await engine.findAll('javascript', f, PATTERN);
  if ('error' in got) throw new Error(got.error.message);
  wasmMatches += got.matches.length;
}
const wasmTime = ms(t0);
const rssAfter = process.memoryUsage().rss;
console.log(`wasm findAll (parse + match + JSON): ${(wasmTime / 1000).toFixed(2)} s  (${wasmMatches} matches)`);
if (wasmMatches !== napiMatches) throw new Error('match counts differ');

// The same files parsed only, to show how much of the time is web-tree-sitter's parse.
const ready = await engine.load('javascript');
if ('error' in ready) throw new Error(ready.error.message);
const { wasm } = ready;
t0 = performance.now();
for (const f of files) withTreeCleanup(() => wasm.parse('javascript', f).free());
const parseTime = ms(t0);
console.log(`wasm parse only:                     ${(parseTime / 1000).toFixed(2)} s`);
if (process.argv.includes('--plain')) {
  let plainMatches = 0;
  t0 = performance.now();
  for (const f of files) {
    withTreeCleanup(() => {
      const root = wasm.parse('javascript', f);
      plainMatches += searchRoot(root, PATTERN).length;
      root.free();
    });
  }
  console.log(`wasm findAll without pruning:        ${(ms(t0) / 1000).toFixed(2)} s  (${plainMatches} matches)`);
}
console.log(`ratio wasm / napi: ${(wasmTime / napiTime).toFixed(2)}×   (RSS ${(rssBefore / 1e6).toFixed(0)} → ${(rssAfter / 1e6).toFixed(0)} MB; load ${load()})`);
