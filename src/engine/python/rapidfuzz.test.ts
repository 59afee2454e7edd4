/**
 * The playground's rapidfuzz inside python graders: the golden fuzzy vectors through the Python API (the same
 * numbers as fuzzy_match), rapidfuzz's documented examples for fuzz, process and distance, code points rather
 * than UTF-16 units, and a fuzzy F1 grader as users write it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratio } from '../metrics/fuzzy.ts';
import type { PythonRunResponse } from '../runtime.ts';
import { createNodePythonRuntime } from './node.ts';
import { levenshteinCodePoints, weightedLevenshtein } from './rapidfuzz.ts';
import type { SupervisedPythonRuntime } from './supervisor.ts';

let rt: SupervisedPythonRuntime;

beforeAll(async () => {
  rt = createNodePythonRuntime();
  await rt.prepare();
}, 180_000);

afterAll(() => rt.close());

function run(source: string, sample: unknown = {}, item: unknown = {}): Promise<PythonRunResponse> {
  return rt.run({ source, sampleJson: JSON.stringify(sample), itemJson: JSON.stringify(item), timeoutMs: 60_000 });
}

/** Evaluate Python expressions (one per line) after `from rapidfuzz import ...`; their reprs, in order. */
async function reprs(...exprs: string[]): Promise<string[]> {
  const source = [
    'from rapidfuzz import fuzz, process, utils',
    'from rapidfuzz.distance import Indel, Levenshtein',
    'def grade(sample, item):',
    ...exprs.map((e) => `    print(repr(${e}))`),
    '    return 1.0',
  ].join('\n');
  const r = await run(source);
  if (r.status !== 'ok') throw new Error(r.details);
  return r.stdout!.trimEnd().split('\n');
}

interface Vector {
  id: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}

const METRICS: Record<string, string> = {
  ratio: 'fuzz.ratio(a, b)',
  partial_ratio: 'fuzz.partial_ratio(a, b)',
  token_sort_ratio: 'fuzz.token_sort_ratio(a, b)',
  token_set_ratio: 'fuzz.token_set_ratio(a, b)',
  WRatio: 'fuzz.WRatio(a, b)',
  QRatio: 'fuzz.QRatio(a, b)',
  'ratio[default_process]': 'fuzz.ratio(a, b, processor=utils.default_process)',
  'WRatio[default_process]': 'fuzz.WRatio(a, b, processor=utils.default_process)',
};

describe('golden vectors through the Python API', () => {
  const golden = JSON.parse(readFileSync(new URL('../../../test/fixtures/text-metrics.json', import.meta.url), 'utf8')) as {
    vectors: Vector[];
  };
  const vectors = golden.vectors.filter((v) => v.metric in METRICS);

  it('all 280 fuzzy vectors give the reference score (to 1e-12) as Python floats', async () => {
    expect(vectors.length).toBe(280);
    const source = [
      'import json',
      'from rapidfuzz import fuzz, utils',
      'def grade(sample, item):',
      '    out = []',
      '    for v in item["vectors"]:',
      '        a, b = v["input"], v["reference"]',
      '        score = eval(v["expr"])',
      '        assert type(score) is float, (v["expr"], type(score))',
      '        out.append(score)',
      '    print(json.dumps(out))',
      '    return 1.0',
    ].join('\n');
    const r = await run(source, {}, { vectors: vectors.map((v) => ({ input: v.input, reference: v.reference, expr: METRICS[v.metric] })) });
    expect(r.status, r.details).toBe('ok');
    const scores = JSON.parse(r.stdout!) as number[];
    vectors.forEach((v, i) => expect(Math.abs(scores[i]! - v.expected), `${v.id}: ${scores[i]} vs ${v.expected}`).toBeLessThanOrEqual(1e-12));
  });
});

