import { describe, expect, it } from 'vitest';
import { suiteReport } from './report.ts';
import { runCases } from './run.ts';
import type { TestCase } from './types.ts';

const grader = {
  type: 'string_check',
  name: 'capital',
  input: '{{ sample.output_text }}',
  reference: '{{ item.answer }}',
  operation: 'ilike',
  pass_threshold: 1,
};
const item = '{"answer": "Paris"}';
const cases: TestCase[] = [
  { name: 'exact answer', sample: '{"output_text": "Paris"}', expect: { kind: 'exact', reward: 1 } },
  { name: 'model text', sample: '"The capital is paris."', expect: { kind: 'passes', passes: true } },
  { name: 'wrong', sample: '{"output_text": "Lyon"}', expect: { kind: 'below', than: 'exact answer' } },
  { name: 'other item', sample: '{"output_text": "Rome"}', item: '{"answer": "Rome"}', expect: { kind: 'exact', reward: 1 } },
  { name: 'wrong expectation', sample: '{"output_text": "Lyon"}', expect: { kind: 'range', min: 0.5 } },
  { name: 'broken sample', sample: '{"output_text": ', expect: { kind: 'exact', reward: 0 } },
];

describe('runCases', () => {
  it('grades each case with the engine and checks it', async () => {
    const s = await runCases(grader, cases, item);
    expect(s.results.map((r) => [r.name, r.verdict, r.reward])).toEqual([
      ['exact answer', 'pass', 1],
      ['model text', 'pass', 1],
      ['wrong', 'pass', 0],
      ['other item', 'pass', 1],
      ['wrong expectation', 'fail', 0],
      ['broken sample', 'fail', undefined],
    ]);
    expect(s.results[5]!.reason).toMatch(/^the sample is not valid JSON/);
  });

  it('writes a readable report', async () => {
    const s = await runCases(grader, cases, item);
    const text = suiteReport(s, ['line 9 is not JSON']);
    expect(text).toContain('! skipped: line 9 is not JSON\n');
    expect(text).toContain('✓ exact answer\n');
    expect(text).toContain('✗ wrong expectation\n    expected reward ≥ 0.5, got reward 0\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('4/6 tests pass (2 failed)');
  });

  it('an invalid grader fails every case with its error flag', async () => {
    const s = await runCases({ type: 'string_check' }, cases.slice(0, 1), item);
    expect(s.results[0]!.verdict).toBe('fail');
    expect(s.results[0]!.flags.length).toBeGreaterThan(0);
  });
});
