/**
 * The dataset view's analyses in one import: readiness report, GRPO advantages, reward-hacking probes and
 * their flags, exports, and the statistics beneath them. Pure functions over GradedSample arrays (no DOM, no
 * grading); row parsing stays in ../dataset.ts.
 */
export type { GradedSample, RewardScale, Severity, Warning } from './types.ts';
export { histogram, moments, passAt, passRateCurve, quantileSorted, sortedFinite, type Histogram, type Moments, type PassPoint } from './stats.ts';
export { readinessReport, type ItemStats, type ReadinessOptions, type ReadinessReport, type RewardStats } from './report.ts';
export { READINESS_THRESHOLDS, type ReadinessThresholds } from './readiness-warnings.ts';
export { advantages, type AdvantageFlag, type AdvantageOptions, type AdvantageRow } from './advantages.ts';
export {
  DEFAULT_REFERENCE_KEYS,
  findReference,
  generateProbes,
  PROBE_KINDS,
  type Probe,
  type ProbeKind,
  type ProbeOptions,
} from './probes.ts';
export { flagProbes, type ProbeFlag, type ProbeKindSummary, type ProbeReport } from './probe-flags.ts';
export { CSV_COLUMNS, csvChunks, jsonlChunks, toCsv, toJsonl, type ExportOptions } from './export.ts';
export { sampleText, truncateText } from './sample-text.ts';
