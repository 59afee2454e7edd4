/**
 * The playground's Python rapidfuzz against rapidfuzz 3.14.6 itself, through Pyodide (test/fixtures/rapidfuzz-api.json,
 * written by scripts/gen-rapidfuzz-fixture.py): every distance-module case with its Python type (int or float)
 * and its exceptions, every editops/opcodes list, the fuzz scorers, and the reprs of process results and of the
 * Editops/Opcodes objects. cdist/cpdist need numpy, which these offline tests cannot load: their values are
 * checked through the same row builder, rounded to float32 as numpy stores them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PythonRunResponse } from '../runtime.ts';
import { createNodePythonRuntime } from './node.ts';
import type { SupervisedPythonRuntime } from './supervisor.ts';

const FIXTURE = readFileSync(new URL('../../../test/fixtures/rapidfuzz-api.json', import.meta.url), 'utf8');
const fixture = JSON.parse(FIXTURE) as { exprs: { expr: string; repr: string }[] };

let rt: SupervisedPythonRuntime;

beforeAll(async () => {
  rt = createNodePythonRuntime();
  await rt.prepare();
}, 180_000);

afterAll(() => rt.close());

function run(source: string, item: unknown = {}): Promise<PythonRunResponse> {
  return rt.run({ source, sampleJson: '{}', itemJson: JSON.stringify(item), timeoutMs: 120_000 });
}

const PRELUDE = [
  'import json',
  'from rapidfuzz import fuzz, process, utils',
  'from rapidfuzz.distance import DamerauLevenshtein, Hamming, Indel, Jaro, JaroWinkler, LCSseq, Levenshtein, OSA, Postfix, Prefix',
  'import rapidfuzz.distance as D',
  'def kwargs_of(kw):',
  '    kw = dict(kw)',
  '    if kw.get("processor") == "default_process":',
  '        kw["processor"] = utils.default_process',
  '    if "weights" in kw:',
  '        kw["weights"] = tuple(kw["weights"])',
  '    return kw',
  'def outcome(fn, *args, **kw):',
  '    try:',
  '        return fn(*args, **kw)',
  '    except Exception as e:',
  '        return {"error": type(e).__name__}',
  'def same(got, want):',
  '    if isinstance(want, dict):',
  '        return got == want',
  '    if type(got) is not type(want):',
  '        return False',
  '    return abs(got - want) <= 1e-12',
];

describe('rapidfuzz 3.14.6 fixture through the Python API', () => {
  it('every distance-module case: value, Python type and exception', async () => {
    const source = [
      ...PRELUDE,
      'def grade(sample, item):',
      '    data = json.loads(item["fixture"])',
      '    bad = []',
      '    for c in data["metrics"]:',
      '        fn = getattr(getattr(D, c["metric"]), c["fn"])',
      '        got = outcome(fn, c["s1"], c["s2"], **kwargs_of(c["kwargs"]))',
      '        if not same(got, c["expected"]):',
      '            bad.append([c["metric"], c["fn"], c["s1"], c["s2"], c["kwargs"], repr(got), repr(c["expected"])])',
      '    print(json.dumps({"n": len(data["metrics"]), "bad": bad[:20], "nbad": len(bad)}))',
      '    return 1.0',
    ].join('\n');
    const r = await run(source, { fixture: FIXTURE });
    expect(r.status, r.details).toBe('ok');
    const out = JSON.parse(r.stdout!) as { n: number; nbad: number; bad: unknown[] };
    expect(out.n).toBeGreaterThan(20_000);
    expect(out.bad).toEqual([]);
  }, 240_000);

  it('every editops and opcodes list, and every fuzz scorer case', async () => {
    const source = [
      ...PRELUDE,
      'def grade(sample, item):',
      '    data = json.loads(item["fixture"])',
      '    bad = []',
      '    for c in data["ops"]:',
      '        fn = getattr(getattr(D, c["metric"]), c["fn"])',
      '        got = outcome(fn, c["s1"], c["s2"])',
      '        got = got if isinstance(got, dict) else [list(op) for op in got.as_list()]',
      '        if got != c["expected"]:',
      '            bad.append([c["metric"], c["fn"], c["s1"], c["s2"], got])',
      '    for c in data["fuzz"]:',
      '        got = getattr(fuzz, c["scorer"])(c["s1"], c["s2"], **kwargs_of(c["kwargs"]))',
      '        if not same(got, c["expected"]):',
      '            bad.append([c["scorer"], c["s1"], c["s2"], c["kwargs"], got, c["expected"]])',
      '    print(json.dumps({"n": len(data["ops"]) + len(data["fuzz"]), "bad": bad[:20]}))',
      '    return 1.0',
    ].join('\n');
    const r = await run(source, { fixture: FIXTURE });
    expect(r.status, r.details).toBe('ok');
    const out = JSON.parse(r.stdout!) as { n: number; bad: unknown[] };
    expect(out.n).toBeGreaterThan(3000);
    expect(out.bad).toEqual([]);
  }, 240_000);

  it('reprs of process results and of Editops/Opcodes objects', async () => {
    const exprs = fixture.exprs.filter((e) => !/cdist|cpdist/.test(e.expr));
    expect(exprs.length).toBeGreaterThan(50);
    const source = [
      ...PRELUDE,
      'def grade(sample, item):',
      '    out = []',
      '    for e in item["exprs"]:',
      '        try:',
      '            out.append(repr(eval(e, globals())))',
      '        except Exception as ex:',
      '            out.append("!" + type(ex).__name__)',
      '    print(json.dumps(out))',
      '    return 1.0',
    ].join('\n');
    const r = await run(source, { exprs: exprs.map((e) => e.expr) });
    expect(r.status, r.details).toBe('ok');
    const got = JSON.parse(r.stdout!) as string[];
    exprs.forEach((e, i) => expect(got[i], e.expr).toBe(e.repr));
  });

  it('cdist and cpdist values and dtypes (float32 as numpy stores them, integers rounded)', async () => {
    const exprs = fixture.exprs.filter((e) => /(cdist|cpdist)\(.*\)\.(tolist|dtype)/.test(e.expr));
    expect(exprs.length).toBeGreaterThan(10);
    // process.cdist(Q, C, **kw).tolist() -> the row builder with numpy's dtype rules, without numpy.
    const source = [
      ...PRELUDE,
      'import struct',
      'from rapidfuzz.process import _cdist_rows, _cpdist_values, _dtype_name',
      'def f32(v):',
      '    return struct.unpack("f", struct.pack("f", v))[0]',
      'class Shim:',
      '    def _call(self, pairwise, queries, choices, scorer=fuzz.ratio, processor=None, score_cutoff=None, dtype=None, score_multiplier=1, scorer_kwargs=None):',
      '        name = _dtype_name(scorer, dtype)',
      '        integer = "int" in name',
      '        build = _cpdist_values if pairwise else _cdist_rows',
      '        values = build(queries, choices, scorer, processor, score_cutoff, score_multiplier, integer, scorer_kwargs or {})',
      '        conv = int if integer else (f32 if name == "float32" else float)',
      '        data = [conv(v) for v in values] if pairwise else [[conv(v) for v in row] for row in values]',
      '        return type("A", (), {"tolist": lambda self: data, "dtype": type("T", (), {"name": name})()})()',
      '    def cdist(self, *a, **k):',
      '        return self._call(False, *a, **k)',
      '    def cpdist(self, *a, **k):',
      '        return self._call(True, *a, **k)',
      'def grade(sample, item):',
      '    env = dict(globals(), process=Shim())',
      '    print(json.dumps([repr(eval(e, env)) for e in item["exprs"]]))',
      '    return 1.0',
    ].join('\n');
    const r = await run(source, { exprs: exprs.map((e) => e.expr) });
    expect(r.status, r.details).toBe('ok');
    const got = JSON.parse(r.stdout!) as string[];
    exprs.forEach((e, i) => expect(got[i], e.expr).toBe(e.repr));
  });

  it('a grader calling cdist gets numpy loaded, and a clear error when numpy cannot be fetched', async () => {
    const r = await rt.run({
      source: 'from rapidfuzz import process\ndef grade(s, i):\n    return float(process.cdist(["a"], ["a"])[0][0])\n',
      sampleJson: '{}',
      itemJson: '{}',
      timeoutMs: 60_000,
    });
    // These tests are offline: the point is that numpy was asked for (rapidfuzz's cdist returns numpy arrays).
    if (r.status === 'ok') expect(r.value).toBe(100);
    else expect(r).toMatchObject({ status: 'server_error', errorType: 'package_unavailable', module: 'numpy' });
  }, 120_000);
});
