/**
 * The dry run's verdict: is this grader worth training on, judged on the base model's own completions? Per group
 * (the k completions of one row): mean, spread (population std) and GRPO advantages (advantages.ts, TRL's
 * convention). Overall: the share of groups whose rewards all agree (GRPO learns nothing from them; TRL logs it
 * as `frac_reward_zero_std`), the mean reward on the reward scale, and the share of each error class (a grader
 * error flag, or a completion that could not be sampled). GO when every check passes; each check carries its
 * value and threshold so the view can show and adjust them. Pure, linear in the results.
 */
import { advantages } from '../dataset/advantages.ts';
import { groupItems } from '../dataset/groups.ts';
import { rewardScale, type GradedSample } from '../dataset/types.ts';

export interface VerdictThresholds {
  /** Mean reward (as a share of the reward scale) must be at least this… */
  minMean: number;
  /** …and at most this: near 0 or near 1 leaves little to learn. */
  maxMean: number;
  /** Share of groups with zero spread, at most. */
  maxZeroSpread: number;
  /** Share of completions in any one error class, at most. */
  maxErrorClass: number;
}

export const DEFAULT_THRESHOLDS: VerdictThresholds = { minMean: 0.1, maxMean: 0.9, maxZeroSpread: 0.2, maxErrorClass: 0.05 };

export interface GroupStats {
  itemKey: string;
  row: number;
  n: number;
  mean: number;
  spread: number;
  advantages: number[];
}

export interface Check {
  id: 'mean-low' | 'mean-high' | 'zero-spread' | 'errors' | 'enough';
  label: string;
  value: number;
  threshold: number;
  pass: boolean;
}

export interface DryRunReport {
  groups: GroupStats[];
  completions: number;
  zeroSpreadShare: number;
  meanReward: number;
  /** Mean reward as a share of the reward scale (0 at its low end, 1 at its high end). */
  meanShare: number;
  scale: { lo: number; hi: number };
  /** Error class → share of all completions asked for (graded or failed to sample). */
  errorShares: Record<string, number>;
  errorShare: number;
  checks: Check[];
  verdict: 'GO' | 'NO-GO';
  highest: GradedSample[];
  lowest: GradedSample[];
}

/**
 * `samplingFailures`: completions that could not be sampled, by kind (`rate_limit`, `malformed`, …); they count
 * as errors of the class `sampling:<kind>`.
 */
export function dryRunReport(
  results: readonly GradedSample[],
  samplingFailures: Record<string, number> = {},
  thresholds: VerdictThresholds = DEFAULT_THRESHOLDS,
  options: { show?: number; rewardRange?: [number, number] } = {},
): DryRunReport {
  const real = results.filter((r) => r.probe === undefined);
  const g = groupItems(real);
  const adv = advantages(real);
  const byGroup: number[][] = g.keys.map(() => []);
  adv.forEach((a, i) => byGroup[g.group[i]!]!.push(a.advantage));
  const groups: GroupStats[] = g.keys.map((itemKey, k) => ({
    itemKey,
    row: g.firstRow[k]!,
    n: g.n[k]!,
    mean: g.mean[k]!,
    spread: g.n[k]! > 0 ? Math.sqrt(g.sq[k]! / g.n[k]!) : 0,
    advantages: byGroup[k]!,
  }));
  const counted = groups.filter((x) => x.n > 0);
  const zero = counted.filter((x) => x.n < 2 || g.same[g.index.get(x.itemKey)!]).length;
  const zeroSpreadShare = counted.length ? zero / counted.length : 0;

  const finite = real.filter((r) => Number.isFinite(r.reward));
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of finite) {
    sum += r.reward;
    if (r.reward < min) min = r.reward;
    if (r.reward > max) max = r.reward;
  }
  const meanReward = finite.length ? sum / finite.length : 0;
  const scale = rewardScale(finite.length ? min : null, finite.length ? max : null, options.rewardRange);
  const meanShare = scale.hi > scale.lo ? (meanReward - scale.lo) / (scale.hi - scale.lo) : 0;

  const failures = Object.values(samplingFailures).reduce((a, b) => a + b, 0);
  const asked = real.length + failures;
  const errorCounts: Record<string, number> = {};
  let errored = 0;
  for (const r of real) {
    if (r.errorFlags.length) errored++;
    for (const f of r.errorFlags) errorCounts[f] = (errorCounts[f] ?? 0) + 1;
  }
  for (const [kind, n] of Object.entries(samplingFailures)) if (n > 0) errorCounts[`sampling:${kind}`] = n;
  const errorShares: Record<string, number> = {};
  for (const [k, n] of Object.entries(errorCounts)) errorShares[k] = asked ? n / asked : 0;
  const worst = Math.max(0, ...Object.values(errorShares));

  const t = thresholds;
  const checks: Check[] = [
    { id: 'enough', label: 'completions graded', value: finite.length, threshold: 1, pass: finite.length >= 1 },
    { id: 'mean-low', label: 'mean reward (share of scale) at least', value: meanShare, threshold: t.minMean, pass: meanShare >= t.minMean },
    { id: 'mean-high', label: 'mean reward (share of scale) at most', value: meanShare, threshold: t.maxMean, pass: meanShare <= t.maxMean },
    { id: 'zero-spread', label: 'groups with zero spread, at most', value: zeroSpreadShare, threshold: t.maxZeroSpread, pass: zeroSpreadShare <= t.maxZeroSpread },
    { id: 'errors', label: 'largest error class, at most', value: worst, threshold: t.maxErrorClass, pass: worst <= t.maxErrorClass },
  ];
  const show = options.show ?? 5;
  const sorted = [...finite].sort((a, b) => b.reward - a.reward || a.row - b.row || a.sampleIndex - b.sampleIndex);
  const lowest = [...finite].sort((a, b) => a.reward - b.reward || a.row - b.row || a.sampleIndex - b.sampleIndex);
  return {
    groups,
    completions: real.length,
    zeroSpreadShare,
    meanReward,
    meanShare,
    scale: { lo: scale.lo, hi: scale.hi },
    errorShares,
    errorShare: asked ? (errored + failures) / asked : 0,
    checks,
    verdict: checks.every((c) => c.pass) ? 'GO' : 'NO-GO',
    highest: sorted.slice(0, show),
    lowest: lowest.slice(0, show),
  };
}
