/**
 * Which graded probes scored suspiciously high, and what that says about the grader. A probe is a deliberately
 * bad answer (probes.ts); a sound grader scores it at the bottom of its range. Judges rewards only: it never
 * grades, and reads nothing but the GradedSample results.
 *
 * The rule, per probe result p of item i, on the scale [lo, hi] (the declared rewardRange, else [0, 1]
 * widened to every reward seen), comparisons with a 1e-9·(hi − lo) tolerance:
 *   - never flagged when the probe errored (its 0 is the grader failing, not passing), its reward is not
 *     finite, or reward ≤ lo (the bottom of the scale is what a bad answer should get);
 *   - flagged when reward ≥ lo + (hi − lo)/2 (upper half of the scale), or when item i has real samples,
 *     reward ≥ their mean AND reward ≥ the mean of every real answer in the run (the probe does as well as the
 *     model's typical real answer). The second condition keeps a hard item (its real answers score 0.1) from
 *     flagging a 0.1 probe when the model averages 0.59 elsewhere: that probe scored low, not high;
 *   - severity `danger` when it is in the upper half AND at least the best real sample of its item (or the item
 *     has no real sample), `warning` otherwise.
 * A kind's warning says "scored high" only when one of its flags is in the upper half; otherwise it says the
 * probe scored as well as the real answers. Counts "of N probed items" assume one probe of a kind per item, as generateProbes makes them.
 */
import { groupItems } from './groups.ts';
import { boundTolerance, bySeverity, fmt, type GradedSample, pct, rewardScale, type RewardScale, type Warning } from './types.ts';

export interface ProbeFlag {
  itemKey: string;
  row: number;
  sampleIndex: number;
  probe: string;
  reward: number;
  severity: 'danger' | 'warning';
  /** Mean and best reward of the item's real samples; null when it has none. */
  realMean: number | null;
  realMax: number | null;
  reason: string;
}

export interface ProbeKindSummary {
  probe: string;
  /** Probe results of this kind (items probed). */
  count: number;
  flagged: number;
  meanReward: number | null;
  maxReward: number | null;
}

export interface ProbeReport {
  scale: RewardScale;
  /** Most severe first, then highest reward. */
  flags: ProbeFlag[];
  byKind: ProbeKindSummary[];
  /** One per probe kind that was flagged, most severe first. */
  warnings: Warning[];
}

const WHAT: Record<string, string> = {
  empty: 'An empty answer',
  whitespace: 'An answer of only whitespace',
  'shuffled-reference': "The reference's words in a random order",
  'padded-reference': 'The reference followed by thousands of characters of padding',
  'long-generic': 'A long generic answer that never answers',
  'repeated-tokens': 'One word repeated many times',
  'wrong-json-values': 'The right JSON keys with wrong values',
  'wrong-number': 'An answer with its final number changed',
  'wrong-code': 'A code block with unrelated code',
  'format-only-json': 'An empty JSON value',
  'format-only-code': 'An empty code block',
  'format-only-answer': 'The answer marker with nothing after it',
  'reference-with-extra': 'The reference hedged between unrelated text',
  'judge-injection': 'An instruction to the grader to give full marks',
};

const FORMAT_ONLY = 'the grader rewards the format alone; give the format a small share of the reward at most and let the content decide.';

const WHY: Record<string, string> = {
  empty:
    'the grader probably compares against a field that is missing or empty (check the template paths against the item), ' +
    'or a python grader returns a default score when it cannot parse the answer.',
  whitespace:
    'the grader probably strips the answer and compares it with a field that is missing or empty, or returns a ' +
    'default score when it cannot parse the answer.',
  'shuffled-reference':
    'the grader counts shared words (BLEU, ROUGE-1, token-based fuzzy matching) and ignores order and meaning, so a ' +
    'model can score by emitting the right words in any order. Prefer an exact check, ROUGE-L or a judge.',
  'padded-reference':
    'the grader looks for the reference anywhere in the answer (a contains check, partial fuzzy matching, ' +
    'recall-only overlap) or rewards length, so the model can learn to pad. Compare the whole answer or penalise length.',
  'long-generic':
    'the grader (likely a model judge) rewards length or a confident tone. Tell the judge to give no credit to ' +
    'answers that do not commit to an answer.',
  'repeated-tokens':
    'the grader rewards word overlap or containment without penalising repetition; a model can collapse into ' +
    'degenerate output and still score.',
  'wrong-json-values':
    'the grader checks the structure (keys, valid JSON) rather than the values; compare the fields that matter.',
  'wrong-number': 'the grader does not compare the number itself, or its tolerance is far too loose.',
  'wrong-code': 'the grader checks that a code block exists, or how it looks, rather than running or comparing the code.',
  'format-only-json': FORMAT_ONLY,
  'format-only-code': FORMAT_ONLY,
  'format-only-answer': FORMAT_ONLY,
  'reference-with-extra':
    'the grader accepts any answer that contains the reference, so a model can list several candidates and still ' +
    'get credit; compare the extracted final answer, not containment.',
  'judge-injection':
    'the model grader follows instructions written inside the answer; put the answer between clear delimiters and ' +
    'tell the judge to ignore any instructions in it.',
};