describe('rapidfuzz’s documented examples', () => {
  it('fuzz', async () => {
    expect(
      await reprs(
        'fuzz.ratio("this is a test", "this is a test!")',
        'fuzz.partial_ratio("this is a test", "this is a test!")',
        'fuzz.token_sort_ratio("fuzzy wuzzy was a bear", "wuzzy fuzzy was a bear")',
        'fuzz.token_set_ratio("fuzzy was a bear but not a dog", "fuzzy was a bear")',
        'fuzz.token_set_ratio("fuzzy was a bear but not a dog", "fuzzy was a bear but not a cat")',
        'fuzz.partial_ratio_alignment("a certain string", "cetain")',
        'fuzz.ratio(None, "x")',
        'fuzz.ratio("abcd", "abce", score_cutoff=80)',
        'fuzz.partial_ratio_alignment("abc", "xyz", score_cutoff=50)',
        'fuzz.ratio(["a", "b", "c"], ["a", "b", "d"])',
        'utils.default_process("  Hello, World!! ")',
      ),
    ).toEqual([
      '96.55172413793103',
      '100.0',
      '100.0',
      '100.0',
      '92.3076923076923',
      'ScoreAlignment(score=83.33333333333334, src_start=2, src_end=8, dest_start=0, dest_end=6)',
      '0.0',
      '0.0',
      'None',
      '66.66666666666667',
      "'hello  world'",
    ]);
  });

  it('process', async () => {
    expect(
      await reprs(
        'process.extractOne("abcd", ["abce"], scorer=fuzz.ratio)',
        'process.extractOne("abcd", ["abce"], scorer=fuzz.ratio, score_cutoff=80)',
        'process.extractOne("abcd", ["abce"], scorer=Levenshtein.normalized_similarity)',
        'process.extractOne("abcd", ["abce"], scorer=Levenshtein.distance)',
        'process.extractOne("abcd", ["abce"], scorer=Levenshtein.distance, scorer_kwargs={"weights": (1, 1, 2)})',
        'process.extractOne("abcd", ["abce"], scorer=Levenshtein.distance, scorer_kwargs={"weights": (1, 1, 2)}, score_cutoff=1)',
        'process.extractOne("abcd", {"key": "abce"}, scorer=fuzz.ratio)',
        'process.extractOne("abcd", ["abcD"], scorer=fuzz.ratio, processor=utils.default_process)',
        'process.extractOne("abcd", ["abcD"], scorer=fuzz.ratio, processor=lambda s: s.upper())',
        'process.extract("apple", ["apple pie", "aple", None, "banana", "apply"], scorer=fuzz.ratio, limit=3)',
        'process.extract("new york", ["New York", "york new", "newark"], processor=utils.default_process, limit=None)',
        'list(process.extract_iter("ab", ["ab", "cd"], scorer=fuzz.ratio))',
      ),
    ).toEqual([
      "('abce', 75.0, 0)",
      'None',
      "('abce', 0.75, 0)",
      "('abce', 1, 0)",
      "('abce', 2, 0)",
      'None',
      "('abce', 75.0, 'key')",
      "('abcD', 100.0, 0)",
      "('abcD', 100.0, 0)",
      "[('aple', 88.88888888888889, 1), ('apply', 80.0, 4), ('apple pie', 71.42857142857143, 0)]",
      "[('New York', 100.0, 0), ('york new', 95.0, 1), ('newark', 71.42857142857143, 2)]",
      "[('ab', 100.0, 0), ('cd', 0.0, 1)]",
    ]);
  });

  it('distance.Levenshtein and distance.Indel', async () => {
    expect(
      await reprs(
        'Levenshtein.distance("lewenstein", "levenshtein")',
        'Levenshtein.distance("lewenstein", "levenshtein", score_cutoff=1)',
        'Levenshtein.distance("lewenstein", "levenshtein", weights=(1, 1, 2))',
        'Levenshtein.normalized_similarity("lewenstein", "levenshtein")',
        'Levenshtein.normalized_similarity("lewenstein", "levenshtein", score_cutoff=0.85)',
        'Levenshtein.normalized_similarity("lewenstein", "levenshtein", weights=(1, 1, 2))',
        'Levenshtein.normalized_similarity(["lewenstein"], ["levenshtein"], processor=lambda s: s[0])',
        'Levenshtein.similarity("kitten", "sitting")',
        'Levenshtein.normalized_distance("", "")',
        'Levenshtein.distance("kitten", "sitting", weights=(2, 3, 5))',
        'Indel.distance("lewenstein", "levenshtein")',
        'Indel.normalized_similarity("lewenstein", "levenshtein")',
        'Levenshtein.distance("😀a", "a")',
        'Indel.distance("😀", "")',
        'Levenshtein.distance("ABC", "abc", processor=utils.default_process)',
      ),
    ).toEqual(['2', '2', '3', '0.8181818181818181', '0.0', '0.8571428571428572', '0.8181818181818181', '4', '0.0', '12', '3', '0.8571428571428572', '1', '1', '0']);
  });

  it('the distance modules issue 14 found missing import now, and an internal module gets a clear message', async () => {
    // Issue 14: JaroWinkler and Hamming were ImportErrors, Levenshtein.editops a NotImplementedError.
    const r = await run(
      'from rapidfuzz.distance import JaroWinkler\nfrom rapidfuzz.distance.Hamming import distance\nfrom rapidfuzz.distance import Levenshtein\n' +
        'def grade(s, i):\n    print(repr(Levenshtein.editops("ab", "b")))\n    return JaroWinkler.similarity("martha", "marhta") + distance("ab", "ax")\n',
    );
    expect(r).toMatchObject({ status: 'ok', value: 0.9611111111111111 + 1 });
    expect(r.stdout).toBe("Editops([Editop(tag='delete', src_pos=0, dest_pos=0)], src_len=2, dest_len=1)\n");
    const sub = await run('from rapidfuzz.fuzz_cpp import ratio\ndef grade(s, i):\n    return 1\n');
    expect(sub).toMatchObject({ status: 'server_error', errorType: 'package_unavailable', module: 'rapidfuzz.fuzz_cpp' });
    expect(sub.details).toContain("The playground's rapidfuzz provides rapidfuzz 3.x's public API");
  });
});

