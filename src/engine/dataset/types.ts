/**
 * The input every dataset analysis takes (one graded sample, already reduced from its RunResult), and the
 * small shared vocabulary of the analyses: warnings, reward scales, number formatting for messages.
 * Pure data and helpers: no grading, no DOM; the analyses run on the main thread, so nothing here may be
 * slower than linear.
 */

/** One graded sample of a dataset run, or of a probe. */
export interface GradedSample {
  /** 0-based line index of the row in the JSONL file. */
  row: number;
  /** Index of the sample within its row (or of the probe within its item). */
  sampleIndex: number;
  /** Stable key of the item the sample answers (e.g. its row index as a string, or an id). */
  itemKey: string;
  reward: number;
  /** The error flags that were set (names from ERROR_FLAGS). */
  errorFlags: string[];
  /** The label a label_model (or a score label) gave, when known. */
  label?: string;
  /** The probe kind, when this sample is a generated probe rather than a real model answer. */
  probe?: string;
  /** The sample's text (sample-text.ts), when the caller has it: exports write it, analyses ignore it. */
  text?: string;
}

export type Severity = 'danger' | 'warning' | 'info';

/** A finding in plain words, for an ML engineer to act on. */
export interface Warning {
  id: string;
  severity: Severity;
  message: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { danger: 0, warning: 1, info: 2 };

/** Most severe first; stable within a severity. */
export function bySeverity<T extends { severity: Severity }>(list: T[]): T[] {
  return list
    .map((w, i) => [w, i] as const)
    .sort((a, b) => SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] || a[1] - b[1])
    .map(([w]) => w);
}

/** The reward scale an analysis measures against, and where it came from. */
export interface RewardScale {
  lo: number;
  hi: number;
  /**
   * `declared`: the caller's rewardRange (e.g. a score_model's `range`). `assumed`: [0, 1] widened to the
   * observed rewards, because every OpenAI grader but score_model (and a python grader that says otherwise)
   * scores in [0, 1], so a dataset whose rewards all sit in 0.4..0.6 is judged against 0..1, not against itself.
   */
  source: 'declared' | 'assumed';
}

export function rewardScale(min: number | null, max: number | null, declared?: [number, number]): RewardScale {
  if (declared) {
    const [a, b] = declared;
    if (!Number.isFinite(a) || !Number.isFinite(b) || a > b) throw new RangeError(`invalid reward range [${a}, ${b}]`);
    return { lo: a, hi: b, source: 'declared' };
  }
  return { lo: Math.min(0, min ?? 0), hi: Math.max(1, max ?? 1), source: 'assumed' };
}

/** Tolerance for "equal to a bound": rewards computed as 0.1 + 0.2 should still count as at 0.3. */
export function boundTolerance(scale: RewardScale): number {
  return 1e-9 * Math.max(1, scale.hi - scale.lo);
}

/** A number for a message: at most 4 significant digits, no exponent for ordinary rewards. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}

/** A share for a message, never rounded up to 100% or down to 0% when it is not exactly that. */
export function pct(share: number): string {
  if (share >= 1) return '100%';
  if (share <= 0) return '0%';
  if (share > 0.99) return `${Math.floor(share * 1000) / 10}%`;
  if (share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}
