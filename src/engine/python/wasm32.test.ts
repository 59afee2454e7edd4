/**
 * The wasm32 note: each difference it states is true of the Pyodide the graders run on, and a python grader
 * whose source reads sys.maxsize or hash() carries the note in its explanation's assumptions (others do not).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonOutcome } from '../graders/python.ts';
import { runGrader } from '../run.ts';
import { createNodePythonRuntime } from './node.ts';
import type { SupervisedPythonRuntime } from './supervisor.ts';
import { PLATFORM_LIMITS, WASM32_DIFFERENCES, WASM32_NOTE, readsWordSize } from './wasm32.ts';

let rt: SupervisedPythonRuntime;

beforeAll(async () => {
  rt = createNodePythonRuntime();
  await rt.prepare();
}, 180_000);

afterAll(() => rt.close());

describe('which sources get the note', () => {
  it('sources reading word-size dependent values', () => {
    for (const src of ['import sys\nx = sys.maxsize', 'from sys import maxsize', 'h = hash(text)', 'k = {}.__hash__', 'struct.calcsize("l")', 'sys.getsizeof(x)', 'a.itemsize', 'sys.hash_info.width']) {
      expect(readsWordSize(src), src).toBe(true);
    }
    for (const src of ['def grade(s, i):\n    return 1.0', 'hashlib.sha256(b"x").hexdigest()', 'x.rehash(3)', 'obj.hash(3)', 'sizes = [1]']) {
      expect(readsWordSize(src), src).toBe(false);
    }
  });

  it('the python grader’s explanation carries the note exactly when the source reads them', () => {
    const ok = { status: 'ok', value: 1, valueRepr: '1.0', valueType: 'float' } as const;
    const withNote = pythonOutcome({ source: 'import sys\ndef grade(s, i):\n    return float(sys.maxsize > 2**40)\n' }, ok);
    expect(withNote.explain.assumptions.find((a) => a.id === 'python-wasm32')?.text).toBe(WASM32_NOTE);
    const hashed = pythonOutcome({ source: 'def grade(s, i):\n    return hash(s["x"]) % 2\n' }, ok);
    expect(hashed.explain.assumptions.map((a) => a.id)).toContain('python-wasm32');
    const plain = pythonOutcome({ source: 'def grade(s, i):\n    return 1.0\n' }, ok);
    expect(plain.explain.assumptions.map((a) => a.id)).not.toContain('python-wasm32');
  });

  it('a grader using threads, signals or zoneinfo says what is emulated and where its time zones come from', () => {
    const ok = { status: 'ok', value: 1, valueRepr: '1.0', valueType: 'float' } as const;
    const source = readFileSync(new URL('../../../test/fixtures/python/platform-grader.py', import.meta.url), 'utf8');
    const ids = pythonOutcome({ source }, ok).explain.assumptions.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['python-threads', 'python-tzdata']));
    const threads = pythonOutcome({ source: 'import threading\ndef grade(s, i):\n    return 1\n' }, ok).explain.assumptions;
    expect(threads.find((a) => a.id === 'python-threads')?.text).toBe(PLATFORM_LIMITS);
    expect(threads.map((a) => a.id)).not.toContain('python-tzdata');
    const plain = pythonOutcome({ source: 'def grade(s, i):\n    return "threading"\n' }, ok).explain.assumptions.map((a) => a.id);
    expect(plain).not.toContain('python-threads');
  });

  it('end to end: a grader reading sys.maxsize gets Pyodide’s 2**31 - 1 and the note', async () => {
    const source = 'import sys\ndef grade(sample, item):\n    return 1.0 if sys.maxsize == 2**63 - 1 else 0.0\n';
    const r = await runGrader({ type: 'python', name: 'py', source }, {}, {}, { runtime: { python: rt } });
    expect(r.reward).toBe(0); // 1.0 on OpenAI's 64-bit CPython: exactly what the note warns about
    expect(r.explain!.assumptions.map((a) => a.id)).toContain('python-wasm32');
  });
});

describe('the note is true of this Pyodide', () => {
  it('every stated difference, measured', async () => {
    expect(WASM32_DIFFERENCES.length).toBe(6);
    const source = [
      'import sys, struct, array',
      'def grade(sample, item):',
      '    try:',
      '        n = len(range(2**40))',
      '    except OverflowError:',
      '        n = "OverflowError"',
      '    print(repr([sys.maxsize, hash(2**31), sys.hash_info.width, sys.hash_info.algorithm, list({2**40, 2**33, 5, 2**31 + 7}),',
      '                struct.calcsize("l"), struct.calcsize("P"), array.array("l").itemsize, sys.getsizeof(1), n]))',
      '    return 1.0',
    ].join('\n');
    const r = await rt.run({ source, sampleJson: '{}', itemJson: '{}', timeoutMs: 60_000 });
    expect(r.status, r.details).toBe('ok');
    // 64-bit CPython 3.11 prints [9223372036854775807, 2147483648, 64, 'siphash13', [1099511627776, 8589934592, 5,
    // 2147483655], 8, 8, 8, 28, 1099511627776].
    expect(r.stdout!.trim()).toBe("[2147483647, 1, 32, 'fnv', [1099511627776, 2147483655, 8589934592, 5], 4, 4, 4, 16, 'OverflowError']");
  });
});