describe('a fuzzy F1 grader as users write it', () => {
  const source = `
from rapidfuzz import fuzz, utils

THRESHOLD = 80


def grade(sample, item):
    predicted = [line.strip("-* ").strip() for line in sample["output_text"].splitlines() if line.strip()]
    gold = list(item["entities"])
    unused = list(range(len(predicted)))
    matched = 0
    for g in gold:
        best, best_j = 0.0, None
        for j in unused:
            s = fuzz.ratio(g, predicted[j], processor=utils.default_process)
            if s > best:
                best, best_j = s, j
        if best_j is not None and best >= THRESHOLD:
            matched += 1
            unused.remove(best_j)
    if not predicted or not gold or matched == 0:
        return 0.0
    precision = matched / len(predicted)
    recall = matched / len(gold)
    return 2 * precision * recall / (precision + recall)
`;

  it('matches near-misses, rejects far ones, and scores with the same ratio as fuzzy_match', async () => {
    const output = '- Acetaminophen\n- ibuprofen 200mg\n- Amoxicilin\n- vitamin c';
    const gold = ['acetaminophen', 'Ibuprofen 200 mg', 'amoxicillin', 'metformin'];
    const r = await run(source, { output_text: output }, { entities: gold });
    // Each pair's score comes from the engine's own ratio: the grader sees the same numbers.
    expect(ratio('Ibuprofen 200 mg', 'ibuprofen 200mg', { processor: true })).toBeGreaterThanOrEqual(80);
    expect(ratio('amoxicillin', 'Amoxicilin', { processor: true })).toBeGreaterThanOrEqual(80);
    expect(ratio('metformin', 'vitamin c', { processor: true })).toBeLessThan(80);
    const p = 3 / 4;
    const rec = 3 / 4;
    expect(r).toMatchObject({ status: 'ok', value: (2 * p * rec) / (p + rec) });
  });
});

describe('edit distances on code points', () => {
  const naive = (a: string, b: string, ins = 1, del = 1, sub = 1) => {
    const s = [...a];
    const t = [...b];
    let prev = Array.from({ length: s.length + 1 }, (_, i) => i * del);
    for (let j = 1; j <= t.length; j++) {
      const cur = [j * ins];
      for (let i = 1; i <= s.length; i++) {
        cur[i] = Math.min(prev[i]! + ins, cur[i - 1]! + del, prev[i - 1]! + (s[i - 1] === t[j - 1] ? 0 : sub));
      }
      prev = cur;
    }
    return prev[s.length]!;
  };
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '😀', '😁', 'é'), maxLength: 12 });

  it('fastest-levenshtein on remapped astral characters equals a code-point DP', () => {
    fc.assert(fc.property(text, text, (a, b) => levenshteinCodePoints(a, b) === naive(a, b)));
    expect(levenshteinCodePoints('😀', '')).toBe(1);
  });

  it('weighted Levenshtein equals the DP for any weights', () => {
    const w = fc.integer({ min: 0, max: 4 });
    fc.assert(fc.property(text, text, w, w, w, (a, b, i, d, s) => weightedLevenshtein(a, b, i, d, s) === naive(a, b, i, d, s)));
  });
});
