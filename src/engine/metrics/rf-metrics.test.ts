/**
 * The distance modules against rapidfuzz 3.14.6 itself (test/fixtures/rapidfuzz-api.json, written by
 * scripts/gen-rapidfuzz-fixture.py): every metric, function, cut-off, weight and pad case, and the edit scripts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { default_process } from './fuzzy-process.ts';
import { hammingEditops, lcsEditops, levenshteinEditops, type EditOp, type Seq } from './rf-distance.ts';
import { RF_METRIC_NAMES, rfMetric, type RfFunction, type RfMetricName, type RfOptions } from './rf-metrics.ts';

type Scalar = string | number;
interface MetricCase {
  metric: RfMetricName;
  fn: RfFunction;
  s1: string | Scalar[] | null;
  s2: string | Scalar[] | null;
  kwargs: { score_cutoff?: number; score_hint?: number; weights?: [number, number, number]; pad?: boolean; prefix_weight?: number; processor?: string };
  expected: number | { error: string };
}
interface OpsCase {
  metric: string;
  fn: 'editops' | 'opcodes';
  s1: string;
  s2: string;
  expected: unknown[][] | { error: string };
}

const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/rapidfuzz-api.json', import.meta.url), 'utf8')) as {
  rapidfuzz: string;
  metrics: MetricCase[];
  ops: OpsCase[];
};

/** Sequences as the shim hands them over: strings as code points, other elements as symbol numbers. */
function symbols(a: string | Scalar[], b: string | Scalar[]): [Seq, Seq] {
  if (typeof a === 'string' && typeof b === 'string') return [[...a].map((c) => c.codePointAt(0)!), [...b].map((c) => c.codePointAt(0)!)];
  const table = new Map<string, number>();
  const code = (x: Scalar) => {
    const k = JSON.stringify(x);
    if (!table.has(k)) table.set(k, table.size);
    return table.get(k)!;
  };
  return [[...a].map(code), [...b].map(code)];
}

function optionsOf(k: MetricCase['kwargs']): RfOptions {
  return {
    ...(k.score_cutoff !== undefined ? { scoreCutoff: k.score_cutoff } : {}),
    ...(k.weights ? { weights: k.weights } : {}),
    ...(k.pad !== undefined ? { pad: k.pad } : {}),
    ...(k.prefix_weight !== undefined ? { prefixWeight: k.prefix_weight } : {}),
  };
}

describe(`distance modules against rapidfuzz ${fixture.rapidfuzz}`, () => {
  // TypeErrors are the Python signatures' business (score_hint only exists on Levenshtein; None is not a sequence).
  const cases = fixture.metrics.filter((c) => !(typeof c.expected === 'object' && c.expected.error === 'TypeError'));

  for (const name of RF_METRIC_NAMES) {
    it(`${name}: every case`, () => {
      const mine = cases.filter((c) => c.metric === name);
      expect(mine.length).toBeGreaterThan(500);
      for (const c of mine) {
        let a = c.s1;
        let b = c.s2;
        if (a === null || b === null) {
          // Jaro's functions answer None with their worst score; the fixture says which.
          continue;
        }
        if (c.kwargs.processor) {
          a = default_process(a as string);
          b = default_process(b as string);
        }
        const [s1, s2] = symbols(a, b);
        const what = `${name}.${c.fn}(${JSON.stringify(c.s1)}, ${JSON.stringify(c.s2)}, ${JSON.stringify(c.kwargs)})`;
        if (typeof c.expected === 'object') {
          expect(() => rfMetric(name, c.fn, s1, s2, optionsOf(c.kwargs)), what).toThrow();
          continue;
        }
        const got = rfMetric(name, c.fn, s1, s2, optionsOf(c.kwargs));
        expect(Math.abs(got - c.expected), `${what}: ${got} vs ${c.expected}`).toBeLessThanOrEqual(1e-12);
      }
    });
  }
});

describe('edit operations against rapidfuzz', () => {
  const impl: Record<string, (a: Seq, b: Seq) => EditOp[]> = {
    Levenshtein: levenshteinEditops,
    Indel: lcsEditops,
    LCSseq: lcsEditops,
    Hamming: (a, b) => hammingEditops(a, b),
  };
  it('editops of every pair equal rapidfuzz’s, operation for operation', () => {
    const cases = fixture.ops.filter((c) => c.fn === 'editops');
    expect(cases.length).toBeGreaterThan(400);
    for (const c of cases) {
      const [s1, s2] = symbols(c.s1, c.s2);
      expect(impl[c.metric]!(s1, s2), `${c.metric}.editops(${JSON.stringify(c.s1)}, ${JSON.stringify(c.s2)})`).toEqual(c.expected);
    }
  });
});

describe('uniform Levenshtein (fastest-levenshtein on remapped symbols) equals the weighted DP', () => {
  it('on random sequences with many distinct symbols', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 300; k++) {
      const a = Array.from({ length: rnd(40) }, () => rnd(k % 2 ? 5 : 70000));
      const b = Array.from({ length: rnd(40) }, () => rnd(k % 2 ? 5 : 70000));
      const dp = rfMetric('Levenshtein', 'distance', a, b, { weights: [1, 1, 1] });
      expect(dp).toBe(rfMetric('Levenshtein', 'distance', a, b, { weights: [2, 2, 2] }) / 2);
    }
  });
});
