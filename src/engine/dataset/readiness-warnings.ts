/**
 * Advice from a readiness report's figures: each warning names what is wrong with the rewards for RL and what
 * to do about it, in words an ML engineer acts on. Thresholds are data (READINESS_THRESHOLDS) so the view can
 * show them and tests can move them. Computes no statistic itself (report.ts does) and runs in constant time.
 */
import type { ReadinessReport } from './report.ts';
import { bySeverity, fmt, pct, type Severity, type Warning } from './types.ts';

export interface ReadinessThresholds {
  /** Share of rewards at one bound that counts as "(nearly) all at the minimum / maximum". */
  boundShare: number;
  /** Fewest graded samples before shape warnings (binary, few values, skew, labels) are given. */
  minSamples: number;
  /** Below this many graded samples, an info says the figures are rough. */
  smallSample: number;
  /** At most this many distinct values (and more than 2) counts as "few". */
  fewValues: number;
  /** Share of errored samples for a warning, and for a danger (any error at all gives an info). */
  errorWarning: number;
  errorDanger: number;
  /** Share of multi-sample items with one reward for all their samples: warning above, danger from. */
  noVarianceWarning: number;
  noVarianceDanger: number;
  /** Share of one label among labelled samples. */
  labelSkew: number;
  /** The central 80% of rewards (p10..p90) spanning at most this share of the scale is "narrow". */
  narrowBand: number;
}

export const READINESS_THRESHOLDS: Readonly<ReadinessThresholds> = {
  boundShare: 0.95,
  minSamples: 10,
  smallSample: 30,
  fewValues: 5,
  errorWarning: 0.05,
  errorDanger: 0.2,
  noVarianceWarning: 0.5,
  noVarianceDanger: 0.8,
  labelSkew: 0.9,
  narrowBand: 0.1,
};

