import { describe, expect, it } from 'vitest';
import { flagProbes } from './probe-flags.ts';
import { flagProbes as reexported } from './probes.ts';
import type { GradedSample } from './types.ts';

const real = (itemKey: string, rewards: number[]): GradedSample[] =>
  rewards.map((reward, j) => ({ row: Number(itemKey), sampleIndex: j, itemKey, reward, errorFlags: [] }));
const probe = (itemKey: string, kind: string, reward: number, errorFlags: string[] = []): GradedSample => ({
  row: Number(itemKey),
  sampleIndex: 100,
  itemKey,
  reward,
  errorFlags,
  probe: kind,
});

describe('flagProbes', () => {
  const reals = [...real('0', [0.2, 0.6, 1]), ...real('1', [0, 0, 0.3]), ...real('2', [0.9, 1])];

  it('flags a probe in the upper half of the scale as a danger when it matches the best real answer', () => {
    const r = flagProbes([probe('0', 'empty', 1)], reals);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ itemKey: '0', row: 0, sampleIndex: 100, probe: 'empty', reward: 1, severity: 'danger', realMax: 1 });
    expect(r.flags[0]!.realMean).toBeCloseTo(0.6, 14);
    expect(r.flags[0]!.reason).toBe(
      'An empty answer scores 1, as much as the best real answer to this item (1): the grader probably compares ' +
        'against a field that is missing or empty (check the template paths against the item), or a python grader ' +
        'returns a default score when it cannot parse the answer.',
    );
  });

  it('flags as a warning a probe in the upper half that is below the best real answer', () => {
    const r = flagProbes([probe('0', 'padded-reference', 0.5)], reals);
    expect(r.flags[0]).toMatchObject({ severity: 'warning' });
    expect(r.flags[0]!.reason).toMatch(/^The reference followed by thousands of characters of padding scores 0\.5, in the upper half of the 0–1 scale: /);
  });

  it('does not flag a low probe that only matches a hard item: 0.1 against a run that averages 0.59', () => {
    // Item h is hard (its real answers score 0 and 0.1); the run's real answers average 0.59.
    const run = [...real('h', [0, 0.1]), ...real('e1', [1, 1]), ...real('e2', [0.9, 0.54])];
    expect(run.reduce((a, r) => a + r.reward, 0) / run.length).toBeCloseTo(0.59, 12);
    const r = flagProbes([probe('h', 'shuffled-reference', 0.1)], run);
    expect(r.flags).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.byKind).toEqual([{ probe: 'shuffled-reference', count: 1, flagged: 0, meanReward: 0.1, maxReward: 0.1 }]);
  });

  it('flags a probe below the upper half that reaches both its item mean and the mean of the whole run', () => {
    const low = [...real('a', [0.1, 0.3]), ...real('b', [0.2, 0.4])]; // run mean 0.25
    const r = flagProbes([probe('a', 'shuffled-reference', 0.3), probe('b', 'repeated-tokens', 0.3), probe('a', 'empty', 0.22)], low);
    expect(r.flags.map((f) => [f.probe, f.severity, f.reward])).toEqual([
      ['shuffled-reference', 'warning', 0.3],
      ['repeated-tokens', 'warning', 0.3],
    ]);
    expect(r.flags[0]!.reason).toMatch(/scores 0\.3, as much as the best real answer to this item \(0\.3\): the grader counts shared words/);
    expect(r.flags[1]!.reason).toMatch(/scores 0\.3, at least the mean of the real answers to this item \(0\.3\)/);
    // Not in the upper half: the warning does not call it a high score.
    expect(r.warnings[0]!.message).toMatch(/^The reference's words in a random order scored as well as the real answers on 1 of 1 probed items/);
    expect(r.warnings.map((w) => w.message).join(' ')).not.toMatch(/scored high/);
  });

  it('does not flag a probe at the bottom of the scale, below the real mean and half, or errored', () => {
    const r = flagProbes(
      [probe('0', 'empty', 0), probe('0', 'whitespace', 0.3), probe('2', 'long-generic', 0.45), probe('1', 'judge-injection', 1, ['model_grader_parse_error'])],
      reals,
    );
    expect(r.flags).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('treats a probe of an item without real samples by the scale alone', () => {
    const r = flagProbes([probe('9', 'judge-injection', 0.8), probe('9', 'empty', 0.2)], reals);
    expect(r.flags.map((f) => [f.probe, f.severity, f.realMean])).toEqual([['judge-injection', 'danger', null]]);
  });

  it('uses a declared range, or [0, 1] widened to every reward seen', () => {
    const tenScale = [...real('0', [2, 4, 6])];
    expect(flagProbes([probe('0', 'empty', 5)], tenScale, { rewardRange: [0, 10] }).flags[0]!.reason).toMatch(/scores 5, at least the mean/);
    expect(flagProbes([probe('0', 'empty', 3)], tenScale, { rewardRange: [0, 10] }).flags).toEqual([]);
    // Without a range, rewards up to 6 make the scale 0–6: 3 is in the upper half.
    const assumed = flagProbes([probe('0', 'empty', 3)], tenScale);
    expect(assumed.scale).toEqual({ lo: 0, hi: 6, source: 'assumed' });
    expect(assumed.flags[0]!.reason).toMatch(/in the upper half of the 0–6 scale/);
  });

  it('summarises by kind and writes one warning per flagged kind, dangers first', () => {
    const probes = [
      probe('0', 'empty', 0),
      probe('1', 'empty', 0),
      probe('2', 'empty', 0),
      probe('0', 'reference-with-extra', 0.7),
      probe('1', 'reference-with-extra', 1),
      probe('2', 'reference-with-extra', 1),
      probe('1', 'custom-probe', 0.6),
      probe('2', 'constructor', 0.9),
    ];
    const r = flagProbes(probes, reals);
    expect(r.byKind).toEqual([
      { probe: 'empty', count: 3, flagged: 0, meanReward: 0, maxReward: 0 },
      { probe: 'reference-with-extra', count: 3, flagged: 3, meanReward: 0.9, maxReward: 1 },
      { probe: 'custom-probe', count: 1, flagged: 1, meanReward: 0.6, maxReward: 0.6 },
      { probe: 'constructor', count: 1, flagged: 1, meanReward: 0.9, maxReward: 0.9 },
    ]);
    expect(r.flags.map((f) => [f.probe, f.itemKey, f.severity])).toEqual([
      ['reference-with-extra', '1', 'danger'],
      ['reference-with-extra', '2', 'danger'],
      ['custom-probe', '1', 'danger'], // dangers by reward: 1, 1, 0.6; then warnings: 0.9, 0.7
      ['constructor', '2', 'warning'],
      ['reference-with-extra', '0', 'warning'],
    ]);
    expect(r.warnings.map((w) => [w.id, w.severity])).toEqual([
      ['probe-reference-with-extra', 'danger'],
      ['probe-custom-probe', 'danger'],
      ['probe-constructor', 'warning'],
    ]);
    expect(r.warnings[0]!.message).toBe(
      'The reference hedged between unrelated text scored high on 3 of 3 probed items (100%, best 1 on the 0–1 ' +
        'scale): the grader accepts any answer that contains the reference, so a model can list several candidates ' +
        'and still get credit; compare the extracted final answer, not containment.',
    );
    expect(r.warnings[1]!.message).toMatch(/^The probe "custom-probe" scored high on 1 of 1 probed items/);
    expect(r.warnings[2]!.message).toMatch(/^The probe "constructor" scored high .*: a deliberately bad answer should not score this high/);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('is re-exported from probes.ts', () => {
    expect(reexported).toBe(flagProbes);
  });
});
