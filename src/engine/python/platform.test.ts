/**
 * Python graders that use the platform (issue 14): zoneinfo with the tzdata wheel from public/data/, signal.alarm
 * and SIGALRM handlers as accepted guards, threading and ThreadPoolExecutor running their tasks. The probe's
 * printout must equal what CPython 3.11 printed for the same file (recorded below); the grader must score what
 * CPython scores, across a daylight-saving change.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PythonRunResponse } from '../runtime.ts';
import { createNodePythonRuntime } from './node.ts';
import { findTzdataWheel } from './node-tzdata.ts';
import { TZDATA_WHEEL } from './platform.ts';
import type { SupervisedPythonRuntime } from './supervisor.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/python/${name}`, import.meta.url), 'utf8');

/** CPython 3.11 (Linux x86-64, system tz database) on test/fixtures/python/platform-probe.py. */
const CPYTHON_PROBE =
  "[0, 10, True, (0.0, 0.0), (5, 0), [0, 499500, 1999000, 4498500, 7998000], [False, False, False, False, False], 100, [0, 1, 4, 9], 'threads can only be started once', ['ZeroDivisionError'], [], [0, 2, 4, 6, 8, 10], [1, 2, 4, 8, 16], 'KeyError', (5, 0), ['init', 'task'], 'cannot schedule new futures after shutdown', '2:00:00', '1:00:00', '2026-03-08T03:30:00-04:00', '2026-03-08T01:30:00-05:00', 'IST', True]";

let rt: SupervisedPythonRuntime;

beforeAll(async () => {
  rt = createNodePythonRuntime();
  await rt.prepare();
}, 180_000);

afterAll(() => rt.close());

function run(source: string, sample: unknown = {}, item: unknown = {}): Promise<PythonRunResponse> {
  return rt.run({ source, sampleJson: JSON.stringify(sample), itemJson: JSON.stringify(item), timeoutMs: 60_000 });
}

describe('python graders that use the platform', () => {
  it('the tzdata wheel is found in public/data/', () => {
    expect(findTzdataWheel()).toMatch(new RegExp(`public[/\\\\]data[/\\\\]${TZDATA_WHEEL.replace(/\./g, '\\.')}$`));
  });

  it('signal, threading, concurrent.futures and zoneinfo behave as CPython printed', async () => {
    const r = await run(fixture('platform-probe.py'));
    expect(r.status, r.details).toBe('ok');
    expect(r.stdout!.trim()).toBe(CPYTHON_PROBE);
  });

  it('a grader with a SIGALRM guard, zoneinfo and a ThreadPoolExecutor scores as on CPython, across a DST change', async () => {
    const source = fixture('platform-grader.py');
    const item = { zone: 'Europe/Paris', expected_hours: [12, 3] };
    // CPython 3.11: 1.0, 0.5, 0.0, 1.0 (Paris moves to summer time at 01:00 UTC on 2026-03-29).
    const cases: [string, number][] = [
      ['2026-07-01T10:00:00+00:00', 1.0],
      ['2026-01-15T10:00:00+00:00', 0.5],
      ['2026-03-29T00:30:00+00:00', 0.0],
      ['2026-03-29T01:30:00+00:00', 1.0],
    ];
    for (const [stamp, want] of cases) {
      const r = await run(source, { output_text: stamp }, item);
      expect(r, stamp).toMatchObject({ status: 'ok', value: want });
    }
  });

  it('a thread that raises does not fail the grader; its traceback goes to stderr as on CPython', async () => {
    const r = await run('import threading\ndef grade(s, i):\n    t = threading.Thread(target=lambda: 1 / 0)\n    t.start()\n    t.join()\n    return 0.5\n');
    expect(r).toMatchObject({ status: 'ok', value: 0.5 });
    expect(r.stderr).toContain('ZeroDivisionError');
  });

  it('an unknown zone is the ZoneInfoNotFoundError CPython raises', async () => {
    const r = await run('from zoneinfo import ZoneInfo\ndef grade(s, i):\n    ZoneInfo("Mars/Olympus")\n    return 1\n');
    expect(r).toMatchObject({ status: 'runtime_error', exceptionType: 'ZoneInfoNotFoundError', line: 3 });
  });
});
