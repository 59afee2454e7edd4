/**
 * Building new test cases: a name no other case has, and the case a reward-hacking probe's finding becomes (the
 * probe's own sample and item, expected to score as a bad answer should). Pure data: no grading, no DOM.
 */
import type { Expectation, TestCase } from './types.ts';

/** `base`, or `base (2)`, `base (3)`… whichever no case has yet ("below" expectations find cases by name). */
export function uniqueCaseName(cases: readonly Pick<TestCase, 'name'>[], base: string): string {
  const names = new Set(cases.map((t) => t.name));
  if (!names.has(base)) return base;
  let i = 2;
  while (names.has(`${base} (${i})`)) i++;
  return `${base} (${i})`;
}

export interface ProbeFinding {
  /** The probe kind (probes.ts), e.g. "shuffled-reference". */
  probe: string;
  /** 0-based line of the dataset row whose item was probed. */
  row: number;
  /** JSON texts of the probe's sample and of the row's item. */
  sample: string;
  item: string;
}

/**
 * A probe is a deliberately bad answer, so its case expects what a sound grader gives one: with a pass_threshold,
 * not to pass it; without one, the bottom of the reward scale (`lo`, 0 for every grader but a score_model with
 * its own range), which is where probe-flags.ts says a bad answer belongs.
 */
export function probeCase(f: ProbeFinding, existing: readonly Pick<TestCase, 'name'>[], threshold: number | undefined, lo = 0): TestCase {
  const expect: Expectation = threshold !== undefined ? { kind: 'passes', passes: false } : { kind: 'range', max: lo };
  return { name: uniqueCaseName(existing, `probe: ${f.probe}, line ${f.row + 1}`), sample: f.sample, item: f.item, expect };
}
