/**
 * Checking test cases against the rewards a grader gave them: one decision per expectation, each with a reason
 * that says what failed. A grade that set an error flag fails every expectation except an explicit
 * `passes: false` or a range/exact that the error reward (0) meets: OpenAI trains on reward 0 for an error, so
 * the case sees what training would see, but the reason names the error. Pure: no grading happens here.
 */
import type { CaseResult, CaseRun, Expectation, SuiteResult, TestCase } from './types.ts';

/** How the reward is written in reasons: shortest round-trip text, as JSON writes it. */
const fmt = (x: number) => String(x);

export function describeExpectation(e: Expectation): string {
  switch (e.kind) {
    case 'exact':
      return e.tolerance ? `reward ${fmt(e.reward)} ± ${fmt(e.tolerance)}` : `reward ${fmt(e.reward)}`;
    case 'range':
      if (e.min !== undefined && e.max !== undefined) return `reward in [${fmt(e.min)}, ${fmt(e.max)}]`;
      if (e.min !== undefined) return `reward ≥ ${fmt(e.min)}`;
      if (e.max !== undefined) return `reward ≤ ${fmt(e.max)}`;
      return 'any reward';
    case 'passes':
      return e.passes ? 'passes the threshold' : 'stays below the threshold';
    case 'below':
      return `scores below "${e.than}"`;
  }
}

function errorNote(run: CaseRun): string {
  if (run.flags.length === 0) return '';
  return ` (the grade failed: ${run.flags.join(', ')}${run.message ? `: ${run.message}` : ''})`;
}

/**
 * Check every case. `runs[i]` is how the grader did on `cases[i]` (undefined: not graded, e.g. its JSON does not
 * parse: then `unreadable[i]` says why). `threshold` is the grader's pass_threshold, when it has one.
 */
export function checkCases(cases: readonly TestCase[], runs: readonly (CaseRun | undefined)[], threshold: number | undefined): SuiteResult {
  const byName = new Map<string, number>();
  cases.forEach((c, i) => {
    if (!byName.has(c.name)) byName.set(c.name, i);
  });
  const results = cases.map((c, i): CaseResult => {
    const run = runs[i];
    const want = describeExpectation(c.expect);
    if (!run) return { name: c.name, verdict: 'fail', flags: [], reason: `not graded: expected ${want}` };
    if (run.flags.length > 0 && run.flags.includes('invalid_case')) {
      return { name: c.name, verdict: 'fail', flags: [], reason: run.message ?? 'the case could not be read' };
    }
    const base = { name: c.name, reward: run.reward, flags: run.flags };
    const errored = run.flags.length > 0;
    const r = run.reward;
    const verdict = (ok: boolean, got: string): CaseResult => ({
      ...base,
      verdict: ok ? 'pass' : 'fail',
      reason: ok ? `${got}: ${want}` : `expected ${want}, got ${got}${errorNote(run)}`,
    });
    const e = c.expect;
    switch (e.kind) {
      case 'exact': {
        const tol = e.tolerance ?? 0;
        return verdict(Math.abs(r - e.reward) <= tol, `reward ${fmt(r)}`);
      }
      case 'range': {
        const ok = (e.min === undefined || r >= e.min) && (e.max === undefined || r <= e.max);
        return verdict(ok, `reward ${fmt(r)}`);
      }
      case 'passes': {
        if (threshold === undefined) {
          return { ...base, verdict: 'fail', reason: `expected ${want}, but the grader has no pass_threshold` };
        }
        // As run.ts decides the pass badge: an errored grade never passes.
        const passed = !errored && r >= threshold;
        return verdict(passed === e.passes, `reward ${fmt(r)} ${passed ? '≥' : '<'} threshold ${fmt(threshold)}`);
      }
      case 'below': {
        const j = byName.get(e.than);
        if (j === undefined) return { ...base, verdict: 'fail', reason: `expected ${want}, but there is no case named "${e.than}"` };
        if (j === i) return { ...base, verdict: 'fail', reason: `a case cannot score below itself` };
        const other = runs[j];
        if (!other || other.flags.includes('invalid_case')) {
          return { ...base, verdict: 'fail', reason: `expected ${want}, but "${e.than}" was not graded` };
        }
        return verdict(r < other.reward, `reward ${fmt(r)} vs ${fmt(other.reward)}`);
      }
    }
  });
  return { results, passed: results.filter((r) => r.verdict === 'pass').length, total: results.length };
}

/** "7/8 tests pass", the line the main view shows. */
export function suiteSummary(s: Pick<SuiteResult, 'passed' | 'total'>): string {
  if (s.total === 0) return 'no tests';
  return `${s.passed}/${s.total} tests pass`;
}

/** The grader's pass_threshold from its JSON text, or undefined (no threshold, or the text does not parse). */
export function passThresholdOf(graderText: string): number | undefined {
  try {
    const g = JSON.parse(graderText) as { pass_threshold?: unknown };
    return typeof g?.pass_threshold === 'number' && Number.isFinite(g.pass_threshold) ? g.pass_threshold : undefined;
  } catch {
    return undefined;
  }
}
