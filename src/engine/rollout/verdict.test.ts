import { describe, expect, it } from 'vitest';
import type { GradedSample } from '../dataset/types.ts';
import { DEFAULT_THRESHOLDS, dryRunReport } from './verdict.ts';

const g = (row: number, rewards: number[], flags: string[][] = []): GradedSample[] =>
  rewards.map((reward, sampleIndex) => ({ row, sampleIndex, itemKey: String(row), reward, errorFlags: flags[sampleIndex] ?? [] }));

describe('dryRunReport', () => {
  it('gives per-group mean, spread and TRL advantages, and GO when rewards spread within groups', () => {
    const results = [...g(0, [0, 1, 0, 1]), ...g(1, [0.25, 0.75, 0.5, 0.5]), ...g(2, [1, 0, 0, 0])];
    const r = dryRunReport(results);
    expect(r.groups[0]).toMatchObject({ itemKey: '0', row: 0, n: 4, mean: 0.5, spread: 0.5 });
    // TRL: (r − mean) / (unbiased std + 1e-4); unbiased std of [0,1,0,1] is sqrt(1/3).
    const s = Math.sqrt(1 / 3) + 1e-4;
    expect(r.groups[0]!.advantages).toEqual([-0.5 / s, 0.5 / s, -0.5 / s, 0.5 / s]);
    expect(r.zeroSpreadShare).toBe(0);
    expect(r.meanReward).toBeCloseTo(5 / 12, 15);
    expect(r.verdict).toBe('GO');
    expect(r.highest.map((x) => [x.row, x.sampleIndex])).toEqual([[0, 1], [0, 3], [2, 0], [1, 1], [1, 2]]);
    expect(r.lowest[0]).toMatchObject({ row: 0, sampleIndex: 0, reward: 0 });
  });

  it('says NO-GO when groups have no spread, naming the failed check; the thresholds move the verdict', () => {
    const results = [...g(0, [1, 1, 1]), ...g(1, [0, 0, 0]), ...g(2, [0, 1, 1])];
    const r = dryRunReport(results);
    expect(r.zeroSpreadShare).toBeCloseTo(2 / 3, 15);
    expect(r.verdict).toBe('NO-GO');
    expect(r.checks.filter((c) => !c.pass).map((c) => c.id)).toEqual(['zero-spread']);
    expect(dryRunReport(results, {}, { ...DEFAULT_THRESHOLDS, maxZeroSpread: 0.7 }).verdict).toBe('GO');
  });

  it('counts grader error flags and sampling failures as error classes over all completions asked for', () => {
    const results = [...g(0, [0, 1], [['python_grader_runtime_error'], []]), ...g(1, [0, 1])];
    const r = dryRunReport(results, { rate_limit: 1 });
    expect(r.errorShares).toEqual({ python_grader_runtime_error: 0.2, 'sampling:rate_limit': 0.2 });
    expect(r.errorShare).toBeCloseTo(0.4, 15);
    expect(r.checks.find((c) => c.id === 'errors')).toMatchObject({ value: 0.2, pass: false });
    expect(r.verdict).toBe('NO-GO');
  });

  it('flags a mean reward near either end of the scale, and nothing graded at all', () => {
    expect(dryRunReport(g(0, [0, 0, 0.1, 0])).checks.find((c) => !c.pass)!.id).toBe('mean-low');
    expect(dryRunReport([...g(0, [1, 1, 0.9]), ...g(1, [1, 0.95, 1])]).checks.filter((c) => !c.pass).map((c) => c.id)).toEqual(['mean-high']);
    const empty = dryRunReport([], { malformed: 3 });
    expect(empty.verdict).toBe('NO-GO');
    expect(empty.errorShares).toEqual({ 'sampling:malformed': 1 });
  });
});
