import { describe, expect, it } from 'vitest';
import { checkCases, describeExpectation, passThresholdOf, suiteSummary } from './expect.ts';
import type { CaseRun, TestCase } from './types.ts';

const c = (name: string, expect: TestCase['expect']): TestCase => ({ name, sample: '{}', expect });
const ok = (reward: number): CaseRun => ({ reward, flags: [] });

describe('checkCases', () => {
  it('exact reward, with and without tolerance', () => {
    const s = checkCases(
      [c('a', { kind: 'exact', reward: 1 }), c('b', { kind: 'exact', reward: 0.5, tolerance: 0.01 }), c('c', { kind: 'exact', reward: 0.5 })],
      [ok(1), ok(0.505), ok(0.505)],
      undefined,
    );
    expect(s.results.map((r) => r.verdict)).toEqual(['pass', 'pass', 'fail']);
    expect(s.results[2]!.reason).toBe('expected reward 0.5, got reward 0.505');
    expect(s).toMatchObject({ passed: 2, total: 3 });
  });

  it('range with one or two bounds, inclusive', () => {
    const s = checkCases(
      [c('lo', { kind: 'range', min: 0.5 }), c('hi', { kind: 'range', max: 0.2 }), c('both', { kind: 'range', min: 0.2, max: 0.5 })],
      [ok(0.5), ok(0.3), ok(0.2)],
      undefined,
    );
    expect(s.results.map((r) => r.verdict)).toEqual(['pass', 'fail', 'pass']);
    expect(s.results[1]!.reason).toBe('expected reward ≤ 0.2, got reward 0.3');
  });

  it('passes the threshold; an errored grade never passes', () => {
    const s = checkCases(
      [c('good', { kind: 'passes', passes: true }), c('bad', { kind: 'passes', passes: false }), c('err', { kind: 'passes', passes: true })],
      [ok(0.8), ok(0.7), { reward: 1, flags: ['python_grader_runtime_error'], message: 'boom' }],
      0.75,
    );
    expect(s.results.map((r) => r.verdict)).toEqual(['pass', 'pass', 'fail']);
    expect(s.results[2]!.reason).toContain('the grade failed: python_grader_runtime_error: boom');
  });

  it('passes needs a threshold', () => {
    const s = checkCases([c('x', { kind: 'passes', passes: true })], [ok(1)], undefined);
    expect(s.results[0]!.reason).toMatch(/no pass_threshold/);
  });

  it('scores below another case, strictly', () => {
    const cases = [c('good', { kind: 'range', min: 0 }), c('gaming', { kind: 'below', than: 'good' }), c('tie', { kind: 'below', than: 'good' })];
    const s = checkCases(cases, [ok(0.9), ok(0.2), ok(0.9)], undefined);
    expect(s.results.map((r) => r.verdict)).toEqual(['pass', 'pass', 'fail']);
    expect(s.results[2]!.reason).toBe('expected scores below "good", got reward 0.9 vs 0.9');
  });

  it('below a missing case, itself, or an ungraded one fails with a reason', () => {
    const cases = [c('a', { kind: 'below', than: 'nope' }), c('b', { kind: 'below', than: 'b' }), c('c', { kind: 'below', than: 'd' }), c('d', { kind: 'exact', reward: 1 })];
    const s = checkCases(cases, [ok(0), ok(0), ok(0), undefined], undefined);
    expect(s.results.map((r) => r.reason)).toEqual([
      'expected scores below "nope", but there is no case named "nope"',
      'a case cannot score below itself',
      'expected scores below "d", but "d" was not graded',
      'not graded: expected reward 1',
    ]);
  });

  it('an unreadable case fails with its message', () => {
    const s = checkCases([c('a', { kind: 'exact', reward: 0 })], [{ reward: 0, flags: ['invalid_case'], message: 'the sample is not valid JSON' }], undefined);
    expect(s.results[0]).toMatchObject({ verdict: 'fail', reason: 'the sample is not valid JSON' });
  });
});

describe('summary and helpers', () => {
  it('says how many pass', () => {
    expect(suiteSummary({ passed: 7, total: 8 })).toBe('7/8 tests pass');
    expect(suiteSummary({ passed: 1, total: 1 })).toBe('1/1 tests pass');
    expect(suiteSummary({ passed: 0, total: 0 })).toBe('no tests');
  });
  it('describes expectations', () => {
    expect(describeExpectation({ kind: 'exact', reward: 1, tolerance: 0.1 })).toBe('reward 1 ± 0.1');
    expect(describeExpectation({ kind: 'range', min: 0, max: 1 })).toBe('reward in [0, 1]');
    expect(describeExpectation({ kind: 'passes', passes: false })).toBe('stays below the threshold');
  });
  it('reads the pass threshold from grader text', () => {
    expect(passThresholdOf('{"type":"string_check","pass_threshold":0.5}')).toBe(0.5);
    expect(passThresholdOf('{"type":"string_check"}')).toBeUndefined();
    expect(passThresholdOf('{oops')).toBeUndefined();
  });
});
