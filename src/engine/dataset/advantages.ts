/**
 * Group-relative advantages as GRPO computes them from a dataset's rewards, so the dataset view can show what a
 * trainer would actually push on: for each item (a "group" of samples answering the same prompt),
 *
 *     advantage = (reward − mean) / (std + epsilon)
 *
 * Convention implemented by default, the one Hugging Face TRL's GRPOTrainer uses (`scale_rewards="group"`,
 * `trl/trainer/grpo_trainer.py`): mean over the item's samples; std is torch's default `Tensor.std`, the
 * UNBIASED sample std (divides by n − 1); epsilon 1e-4 is added to the std, not to the variance.
 * Options switch to the population std (divides by n), another epsilon, or `scale: 'none'` (mean-centering
 * only, as Dr. GRPO and TRL's `scale_rewards="none"` do).
 *
 * Where we deliberately differ from a literal TRL run: an item whose samples all have exactly the same reward
 * gets advantage 0 with flag `no-variance` (TRL gets (r − mean)/1e-4, which is 0 up to float rounding of the
 * mean), and an item with one sample gets 0 with flag `single-sample` (torch's unbiased std of one value is
 * NaN). A non-finite reward gets 0 with flag `non-finite` and is left out of its item's mean and std.
 * Errored samples count with the reward they got (0), as training sees them. Probe results (`probe` set) are
 * not real answers and are skipped. Linear time; does not judge the rewards (report.ts does).
 */
import { groupItems } from './groups.ts';
import type { GradedSample } from './types.ts';

export interface AdvantageOptions {
  /** Added to the std before dividing (default 1e-4, TRL's). */
  epsilon?: number;
  /** `unbiased` divides the variance by n − 1 (default, torch/TRL); `biased` by n (numpy's default). */
  std?: 'unbiased' | 'biased';
  /** `group` divides by the item's std (default); `none` only subtracts the item's mean. */
  scale?: 'group' | 'none';
}

export type AdvantageFlag = 'no-variance' | 'single-sample' | 'non-finite';

export interface AdvantageRow {
  row: number;
  sampleIndex: number;
  itemKey: string;
  reward: number;
  advantage: number;
  /** Why the advantage is 0 by rule rather than by arithmetic. */
  flag?: AdvantageFlag;
}

/** One row per real (non-probe) result, in input order. */
export function advantages(results: readonly GradedSample[], options: AdvantageOptions = {}): AdvantageRow[] {
  const epsilon = options.epsilon ?? 1e-4;
  const unbiased = (options.std ?? 'unbiased') === 'unbiased';
  const scale = options.scale ?? 'group';
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) throw new RangeError(`epsilon must be a finite number ≥ 0, got ${epsilon}`);

  const { group, n, mean, same, sq } = groupItems(results);
  const out: AdvantageRow[] = [];
  for (let i = 0; i < results.length; i++) {
    const k = group[i]!;
    if (k < 0) continue;
    const r = results[i]!;
    let flag: AdvantageFlag | undefined;
    let advantage = 0;
    if (!Number.isFinite(r.reward)) flag = 'non-finite';
    else if (n[k]! < 2) flag = 'single-sample';
    else if (same[k]) flag = 'no-variance';
    else if (scale === 'none') advantage = r.reward - mean[k]!;
    else {
      const denominator = Math.sqrt(sq[k]! / (unbiased ? n[k]! - 1 : n[k]!)) + epsilon;
      // Zero only with epsilon 0 and differences so small their squares underflow.
      if (denominator === 0) flag = 'no-variance';
      else advantage = (r.reward - mean[k]!) / denominator;
    }
    out.push(
      flag
        ? { row: r.row, sampleIndex: r.sampleIndex, itemKey: r.itemKey, reward: r.reward, advantage, flag }
        : { row: r.row, sampleIndex: r.sampleIndex, itemKey: r.itemKey, reward: r.reward, advantage },
    );
  }
  return out;
}
