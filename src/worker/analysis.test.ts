import { describe, expect, it } from 'vitest';
import { advantages, readinessReport, type GradedSample } from '../engine/dataset/index.ts';
import { analyzeResults } from './analysis.ts';
import { PER_ITEM_KEPT } from './analysis-job.ts';
import { resultKey } from '../engine/dataset/columns.ts';

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
    const full = readinessReport(graded, { passThreshold: 0.6 });
    expect(full.items.perItem.length).toBeGreaterThan(PER_ITEM_KEPT);
    // All of the report but the per-item stats past the first PER_ITEM_KEPT items (the view draws those).
    expect(out.report).toEqual({ ...full, items: { count: full.items.count, perItem: full.items.perItem.slice(0, PER_ITEM_KEPT) } });
    expect(out.advantages).toEqual(advantages(graded));
    expect(out.advantageOf).toEqual(new Map(advantages(graded).map((a) => [resultKey(a.row, a.sampleIndex), a.advantage])));
  });

  it('reports nothing for no results', async () => {
    expect(await analyzeResults([], 0.5)).toEqual({ report: null, advantages: [], advantageOf: new Map() });
  });
});
