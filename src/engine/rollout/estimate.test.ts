import { describe, expect, it } from 'vitest';
import { estimateDryRun } from './estimate.ts';
import type { JsonObject } from '../types.ts';

describe('estimateDryRun', () => {
  const rows: JsonObject[] = [
    { messages: [{ role: 'user', content: 'x'.repeat(100) }] },
    { messages: [{ role: 'user', content: 'y' }] },
    { prompt: 'no messages' },
  ];
  it('counts requests of usable rows, prompt tokens at 4 characters each, and the completion and cost bounds', () => {
    const e = estimateDryRun(rows, 8, 100, { input: 2, output: 10 });
    // [{"role":"user","content":"xxx…"}] is 130 characters (33 tokens); the short one 31 (8 tokens).
    expect(e).toEqual({ rows: 3, unusable: 1, requests: 16, promptTokens: (33 + 8) * 8, maxCompletionTokens: 1600, maxCost: (328 * 2 + 1600 * 10) / 1e6 });
  });
  it('gives no cost bound without prices or without a token limit', () => {
    expect(estimateDryRun(rows, 2, null, { input: 1, output: 1 }).maxCost).toBeNull();
    expect(estimateDryRun(rows, 2, 50).maxCost).toBeNull();
  });
});
