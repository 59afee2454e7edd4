/**
 * The python grader end to end (runGrader -> Pyodide in a Node worker -> RunResult), with graders written the
 * way RFT users write them, plus the mapping of runtime answers to flags and explanations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../json.ts';
import { createNodePythonRuntime } from '../python/node.ts';
import type { SupervisedPythonRuntime } from '../python/supervisor.ts';
import { runGrader } from '../run.ts';
import type { JsonValue, RunResult } from '../types.ts';
import { pythonOutcome, type PythonDetails } from './python.ts';

let python: SupervisedPythonRuntime;

beforeAll(async () => {
  // The host sets the limit (OpenAI's 120 s by default); a short one keeps the timeout test short.
  python = createNodePythonRuntime({ defaultTimeoutMs: 1500, graceMs: 3000 });
  await python.prepare();
}, 180_000);

afterAll(() => python.close());

const json = (text: string): JsonValue => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

function grade(source: string, sample: string, item = '{}'): Promise<RunResult> {
  return runGrader({ type: 'python', name: 'py', source }, json(sample), json(item), { runtime: { python } });
}

const details = (r: RunResult) => r.explain!.details as unknown as PythonDetails;

describe('graders in the style RFT users write', () => {
  const f1 = `
from collections import Counter
import json


def _pairs(entities):
    return Counter((str(e.get("name", "")).strip().lower(), str(e.get("value", "")).strip()) for e in entities)


def grade(sample, item):
    try:
        predicted = sample.get("output_json") or json.loads(sample["output_text"])
    except (ValueError, KeyError):
        return 0.0
    got = _pairs(predicted.get("entities", []) if isinstance(predicted, dict) else [])
    gold = _pairs(item["entities"])
    tp = sum((gold & got).values())
    if tp == 0:
        return 0.0
    precision = tp / sum(got.values())
    recall = tp / sum(gold.values())
    return 2 * precision * recall / (precision + recall)
`;
  const item = JSON.stringify({
    entities: [
      { name: 'A', value: '1' },
      { name: 'b', value: '2' },
      { name: 'B', value: '2' },
      { name: 'c', value: '3' },
    ],
  });

  it('multiset F1 over name/value pairs with collections.Counter', async () => {
    const predicted = { entities: [{ name: 'a', value: '1' }, { name: ' b ', value: '2' }, { name: 'd', value: '4' }] };
    const r = await grade(f1, JSON.stringify({ output_text: JSON.stringify(predicted), output_json: predicted }), item);
    // tp = 2 (a/1 once, b/2 once of its two), precision 2/3, recall 2/4: the same IEEE operations as Python's.
    const p = 2 / 3;
    const rec = 2 / 4;
    expect(r.reward).toBe((2 * p * rec) / (p + rec));
    expect(r.metadata.errors.python_grader_runtime_error).toBe(false);
    expect(r.explain!.summary).toBe('grade() returned 0.5714285714285715.');
  });

  it('multiset F1 falls back to parsing output_text, and a perfect answer scores 1', async () => {
    const text = JSON.stringify({ entities: JSON.parse(item).entities });
    expect((await grade(f1, JSON.stringify({ output_text: text, output_json: {} }), item)).reward).toBe(1);
    expect((await grade(f1, JSON.stringify({ output_text: 'not json', output_json: {} }), item)).reward).toBe(0);
  });

  const format = `
import re

THINK = re.compile(r"^<think>.+?</think>", re.S)
ANSWER = re.compile(r"<answer>(.*?)</answer>", re.S)
NUMBER = re.compile(r"-?\\d+(?:\\.\\d+)?")


def grade(sample, item):
    text = sample["output_text"].strip()
    score = 0.0
    if THINK.search(text):
        score += 0.25
    m = ANSWER.search(text)
    if not m:
        return score
    score += 0.25
    answer = m.group(1).strip()
    if NUMBER.fullmatch(answer):
        score += 0.25
        if float(answer) == float(item["answer"]):
            score += 0.25
    return score
`;

  it.each([
    ['<think>6*7</think>\n<answer>42</answer>', 1],
    ['<answer> 42.0 </answer>', 0.75],
    ['<think>hmm</think><answer>41</answer>', 0.75],
    ['<think>hmm</think><answer>forty-two</answer>', 0.5],
    ['<think>hmm</think> 42', 0.25],
    ['42', 0],
  ])('format checker with partial credit: %j -> %d', async (output, expected) => {
    const r = await grade(format, JSON.stringify({ output_text: output }), '{"answer": 42}');
    expect(r.reward).toBe(expected);
    expect(r.metadata.errors.python_grader_runtime_error).toBe(false);
  });
});

describe('the RunResult of a python grader', () => {
  it('an int result becomes a float reward, with the coercion stated', async () => {
    const r = await grade('def grade(sample, item):\n    return len(sample["output_text"])\n', '{"output_text": "héllo"}');
    expect(r.reward).toBe(5);
    expect(details(r)).toMatchObject({ kind: 'python', value: 5, valueRepr: '5', valueType: 'int', line: null });
    expect(r.explain!.summary).toBe('grade() returned 5 (int), used as the float 5.0.');
    expect(r.explain!.assumptions.map((a) => a.id)).toContain('python-coerce');
  });

  it('floats and ints from the user’s JSON keep their nature in Python', async () => {
    const src = 'def grade(sample, item):\n    return 1.0 if (type(item["x"]), type(item["y"])) == (float, int) else 0.0\n';
    expect((await grade(src, '{}', '{"x": 1.0, "y": 1}')).reward).toBe(1);
    expect((await grade(src, '{}', '{"x": 1, "y": 1.0}')).reward).toBe(0);
  });

  it('dicts keep the key order of the user’s JSON (integer-like keys, duplicates, __proto__)', async () => {
    const src = `
def grade(sample, item):
    want = [["b", "2", "1"], ["a", "1", "__proto__"], ["z", "0"]]
    got = [list(item["obj"]), list(item["dup"]), list(sample["output_json"])]
    values = item["dup"]["1"] == 3 and item["dup"]["__proto__"] == {"0": 0}
    return 1.0 if got == want and values else 0.0
`;
    const r = await grade(src, '{"output_text": "", "output_json": {"z": 1, "0": 2}}', '{"obj": {"b": 1, "2": 2, "1": 3}, "dup": {"a": 0, "1": 1, "__proto__": {"0": 0}, "1": 3}}');
    expect(r.metadata.errors.python_grader_runtime_error).toBe(false);
    expect(r.reward).toBe(1);
  });

  it('an exception gives reward 0, the flag and the traceback with the user’s line', async () => {
    const r = await grade('def grade(sample, item):\n    print("checking")\n    return float(item["reference_answer"])\n', '{"output_text": "x"}', '{"answer": 1}');
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.python_grader_runtime_error).toBe(true);
    expect(r.metadata.errors.python_grader_runtime_error_details).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "grader\.py", line 3, in grade\n[\s\S]*KeyError: 'reference_answer'\n$/,
    );
    expect(r.explain!.summary).toBe("grade() raised KeyError: 'reference_answer' at line 3.");
    expect(r.explain!.problems[0]).toMatchObject({ flag: 'python_grader_runtime_error', pointer: '/source' });
    expect(details(r)).toMatchObject({ line: 3, stdout: 'checking\n', exceptionType: 'KeyError' });
  });

  it('a SyntaxError is reported with its line for the editor', async () => {
    const r = await grade('def grade(sample, item)\n    return 1\n', '{}');
    expect(r.metadata.errors.python_grader_runtime_error).toBe(true);
    expect(r.metadata.errors.python_grader_runtime_error_details).toContain('SyntaxError');
    expect(details(r)).toMatchObject({ line: 1, errorType: 'syntax' });
    expect(r.explain!.summary).toMatch(/^The source does not compile: SyntaxError: expected ':' at line 1, column \d+\.$/);
  });

  it('NaN gives reward 0 with the value’s repr and type in the details', async () => {
    const r = await grade('def grade(sample, item):\n    return float("nan")\n', '{}');
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.python_grader_runtime_error_details).toContain('grade() returned nan (type float)');
    expect(r.explain!.assumptions.map((a) => a.id)).toContain('python-invalid');
  });

  it('a timeout is a server error of type "timeout", and the next grade works', async () => {
    const r = await grade('def grade(sample, item):\n    while True:\n        pass\n', '{}');
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.python_grader_server_error).toBe(true);
    expect(r.metadata.errors.python_grader_server_error_type).toBe('timeout');
    expect(r.metadata.errors.python_grader_runtime_error).toBe(false);
    expect(r.explain!.summary).toMatch(/^The grader did not finish within 1\.5 s, so it was interrupted\./);
    expect((await grade('def grade(sample, item):\n    return 0.5\n', '{}')).reward).toBe(0.5);
  });

  it('without a Python runtime the host says so', async () => {
    const r = await runGrader({ type: 'python', name: 'py', source: 'def grade(s, i):\n    return 1\n' }, {}, {});
    expect(r.metadata.errors).toMatchObject({ python_grader_server_error: true, python_grader_server_error_type: 'unavailable' });
  });
});

describe('pythonOutcome (answers a host may produce itself)', () => {
  it('maps a package failure to a server error with the module named', () => {
    const o = pythonOutcome({}, { status: 'server_error', errorType: 'package_unavailable', module: 'numpy', details: 'Could not load numpy.\n\nmore' });
    expect(o.reward).toBe(0);
    expect(o.errors).toMatchObject({ python_grader_server_error: true, python_grader_server_error_type: 'package_unavailable' });
    expect(o.explain.summary).toBe('Could not load numpy.');
  });

  it('an unknown image_tag is an assumption, not an error', () => {
    const o = pythonOutcome({ image_tag: '2026-01-01' }, { status: 'ok', value: 1, valueRepr: '1.0', valueType: 'float' });
    expect(o.reward).toBe(1);
    expect(o.explain.assumptions.map((a) => a.id)).toContain('python-image-tag');
  });

  it('says whether the module or grade() raised', () => {
    const tb = 'Traceback (most recent call last):\n  File "grader.py", line 2, in <module>\n    x = 1 / 0\nZeroDivisionError: division by zero\n';
    const o = pythonOutcome({}, { status: 'runtime_error', errorType: 'exception', details: tb, line: 2 });
    expect(o.explain.summary).toBe('Loading the source raised ZeroDivisionError: division by zero at line 2.');
    expect(o.errors.python_grader_runtime_error_details).toBe(tb);
  });
});
