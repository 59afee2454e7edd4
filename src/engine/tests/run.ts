/**
 * Grade every case with runGrader and check the expectations: what the CLI's `test` command and the unit tests
 * use (the browser grades cases in its worker pool and calls checkCases itself). Never throws.
 */
import { parseJson } from '../json.ts';
import { runGrader, type RunGraderOptions } from '../run.ts';
import { sampleFromModelText } from '../sample.ts';
import { setFlags } from '../result.ts';
import { checkCases } from './expect.ts';
import type { CaseRun, SuiteResult, TestCase } from './types.ts';

/** Grade one case (its item defaults to `defaultItem`, JSON text); a case whose JSON does not parse is flagged invalid_case. */
export async function gradeCase(grader: unknown, c: TestCase, defaultItem: string, options: RunGraderOptions = {}): Promise<CaseRun> {
  const sample = parseJson(c.sample);
  if (!sample.ok) return { reward: 0, flags: ['invalid_case'], message: `the sample is not valid JSON (line ${sample.error.line}, column ${sample.error.column}: ${sample.error.message})` };
  const item = parseJson(c.item ?? defaultItem);
  if (!item.ok) return { reward: 0, flags: ['invalid_case'], message: `the item is not valid JSON (line ${item.error.line}, column ${item.error.column}: ${item.error.message})` };
  const s = typeof sample.value === 'string' ? sampleFromModelText(sample.value) : sample.value;
  const result = await runGrader(grader, s, item.value, { ...options, explain: false });
  const flags: string[] = setFlags(result.metadata.errors);
  const problem = result.explain?.problems[0]?.message;
  return { reward: result.reward, flags, ...(flags.length && problem ? { message: problem } : {}) };
}

export async function runCases(grader: unknown, cases: readonly TestCase[], defaultItem: string, options: RunGraderOptions = {}): Promise<SuiteResult> {
  const runs: CaseRun[] = [];
  for (const c of cases) runs.push(await gradeCase(grader, c, defaultItem, options));
  const t = (grader as { pass_threshold?: unknown })?.pass_threshold;
  return checkCases(cases, runs, typeof t === 'number' ? t : undefined);
}
