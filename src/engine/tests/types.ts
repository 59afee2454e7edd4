/**
 * Test cases for a grader: a named sample (and optionally its item) with an expectation on the reward. The
 * sample and item are kept as JSON *text*, as the editors hold them, so a case opens in the editors unchanged
 * and number lexemes (`1.0`) survive storage and links. No DOM, no worker: pure data.
 */

/** What a case expects of the grader's reward on it. */
export type Expectation =
  /** The reward equals `reward` within `tolerance` (absolute; 0 when absent: exact). */
  | { kind: 'exact'; reward: number; tolerance?: number }
  /** The reward lies in [min, max]; either bound may be absent. */
  | { kind: 'range'; min?: number; max?: number }
  /** The reward reaches the grader's pass_threshold (`passes: true`) or stays under it (`false`). */
  | { kind: 'passes'; passes: boolean }
  /** The reward is strictly below the reward of the case named `than` (say, "scores below the good answer"). */
  | { kind: 'below'; than: string };

export interface TestCase {
  name: string;
  /** JSON text of the sample (a JSON string is a model output, as in dataset rows). */
  sample: string;
  /** JSON text of the item; absent: the workspace's item (or the CLI's `--item`). */
  item?: string;
  expect: Expectation;
}

/** How the grader did on one case: its reward, and the error flags that were set (empty: no error). */
export interface CaseRun {
  reward: number;
  flags: string[];
  /** The first problem's message, when the grade failed or the case could not be read. */
  message?: string;
}

export type Verdict = 'pass' | 'fail';

export interface CaseResult {
  name: string;
  verdict: Verdict;
  /** The reward the grader gave (absent when the case could not be graded at all). */
  reward?: number;
  flags: string[];
  /** Why it failed, in words a user can act on; for a pass, what was checked. */
  reason: string;
}

export interface SuiteResult {
  results: CaseResult[];
  passed: number;
  total: number;
}
