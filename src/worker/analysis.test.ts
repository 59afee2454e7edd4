import { describe, expect, it } from 'vitest';
import { advantages, readinessReport, type GradedSample } from '../engine/dataset/index.ts';
import { analyzeResults } from './analysis.ts';

describe('analyzeResults', () => {
  it('gives the report and the advantages the analyses give on the results themselves', async () => {
    const results = Array.from({ length: 25_003 }, (_, i) => ({
      row: Math.floor(i / 3),
      sampleIndex: i % 3,
      reward: ((i * 7919) % 101) / 100,
      flags: i % 17 === 0 ? ['other_error'] : [],
      ...(i % 5 === 0 ? { label: i % 2 ? 'good' : 'bad' } : {}),
    }));
    const graded: GradedSample[] = results.map((r) => ({ row: r.row, sampleIndex: r.sampleIndex, itemKey: String(r.row), reward: r.reward, errorFlags: r.flags, ...(r.label ? { label: r.label } : {}) }));
    const out = await analyzeResults(results, 0.6);
    expect(out.report).toEqual(readinessReport(graded, { passThreshold: 0.6 }));
    expect(out.advantages).toEqual(advantages(graded));
  });

  it('reports nothing for no results', async () => {
    expect(await analyzeResults([], 0.5)).toEqual({ report: null, advantages: [] });
  });
});
