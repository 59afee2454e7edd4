/**
 * Building RunResults: the 14 error keys always present, reward 0 on any error, explanations attached.
 * The one place that turns a grader's outcome into OpenAI's response shape.
 */
import type { Assumption, ErrorFlag, Explanation, GraderErrors, Problem, RunResult, TokenUsage } from './types.ts';

export function noErrors(): GraderErrors {
  return {
    formula_parse_error: false,
    sample_parse_error: false,
    truncated_observation_error: false,
    unresponsive_reward_error: false,
    invalid_variable_error: false,
    other_error: false,
    python_grader_server_error: false,
    python_grader_server_error_type: null,
    python_grader_runtime_error: false,
    python_grader_runtime_error_details: null,
    model_grader_server_error: false,
    model_grader_refusal_error: false,
    model_grader_parse_error: false,
    model_grader_server_error_details: null,
  };
}

/** What one grader produced, before run.ts wraps it into a RunResult. */
export interface GradeOutcome {
  reward: number;
  errors: GraderErrors;
  explain: Explanation;
  scores?: Record<string, unknown>;
  sub_rewards?: Record<string, number>;
  token_usage?: TokenUsage | null;
  sampled_model_name?: string | null;
  usage_per_model?: Record<string, TokenUsage>;
}

export function explanation(type: string, summary: string, extra: Partial<Explanation> = {}): Explanation {
  return { type, summary, rendered: [], problems: [], assumptions: [], ...extra };
}

/** A failed grade: reward 0, the flag set, the problem explained. */
export function failure(
  type: string,
  problem: Problem,
  extra: { errors?: Partial<GraderErrors>; explain?: Partial<Explanation> } = {},
): GradeOutcome {
  const errors = { ...noErrors(), [problem.flag]: true, ...extra.errors };
  const base = extra.explain ?? {};
  return {
    reward: 0,
    errors,
    explain: explanation(type, problem.message, { ...base, problems: [...(base.problems ?? []), problem] }),
  };
}

/** The flags that are set, in the spec's order. */
export function setFlags(errors: GraderErrors): ErrorFlag[] {
  return (Object.keys(errors) as (keyof GraderErrors)[]).filter(
    (k): k is ErrorFlag => typeof errors[k] === 'boolean' && errors[k] === true,
  );
}

/** setFlags(errors).length > 0, without building the list (it runs once per graded row). */
export function hasError(errors: GraderErrors): boolean {
  for (const k in errors) if (Object.prototype.hasOwnProperty.call(errors, k) && errors[k as keyof GraderErrors] === true) return true;
  return false;
}

export function toRunResult(
  outcome: GradeOutcome,
  meta: { name: string; type: string; seconds: number },
): RunResult {
  const errored = hasError(outcome.errors);
  return {
    reward: errored ? 0 : outcome.reward,
    metadata: {
      name: meta.name,
      type: meta.type,
      errors: outcome.errors,
      execution_time: meta.seconds,
      scores: outcome.scores ?? {},
      token_usage: outcome.token_usage ?? null,
      sampled_model_name: outcome.sampled_model_name ?? null,
    },
    sub_rewards: outcome.sub_rewards ?? {},
    model_grader_token_usage_per_model: outcome.usage_per_model ?? {},
    explain: outcome.explain,
  };
}

export function assumption(id: string, text: string, setting?: Assumption['setting']): Assumption {
  return setting ? { id, text, setting } : { id, text };
}
