import { describe, expect, it } from 'vitest';
import { checkCases } from './expect.ts';
import { probeCase, uniqueCaseName } from './new-case.ts';

describe('uniqueCaseName', () => {
  it('keeps a free name and numbers a taken one past every number in use', () => {
    expect(uniqueCaseName([], 'good')).toBe('good');
    expect(uniqueCaseName([{ name: 'good' }], 'good')).toBe('good (2)');
    expect(uniqueCaseName([{ name: 'good' }, { name: 'good (2)' }], 'good')).toBe('good (3)');
  });
});

describe('probeCase', () => {
  const finding = { probe: 'shuffled-reference', row: 4, sample: '{"output_text": "Paris capital is"}', item: '{"answer": "Paris is the capital"}' };

  it("keeps the probe's sample and item as text and names the probe and its line", () => {
    const c = probeCase(finding, [], 0.5);
    expect(c).toEqual({ name: 'probe: shuffled-reference, line 5', sample: finding.sample, item: finding.item, expect: { kind: 'passes', passes: false } });
    expect(probeCase(finding, [c], 0.5).name).toBe('probe: shuffled-reference, line 5 (2)');
  });

  it('expects the bottom of the scale from a grader without a threshold', () => {
    expect(probeCase(finding, [], undefined).expect).toEqual({ kind: 'range', max: 0 });
    expect(probeCase(finding, [], undefined, -1).expect).toEqual({ kind: 'range', max: -1 });
  });

  it('fails while the grader is fooled and passes once it is not', () => {
    const withThreshold = probeCase(finding, [], 0.5);
    expect(checkCases([withThreshold], [{ reward: 0.8, flags: [] }], 0.5).passed).toBe(0);
    expect(checkCases([withThreshold], [{ reward: 0.2, flags: [] }], 0.5).passed).toBe(1);
    const without = probeCase(finding, [], undefined);
    expect(checkCases([without], [{ reward: 0.3, flags: [] }], undefined).passed).toBe(0);
    expect(checkCases([without], [{ reward: 0, flags: [] }], undefined).passed).toBe(1);
  });
});
