/**
 * Parity, for real: every gallery example exported to every target runs in Pyodide (the playground's own
 * rapidfuzz, nltk and rouge_score, ast_grep_py), called as its trainer calls it, and gives the engine's reward on
 * every one of its samples to 1e-12. TRL and verifiers are also checked in their conversational form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../../engine/json.ts';
import { nodeDataRuntime } from '../../engine/node-data.ts';
import { createNodePythonRuntime } from '../../engine/python/node.ts';
import type { SupervisedPythonRuntime } from '../../engine/python/supervisor.ts';
import type { JsonValue } from '../../engine/types.ts';
import { GALLERY } from '../../gallery/index.ts';
import { exportForTarget } from './export.ts';
import { checkParity, type ParityRow } from './parity.ts';
import { TARGETS } from './targets.ts';

let python: SupervisedPythonRuntime;
const data = nodeDataRuntime();

beforeAll(async () => {
  python = createNodePythonRuntime({ startupTimeoutMs: 120_000 });
  await python.prepare();
}, 180_000);

afterAll(() => python.close());

const doc = (d: unknown): JsonValue => {
  if (typeof d !== 'string') return d as JsonValue;
  const p = parseJson(d);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};

const cases = GALLERY.flatMap((e) => TARGETS.map((t) => [e.id, t, e] as const));

describe('every gallery example, every target', () => {
  it.each(cases)('%s -> %s gives the engine’s reward on every sample', async (_id, target, example) => {
    const rows: ParityRow[] = example.samples.map((s) => ({
      sample: doc(s.sample),
      item: doc(example.item),
      ...(s.judgeReply !== undefined ? { judgeReply: s.judgeReply } : {}),
    }));
    const report = await checkParity(doc(example.grader), target, rows, { python, runtime: { data }, timeoutMs: 60_000 });
    if ('error' in report) throw new Error(report.error);
    const bad = report.rows.filter((r) => !r.ok);
    expect(bad, JSON.stringify(bad.slice(0, 2))).toEqual([]);
    expect(report.passed).toBe(rows.length);
    expect(report.maxDiff).toBeLessThanOrEqual(1e-12);
    const exp = exportForTarget(doc(example.grader), target);
    if (!exp.ok) throw new Error(exp.message);
    if (exp.export.warnings.some((w) => w.id === 'sample-output_tools')) {
      // A grader of tool calls sees none through a text-only trainer: every row is 0 on both sides, and the
      // export says so.
      expect(report.rows.every((r) => r.engine === 0)).toBe(true);
    } else {
      // Not a parity of zeros: the good samples score above 0 on both sides.
      expect(report.rows.some((r) => r.engine > 0 && r.exported === r.engine)).toBe(true);
    }
  }, 300_000);
});

describe('conversational datasets', () => {
  const example = GALLERY.find((e) => e.id === 'translation-meteor') ?? GALLERY[0]!;
  it.each(['trl', 'verifiers'] as const)('%s with message lists gives the same rewards', async (target) => {
    const rows = example.samples.map((s) => ({ sample: doc(s.sample), item: doc(example.item) }));
    const report = await checkParity(doc(example.grader), target, rows, { python, runtime: { data }, conversational: true, timeoutMs: 60_000 });
    if ('error' in report) throw new Error(report.error);
    expect(report.rows.filter((r) => !r.ok)).toEqual([]);
  }, 300_000);
});

describe('a difference is found and shown, not hidden', () => {
  it('reports the row where the exported file and the engine disagree', async () => {
    // A grader with state outside its module: the engine's run and the export's run see different counts.
    const source = 'import builtins\n\ndef grade(sample, item):\n    builtins._gp_parity_count = getattr(builtins, "_gp_parity_count", 0) + 1\n    return builtins._gp_parity_count % 2\n';
    const rows = [{ sample: { output_text: 'x' }, item: {} }];
    const report = await checkParity({ type: 'python', name: 'stateful', source }, 'python', rows, { python, timeoutMs: 60_000 });
    if ('error' in report) throw new Error(report.error);
    expect(report.rows[0]).toMatchObject({ ok: false, diff: 1 });
    expect(report.failed).toBe(1);
  }, 300_000);

  it('counts a grade that fails on both sides (reward 0 with an error) as parity', async () => {
    const grader = { type: 'string_check', name: 's', input: '{{ sample.missing }}', reference: 'x', operation: 'eq' };
    const report = await checkParity(grader, 'trl', [{ sample: { output_text: 'x' }, item: {} }], { python, timeoutMs: 60_000 });
    if ('error' in report) throw new Error(report.error);
    expect(report.rows[0]).toMatchObject({ ok: true, engine: 0, exported: 0 });
    expect(report.rows[0]!.engineFlags).toContain('invalid_variable_error');
  }, 300_000);
});
