import { describe, expect, it } from 'vitest';
import { advantages } from './advantages.ts';
import { gradedFromColumns, packAdvantages, packResults, unpackAdvantages } from './columns.ts';

const results = [
  { row: 0, sampleIndex: 0, reward: 0.25, flags: [] },
  { row: 0, sampleIndex: 1, reward: 1, flags: [], label: 'yes' },
  { row: 3, sampleIndex: 0, reward: 0, flags: ['python_grader_runtime_error', 'other_error'] },
  { row: 4, sampleIndex: 0, reward: Number.NaN, flags: ['other_error'] },
  { row: 5, sampleIndex: 0, reward: 0.5, flags: [] },
  { row: 5, sampleIndex: 1, reward: 0.5, flags: [] },
];

describe('result columns', () => {
  it('pack the results and give back the analyses input exactly', () => {
    const c = packResults(results);
    expect(c.flagNames).toEqual(['python_grader_runtime_error', 'other_error']);
    expect(Array.from(c.flagStart)).toEqual([0, 0, 0, 2, 3, 3, 3]);
    expect(gradedFromColumns(c)).toEqual(
      results.map((r) => ({ row: r.row, sampleIndex: r.sampleIndex, itemKey: String(r.row), reward: r.reward, errorFlags: r.flags, ...(r.label ? { label: r.label } : {}) })),
    );
  });

  it('leave labels out when no result has one', () => {
    expect(packResults(results.filter((r) => !('label' in r))).labels).toBeUndefined();
  });

  it('round-trip advantages with their flags, in slices', () => {
    const rows = advantages(gradedFromColumns(packResults(results)));
    expect(rows.some((r) => r.flag === 'non-finite') && rows.some((r) => r.flag === 'no-variance') && rows.some((r) => r.flag === 'single-sample')).toBe(true);
    const packed = packAdvantages(rows);
    expect([...unpackAdvantages(packed, 0, 2), ...unpackAdvantages(packed, 2)]).toEqual(rows);
  });
});
