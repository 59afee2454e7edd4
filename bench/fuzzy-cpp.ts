/**
 * fuzz.ratio and fuzz.WRatio against rapidfuzz's C++ core at several string lengths, interleaved in one run:
 * each round times the C++ build on the pairs, then ours (Node) on the same pairs; medians of the rounds and
 * their ratio are printed, by CPU time (each side's process CPU clock, which the shared machine's load disturbs
 * far less than wall time) with the wall-time ratio beside it, with the machine's load (os.loadavg) before and after. rapidfuzz-cpp is header-only:
 * set RAPIDFUZZ_CPP_DIR to a checkout (the folder holding rapidfuzz/fuzz.hpp); this benchmark builds
 * bench/fuzzy-cpp.cpp with `g++ -O3 -std=c++17` into a temp folder. Without it, C++ is "not measured".
 * Pairs: bench/pairs.ts (ASCII, so bytes = code points and std::string matches Python str).
 * Like with like: both sides score one pair per call (no cached scorer, no batch API), in an indexed loop over
 * two arrays, `reps` passes over the pairs per timing (so short strings are timed over >= 50 ms, not 1 ms),
 * after a warm-up pass of each scorer on our side (JIT and wasm tier-up). Our CPU clock also counts V8's
 * compiler and GC threads, which the C++ side does not have: the ratio leans against us, if anything.
 * Usage: RAPIDFUZZ_CPP_DIR=/tmp/rapidfuzz-cpp npx tsx bench/fuzzy-cpp.ts [--rounds R] [--lengths 10,100,1000,10000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUZZY_SCORERS } from '../src/engine/metrics/fuzzy.ts';
import { makePairs } from './pairs.ts';

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ROUNDS = Number(opt('--rounds') ?? 7);
const LENGTHS = (opt('--lengths') ?? '10,100,200,1000,10000').split(',').map(Number);
/** Pairs per length: 10,000 up to 200 characters, fewer for long strings (per-pair figures are what compare). */
const countFor = (len: number) => (len <= 200 ? 10_000 : len <= 1000 ? 2000 : 100);
/** Passes over the pairs per timing, the same on both sides. */
const repsFor = (len: number) => (len <= 10 ? 20 : len <= 200 ? 5 : 1);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

function buildCpp(dir: string): string | undefined {
  const src = process.env.RAPIDFUZZ_CPP_DIR;
  if (!src || !existsSync(join(src, 'rapidfuzz', 'fuzz.hpp'))) return undefined;
  const exe = join(dir, 'fuzzy-cpp');
  const cpp = new URL('./fuzzy-cpp.cpp', import.meta.url).pathname;
  execFileSync('g++', ['-O3', '-std=c++17', `-I${src}`, '-o', exe, cpp], { stdio: 'inherit' });
  return exe;
}

/** Wall seconds, CPU seconds (this process, user + system: all of it is this loop) and the sum of scores. */
function timeOurs(as: string[], bs: string[], name: 'ratio' | 'WRatio', reps: number): { s: number; cpu: number; sum: number } {
  const f = FUZZY_SCORERS[name];
  let sum = 0;
  const n = as.length;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) for (let k = 0; k < n; k++) sum += f(as[k] as string, bs[k] as string);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { s, cpu: (c.user + c.system) / 1e6, sum };
}

const dir = mkdtempSync(join(tmpdir(), 'fuzzy-cpp-'));
try {
  const exe = buildCpp(dir);
  console.log(`fuzz.ratio / fuzz.WRatio vs rapidfuzz-cpp (${exe ? 'g++ -O3' : 'not measured: set RAPIDFUZZ_CPP_DIR'}), ` +
    `Node ${process.version}, ${ROUNDS} interleaved rounds, medians; load before: ${load()}`);
  console.log('CPU time per pair (each side\'s own process CPU clock; wall ratio in brackets: load swings it more)');
  console.log('length  pairs×passes | ratio ours µs/pair  C++ µs/pair  ours/C++ (wall) | WRatio ours µs/pair  C++ µs/pair  ours/C++ (wall) | sums equal');
  for (const len of LENGTHS) {
    const pairs = makePairs({ count: countFor(len), length: len });
    const file = join(dir, `pairs-${len}.txt`);
    writeFileSync(file, pairs.map(([a, b]) => `${a}\n${b}\n`).join(''));
    const as = pairs.map((p) => p[0]);
    const bs = pairs.map((p) => p[1]);
    const reps = repsFor(len);
    // warm-up (JIT, wasm compile and tier-up): a whole pass of each scorer
    timeOurs(as, bs, 'ratio', 1);
    timeOurs(as, bs, 'WRatio', 1);
    const ours = { ratio: [] as number[], WRatio: [] as number[] };
    const cpp = { ratio: [] as number[], WRatio: [] as number[] };
    const oursCpu = { ratio: [] as number[], WRatio: [] as number[] };
    const cppCpu = { ratio: [] as number[], WRatio: [] as number[] };
    let same = '';
    for (let r = 0; r < ROUNDS; r++) {
      if (exe) {
        const out = spawnSync(exe, [file, String(reps)], { encoding: 'utf8' });
        if (out.status !== 0) throw new Error(out.stderr);
        const [rs, ws, rsum, wsum, rc, wc] = out.stdout.trim().split(' ').map(Number) as [number, number, number, number, number, number];
        cpp.ratio.push(rs);
        cpp.WRatio.push(ws);
        cppCpu.ratio.push(rc);
        cppCpu.WRatio.push(wc);
        if (r === 0) {
          const o1 = timeOurs(as, bs, 'ratio', reps).sum;
          const o2 = timeOurs(as, bs, 'WRatio', reps).sum;
          const tol = 1e-6 * pairs.length * reps;
          same = Math.abs(o1 - rsum) < tol && Math.abs(o2 - wsum) < tol ? 'yes' : `NO (${o1} vs ${rsum}, ${o2} vs ${wsum})`;
        }
      }
      for (const name of ['ratio', 'WRatio'] as const) {
        const t = timeOurs(as, bs, name, reps);
        ours[name].push(t.s);
        oursCpu[name].push(t.cpu);
      }
    }
    const us = (s: number) => ((s / (pairs.length * reps)) * 1e6).toFixed(3).padStart(11);
    const cell = (name: 'ratio' | 'WRatio') => {
      const o = oursCpu[name];
      const c = cppCpu[name];
      if (!c.length) return `${us(median(o))}  ${'not measured'.padStart(11)}  ${'-'.padStart(15)}`;
      const wall = `(${(median(ours[name]) / median(cpp[name])).toFixed(2)}x)`;
      return `${us(median(o))}  ${us(median(c))}  ${`${(median(o) / median(c)).toFixed(2)}x`.padStart(7)} ${wall.padStart(7)}`;
    };
    console.log(`${String(len).padStart(6)} ${`${pairs.length}×${reps}`.padStart(12)} |      ${cell('ratio')} |       ${cell('WRatio')} | ${same || '-'}`);
  }
  console.log(`load after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
