import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../engine/dataset.ts';
import { runDataFile, RunningSummary } from './data-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gp-data-run-'));
const grader = { type: 'string_check', name: 'g', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' };

describe('RunningSummary', () => {
  it('gives what summarize gives for the whole list', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 999);
    const running = new RunningSummary();
    for (let i = 0; i < values.length; i += 37) running.add(values.slice(i, i + 37));
    running.errors = 3;
    const whole = summarize(values, 3);
    const s = running.summary();
    expect(s.count).toBe(whole.count);
    expect(s.min).toBe(whole.min);
    expect(s.max).toBe(whole.max);
    expect(s.errors).toBe(3);
    expect(Math.abs(s.mean - whole.mean)).toBeLessThan(1e-12);
    expect(Math.abs(s.std - whole.std)).toBeLessThan(1e-12);
  });

  it('is all zeros when nothing was graded', () => {
    expect(new RunningSummary().summary()).toEqual({ count: 0, mean: 0, std: 0, min: 0, max: 0, errors: 0 });
  });
});

describe('runDataFile', () => {
  it('keeps input order across threads and batches, with skipped lines reported in order', async () => {
    // 500 rows over 2 threads in batches of 7: batches finish out of order, lines must not.
    const answers = ['Paris', 'Rome', 'Oslo'];
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) {
      if (i % 50 === 13) lines.push('not json');
      else if (i % 50 === 27) lines.push('');
      else {
        const a = answers[i % 3]!;
        lines.push(JSON.stringify({ item: { answer: a }, samples: [{ output_text: a }, { output_text: 'x'.repeat(i % 200) }] }));
      }
    }
    const data = join(dir, 'rows.jsonl');
    writeFileSync(data, lines.join('\r\n'));
    const out = join(dir, 'out.jsonl');
    const skipped: number[] = [];
    const totals = await runDataFile({
      grader,
      data,
      out: { path: out },
      onSkipped: (line) => skipped.push(line),
      explain: false,
      pythonTimeoutMs: 10_000,
      workers: 2,
      batchLines: 7,
    });
    const written = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const expected: [number, number, number][] = [];
    lines.forEach((l, i) => {
      if (l.startsWith('{')) expected.push([i, 0, 1], [i, 1, 0]);
    });
    expect(written.map((w) => [w.row, w.sample_index, w.result.reward])).toEqual(expected);
    expect(written[0].result.explain).toBeUndefined();
    expect(skipped).toEqual(lines.flatMap((l, i) => (l === 'not json' ? [i + 1] : [])));
    expect(totals.rows).toBe(expected.length / 2);
    expect(totals.skipped).toBe(10);
    expect(totals.summary).toMatchObject({ count: expected.length, mean: 0.5, min: 0, max: 1, errors: 0 });
  }, 60_000);

  it('writes to a stream with explanations, and reads a last line without a line break', async () => {
    const data = join(dir, 'two.jsonl');
    writeFileSync(data, '{"item": {"answer": "Paris"}, "sample": "Paris"}\n{"item": {"answer": "Paris"}, "sample": "Lyon"}');
    let text = '';
    const totals = await runDataFile({
      grader,
      data,
      out: { write: (s) => (text += s) },
      onSkipped: () => {},
      explain: true,
      pythonTimeoutMs: 10_000,
      workers: 1,
    });
    const written = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(written.map((w) => w.result.reward)).toEqual([1, 0]);
    expect(written[1].result.explain.type).toBe('string_check');
    expect(totals.summary.count).toBe(2);
  }, 60_000);

  it('cuts batches at line breaks across 1 MB reads, and reads a line longer than a read (3 MB)', async () => {
    // ~2.4 MB of rows, one 3 MB row among them, and multi-byte text everywhere: every read ends mid-line.
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const a = i === 4321 ? 'é'.repeat(1_500_000) : `Zürich ${i} ${'😀'.repeat(i % 97)}`;
      lines.push(JSON.stringify({ item: { answer: i % 3 ? a : 'other' }, sample: { output_text: a } }));
    }
    const data = join(dir, 'long.jsonl');
    writeFileSync(data, lines.join('\n') + '\n');
    const out = join(dir, 'long-out.jsonl');
    const totals = await runDataFile({ grader, data, out: { path: out }, onSkipped: () => {}, explain: false, pythonTimeoutMs: 10_000, workers: 2 });
    const written = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(written.map((w) => [w.row, w.result.reward])).toEqual(lines.map((_, i) => [i, i % 3 ? 1 : 0]));
    expect(totals).toMatchObject({ rows: 6000, skipped: 0 });
  }, 120_000);
});