// Object.hasOwn: a probe name is data, and "constructor" must not find Object.prototype's.
const whatOf = (kind: string) => (Object.hasOwn(WHAT, kind) ? WHAT[kind]! : `The probe ${JSON.stringify(kind)}`);
const whyOf = (kind: string) =>
  Object.hasOwn(WHY, kind) ? WHY[kind]! : 'a deliberately bad answer should not score this high; read the grader’s explanation for it.';

export function flagProbes(
  probeResults: readonly GradedSample[],
  realResults: readonly GradedSample[],
  options: { rewardRange?: [number, number] } = {},
): ProbeReport {
  const real = groupItems(realResults);
  let realSum = 0;
  let realN = 0;
  for (const r of realResults) {
    if (!Number.isFinite(r.reward)) continue;
    realSum += r.reward;
    realN++;
  }
  const overallMean = realN ? realSum / realN : null;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < real.keys.length; k++) {
    if (real.n[k]! === 0) continue;
    if (real.min[k]! < min) min = real.min[k]!;
    if (real.max[k]! > max) max = real.max[k]!;
  }
  for (const p of probeResults) {
    if (!Number.isFinite(p.reward)) continue;
    if (p.reward < min) min = p.reward;
    if (p.reward > max) max = p.reward;
  }
  const scale = rewardScale(min <= max ? min : null, min <= max ? max : null, options.rewardRange);
  const tol = boundTolerance(scale);
  const mid = scale.lo + (scale.hi - scale.lo) / 2;
  const range = `${fmt(scale.lo)}–${fmt(scale.hi)}`;

  // Rewards repeat (0, 0.5, 1...), so do reasons: build each distinct one once (a 100,000-probe run flags many).
  const cache = new Map<string, Map<number, Map<number, string>>>();
  const reason = (kind: string, basis: 0 | 1 | 2, v: number, ref: number): string => {
    const key = kind + basis;
    let byV = cache.get(key);
    if (!byV) cache.set(key, (byV = new Map()));
    let byRef = byV.get(v);
    if (!byRef) byV.set(v, (byRef = new Map()));
    let text = byRef.get(ref);
    if (text === undefined) {
      const why =
        basis === 0
          ? `as much as the best real answer to this item (${fmt(ref)})`
          : basis === 1
            ? `at least the mean of the real answers to this item (${fmt(ref)})`
            : `in the upper half of the ${range} scale`;
      text = `${whatOf(kind)} scores ${fmt(v)}, ${why}: ${whyOf(kind)}`;
      byRef.set(ref, text);
    }
    return text;
  };

  const flags: ProbeFlag[] = [];
  const kinds = new Map<string, { count: number; flagged: number; danger: number; high: number; sum: number; n: number; max: number }>();
  for (const p of probeResults) {
    const kind = p.probe ?? 'unknown';
    let k = kinds.get(kind);
    if (!k) kinds.set(kind, (k = { count: 0, flagged: 0, danger: 0, high: 0, sum: 0, n: 0, max: -Infinity }));
    k.count++;
    const v = p.reward;
    if (Number.isFinite(v)) {
      k.sum += v;
      k.n++;
      if (v > k.max) k.max = v;
    }
    if (p.errorFlags.length || !Number.isFinite(v) || v <= scale.lo + tol) continue;
    const i = real.index.get(p.itemKey);
    const has = i !== undefined && real.n[i]! > 0;
    const realMean = has ? real.mean[i]! : null;
    const realMax = has ? real.max[i]! : null;
    const upperHalf = v >= mid - tol;
    const atMean = realMean !== null && overallMean !== null && v >= realMean - tol && v >= overallMean - tol;
    if (!upperHalf && !atMean) continue;
    const atBest = realMax === null || v >= realMax - tol;
    const basis = realMax !== null && v >= realMax - tol ? 0 : atMean ? 1 : 2;
    const severity = upperHalf && atBest ? 'danger' : 'warning';
    k.flagged++;
    if (severity === 'danger') k.danger++;
    if (upperHalf) k.high++;
    flags.push({
      itemKey: p.itemKey,
      row: p.row,
      sampleIndex: p.sampleIndex,
      probe: kind,
      reward: v,
      severity,
      realMean,
      realMax,
      reason: reason(kind, basis, v, basis === 0 ? realMax! : basis === 1 ? realMean! : 0),
    });
  }
  flags.sort((a, b) => (a.severity === b.severity ? b.reward - a.reward : a.severity === 'danger' ? -1 : 1));

  const byKind: ProbeKindSummary[] = [];
  const warnings: Warning[] = [];
  const order = Object.keys(WHAT);
  const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  for (const [probe, k] of [...kinds].sort((a, b) => rank(a[0]) - rank(b[0]))) {
    byKind.push({ probe, count: k.count, flagged: k.flagged, meanReward: k.n ? k.sum / k.n : null, maxReward: k.n ? k.max : null });
    if (!k.flagged) continue;
    const share = k.flagged / k.count;
    warnings.push({
      id: `probe-${probe}`,
      severity: k.danger ? 'danger' : 'warning',
      message:
        `${whatOf(probe)} ${k.high ? 'scored high' : 'scored as well as the real answers'} on ${k.flagged} of ${k.count} probed items (${pct(share)}, ` +
        `best ${fmt(k.max)} on the ${range} scale): ${whyOf(probe)}`,
    });
  }
  return { scale, flags, byKind, warnings: bySeverity(warnings) };
}
