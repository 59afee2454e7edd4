/**
 * runGrader(grader, sample, item) -> RunResult: validate, grade, time, and wrap into OpenAI's response shape.
 * The single entry point the worker, the CLI and the tests call. Never throws for bad input: every failure
 * is a RunResult with reward 0 and an error flag.
 */
import { gradeAny } from './graders/index.ts';
import { assumption, failure, toRunResult } from './result.ts';
import type { RunOptions } from './runtime.ts';
import { DEFAULT_SETTINGS, type Explanation, type JsonValue, type RunResult } from './types.ts';
import { validateGrader, type ValidateOptions, type ValidationResult } from './validate.ts';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export interface RunGraderOptions extends RunOptions, ValidateOptions {}

export async function runGrader(grader: unknown, sample: JsonValue, item: JsonValue, options: RunGraderOptions = {}): Promise<RunResult> {
  const t0 = now();
  return runValidated(grader, validateGrader(grader, options), sample, item, options, t0);
}

/**
 * A grader validated once, for grading many samples with it (a dataset batch): `grade` gives what runGrader
 * gives for the same grader, sample and item, without validating the grader again each time.
 */
export function compileGrader(grader: unknown, options: ValidateOptions = {}): { validation: ValidationResult; grade(sample: JsonValue, item: JsonValue, options?: RunOptions): Promise<RunResult> } {
  const validation = validateGrader(grader, options);
  return { validation, grade: (sample, item, runOptions = {}) => runValidated(grader, validation, sample, item, runOptions, now()) };
}

async function runValidated(grader: unknown, validation: ValidationResult, sample: JsonValue, item: JsonValue, options: RunOptions, t0: number): Promise<RunResult> {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const name = typeof (grader as { name?: unknown })?.name === 'string' ? (grader as { name: string }).name : '';
  const type = typeof (grader as { type?: unknown })?.type === 'string' ? (grader as { type: string }).type : '';
  const seconds = () => (now() - t0) / 1000;
  if (!validation.ok) {
    const errs = validation.problems.filter((p) => p.severity === 'error');
    // A problem may name the flags it stands for (a bad calculate_output is a formula_parse_error); else other_error.
    const flagsOf = (p: (typeof errs)[number]) => p.flags ?? (['other_error'] as const);
    const outcome = failure(
      type || 'invalid',
      {
        flag: flagsOf(errs[0]!)[0]!,
        message: `The grader is invalid (${errs.length} problem${errs.length === 1 ? '' : 's'}): ${errs[0]!.message}`,
        pointer: errs[0]!.pointer,
      },
      { errors: Object.fromEntries(errs.flatMap(flagsOf).map((f) => [f, true])) },
    );
    outcome.explain.problems.push(
      ...errs.slice(1).map((p) => ({ flag: flagsOf(p)[0]!, message: p.message, pointer: p.pointer })),
    );
    return toRunResult(outcome, { name, type, seconds: seconds() });
  }
  let outcome;
  try {
    outcome = await gradeAny(validation.grader, {
      sample,
      item,
      settings,
      pointer: '',
      runtime: options.runtime ?? {},
      brief: options.explain === false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    // A bug of ours, not the user's: still a well-formed result, with the message to report.
    outcome = failure(type, { flag: 'other_error', message: `Internal error while grading: ${e instanceof Error ? e.message : String(e)}` });
  }
  if (usesJsonRendering(outcome.explain)) {
    outcome.explain.assumptions.push(
      assumption(
        'template-json',
        settings.compactJson
          ? 'Non-string template values are rendered as compact JSON ({"a":1}), a setting; OpenAI does not document the rendering.'
          : "Non-string template values are rendered as Python's json.dumps would ({\"a\": 1}, 1.0 stays 1.0, non-ASCII escaped); OpenAI does not document the rendering.",
        'compactJson',
      ),
    );
  }
  const pass = passBadge(validation.grader as { pass_threshold?: number }, outcome.reward, outcome.explain);
  if (pass) outcome.explain.pass = pass;
  return toRunResult(outcome, { name, type, seconds: seconds() });
}

function usesJsonRendering(e: Explanation): boolean {
  return e.rendered.some((r) => r.json) || Object.values(e.children ?? {}).some(usesJsonRendering);
}

function passBadge(grader: { pass_threshold?: number }, reward: number, explain: Explanation) {
  if (typeof grader.pass_threshold !== 'number') return undefined;
  const errored = explain.problems.length > 0;
  return { threshold: grader.pass_threshold, passed: !errored && reward >= grader.pass_threshold };
}
