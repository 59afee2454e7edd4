/**
 * `run --data` through the built CLI's own entry (dist-cli/cli.js), as a user runs it: the grading threads are
 * started before the CLI loads (data-threads.ts), for a big file all of them, and V8's inlining budget is set
 * for the run. Built into a folder of its own (containment.test.ts builds dist-cli/ at the same time).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// Inside the project, so the bundle finds its dependencies in node_modules/ and its runtime files in public/.
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules', '.cache', 'gp-built-data-'));
const outDir = join(dir, 'dist-cli');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = join(dir, 'rows.jsonl');
const lines = Array.from({ length: 10_000 }, (_, i) =>
  JSON.stringify({ item: { reference: `the cat ${i % 7} sat on the mat near the door today` }, sample: { output_text: `the cat ${i % 5} sat on a mat near the door` } }),
);

beforeAll(() => {
  // 1.3 MB: over the size from which every thread starts in advance.
  writeFileSync(rows, lines.join('\n') + '\n');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.cli.config.ts', '--outDir', outDir, '--logLevel', 'error'], { cwd: root });
}, 120_000);

const cli = (...args: string[]) => spawnSync(process.execPath, [join(outDir, 'cli.js'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });

describe('the built CLI, run --data', () => {
  it('grades a 1.3 MB file on prestarted threads, in order, and the same with --explain plus the explanations', () => {
    const grader = join(dir, 'g.json');
    writeFileSync(grader, JSON.stringify({ type: 'text_similarity', name: 'b', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'bleu' }));
    const out = join(dir, 'out.jsonl');
    const plain = cli('run', '--grader', grader, '--data', rows, '--out', out, '--workers', '2');
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('graded 10000 samples from 10000 rows');
    const written = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(written.map((w) => w.row)).toEqual(lines.map((_, i) => i));
    expect(written.every((w) => w.result.explain === undefined)).toBe(true);
    const explained = cli('run', '--grader', grader, '--data', rows, '--out', out, '--workers', '2', '--explain');
    expect(explained.status, explained.stderr).toBe(0);
    const withExplain = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(withExplain.map((w) => w.result.reward)).toEqual(written.map((w) => w.result.reward));
    expect(withExplain[0].result.explain.details.orders).toHaveLength(4);
  }, 120_000);

  it('exits at once with an invalid grader, its prestarted threads stopped', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ type: 'string_check', name: 'g', input: 'a', reference: 'b', operation: 'contains' }));
    // Unreferenced and then terminated, the threads never keep the process alive (spawnSync would not return).
    const r = cli('run', '--grader', bad, '--data', rows);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is invalid');
  }, 120_000);
});