type Facts = Omit<ReadinessReport, 'warnings'>;

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function readinessWarnings(r: Facts, t: ReadinessThresholds): Warning[] {
  const out: Warning[] = [];
  const add = (id: string, severity: Severity, message: string) => out.push({ id, severity, message });
  const n = r.count - r.nonFinite;
  const range = `${fmt(r.scale.lo)}–${fmt(r.scale.hi)}${r.scale.source === 'declared' ? ' (declared)' : ''}`;

  if (r.count === 0) {
    add('no-results', 'info', 'No graded samples yet: grade the dataset to see whether RL can learn from its rewards.');
    return out;
  }
  if (r.nonFinite > 0) {
    add(
      'non-finite',
      'danger',
      `${plural(r.nonFinite, 'reward')} ${r.nonFinite === 1 ? 'is' : 'are'} not a finite number (NaN or infinity) and ` +
        'left out of these figures. Training cannot use such a reward: make the grader always return a finite number.',
    );
  }
  if (r.errors.samples > 0) {
    const rate = r.errors.rate;
    const flags = r.errors.byFlag
      .slice(0, 3)
      .map(({ flag, count }) => `${flag} ×${count}`)
      .join(', ');
    add(
      'errors',
      rate >= t.errorDanger ? 'danger' : rate >= t.errorWarning ? 'warning' : 'info',
      `${pct(rate)} of samples (${r.errors.samples} of ${r.count}) raised grader errors (${flags}). An errored sample ` +
        "gets reward 0, so training punishes the model for the grader's failure, not for its answer; OpenAI also " +
        'fails a job when too many grader calls error. Fix these before training.',
    );
  }
  if (r.outOfRange > 0) {
    add(
      'out-of-range',
      'warning',
      `${plural(r.outOfRange, 'reward')} ${r.outOfRange === 1 ? 'falls' : 'fall'} outside the declared range ${range}. Either the range is wrong ` +
        '(the figures below measure against it) or the grader scores outside it (a score_model clamps to its range; ' +
        'a python grader does not).',
    );
  }
  if (!r.stats) return bySeverity(out);
  const s = r.stats;

  if (r.distinctValues === 1) {
    add(
      'constant',
      'danger',
      `Every reward is ${fmt(s.min)}. Nothing separates better answers from worse ones, so the model gets no ` +
        'learning signal at all. Check that the grader reads the right fields (a template that points at a missing ' +
        'field scores every answer the same) and that it can give other scores on good and bad answers.',
    );
  } else {
    const { shareAtLow, shareAtHigh, low, high } = r.bounds;
    const where = r.scale.source === 'declared' ? 'of the declared range' : 'observed';
    if (shareAtLow >= t.boundShare) {
      add(
        'mostly-min',
        'danger',
        `${pct(shareAtLow)} of rewards are at the minimum ${where} (${fmt(low)}). The model will almost never see ` +
          'a success to learn from. Use easier items or give partial credit for partly right answers, and read a ' +
          'few zero-scored samples to make sure the grader is not failing on good answers.',
      );
    } else if (shareAtHigh >= t.boundShare) {
      add(
        'mostly-max',
        'danger',
        `${pct(shareAtHigh)} of rewards are at the maximum ${where} (${fmt(high)}). The task is already solved or ` +
          'the grader is too lenient: little is left to learn, and a lenient grader invites reward hacking. Use ' +
          'harder items or a stricter grader, and run the hacking probes.',
      );
    }
  }

  if (n >= t.minSamples && r.distinctValues === 2) {
    add(
      'binary',
      'info',
      `Rewards are binary (${fmt(r.values[0]!)} or ${fmt(r.values[1]!)}). That is fine for pass/fail tasks but ` +
        'sparse: an item teaches only when some of its samples pass and others fail. Partial credit (a multi ' +
        'grader, a similarity score, a graded rubric) gives a denser signal.',
    );
  } else if (n >= t.minSamples && r.distinctValues > 2 && r.distinctValues <= t.fewValues) {
    add(
      'few-values',
      'info',
      `Only ${r.distinctValues} distinct reward values (${r.values.map(fmt).join(', ')}). Coarse rewards work, but ` +
        'many samples of an item will tie and teach nothing; finer partial credit gives a denser signal.',
    );
  }

  const ns = r.noSignal;
  if (ns.share !== null && ns.share > t.noVarianceWarning) {
    const other = ns.items - ns.atLow - ns.atHigh;
    const parts = [
      ns.atLow ? `${ns.atLow} always at the minimum` : '',
      ns.atHigh ? `${ns.atHigh} always at the maximum` : '',
      other ? `${other} at another value` : '',
    ].filter(Boolean);
    add(
      'no-variance',
      ns.share >= t.noVarianceDanger ? 'danger' : 'warning',
      `${pct(ns.share)} of items with several samples (${ns.items} of ${ns.of}) give every sample the same reward ` +
        `(${parts.join(', ')}). Group-relative methods (GRPO and its relatives) learn only from differences ` +
        'within an item, so these items teach nothing: their advantages are 0. Drop items that are always or ' +
        'never solved, or make the reward finer so answers of different quality differ.',
    );
  } else if (ns.share === null && r.items.count > 0) {
    add(
      'single-sample',
      'info',
      'Every item has one sample, so within-item variance cannot be checked. Grade several samples per item ' +
        '(group-relative trainers such as GRPO sample several answers per prompt and learn from their ' +
        'differences) to see whether the grader separates good answers from bad ones.',
    );
  }

  const top = r.labels.counts[0];
  if (r.labels.labelled >= t.minSamples && top) {
    const { label, count: c } = top;
    const share = c / r.labels.labelled;
    if (share >= t.labelSkew) {
      add(
        'label-skew',
        'warning',
        `${pct(share)} of labelled samples (${c} of ${r.labels.labelled}) got the label ${JSON.stringify(label)}. ` +
          'The judge hardly uses its other labels, so the reward barely varies. Check the rubric and the label ' +
          'definitions against a few hand-graded samples; an easier or harder item mix may also help.',
      );
    }
  }

  const width = r.scale.hi - r.scale.lo;
  const boundWarned = out.some((w) => w.id === 'constant' || w.id === 'mostly-min' || w.id === 'mostly-max');
  if (n >= t.minSamples && r.distinctValues > 2 && !boundWarned && width > 0) {
    const band = s.p90 - s.p10;
    if (band <= t.narrowBand * width) {
      const where =
        band === 0
          ? `At least 80% of rewards are exactly ${fmt(s.p10)}`
          : `80% of rewards lie between ${fmt(s.p10)} and ${fmt(s.p90)}, ${pct(band / width)} of the ${range} scale`;
      add(
        'score-skew',
        'warning',
        `${where}. GRPO divides by the spread within an item, so such small differences (grader noise included) ` +
          'are blown up into full-size advantages. Check by hand that higher scores really are better answers, and ' +
          'spread the scores (a stricter rubric, a threshold, a multi grader formula) so good and bad answers land ' +
          'far apart.',
      );
    }
  }

  if (r.count < t.smallSample) {
    add(
      'small-sample',
      'info',
      `Only ${plural(r.count, 'graded sample')}: these figures are rough. Grade a few hundred (e.g. 50 items × 4 ` +
        'samples) before judging the grader.',
    );
  }
  return bySeverity(out);
}
