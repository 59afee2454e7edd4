/**
 * multi: grades every sub-grader of `graders` concurrently (each through gradeAny, at pointer
 * `/graders/<key>`), then evaluates `calculate_output` with each key bound to its sub-grader's reward.
 * Must not: evaluate the formula any other way than formula.ts does, or grade a nested multi (validation
 * rejects it before we get here).
 */
import {
  evaluateFormula,
  formatFormulaError,
  formatNumber,
  formulaFeatures,
  formulaProblems,
  parseFormula,
  substitute,
  type FormulaProblem,
} from '../formula.ts';
import { jsonKeys } from '../json.ts';
import { assumption, explanation, failure, hasError, noErrors, setFlags, type GradeOutcome } from '../result.ts';
import { ERROR_FLAGS, type Assumption, type Explanation, type MultiGrader, type Problem, type TokenUsage } from '../types.ts';
import { didYouMean, pointerEscape } from '../validate.ts';
import { gradeAny, type FullContext } from './index.ts';

export interface MultiDetails {
  kind: 'multi';
  formula: string;
  /** The formula with each key's reward in place and what it gives, e.g. `(0.5 + 1) / 2 = 0.75`. */
  substituted: string | null;
  /** What the formula gives (failed sub-graders counted as 0), or null when it could not be evaluated. */
  value: number | null;
  /** Keys whose sub-grader reported an error: their reward counts 0 and the whole grade is an error. */
  failedKeys: string[];
  /** Why the formula gave no value, with UTF-16 offsets into `formula` for highlighting. */
  error?: { kind: 'parse' | 'unknown_variable' | 'math'; message: string; start: number; end: number };
}

const SUB_ERROR_ASSUMPTION = assumption(
  'multi-sub-error',
  'A sub-grader error makes the whole multi grade an error: its key counts 0 in sub_rewards, its error flags are set on the multi result, and the reward is 0 (OpenAI\'s rule "any grader error gives reward 0"; OpenAI does not say how multi combines errors).',
);

export async function gradeMulti(grader: MultiGrader, ctx: FullContext): Promise<GradeOutcome> {
  const formula = grader.calculate_output;
  const keys = jsonKeys(grader.graders);
  // Validation reports the same problems; checking again keeps gradeAny safe to call on its own, and spares
  // the sub-graders (model calls cost money) when the formula cannot use their scores.
  const blocking = formulaProblems(formula, keys, didYouMean).find((p) => p.severity === 'error');
  if (blocking) return formulaFailure(formula, blocking, `${ctx.pointer}/calculate_output`);

  const outcomes = await Promise.all(
    keys.map(async (key): Promise<GradeOutcome> => {
      const pointer = `${ctx.pointer}/graders/${pointerEscape(key)}`;
      const sub = grader.graders[key]!;
      try {
        return await gradeAny(sub, { ...ctx, pointer });
      } catch (e) {
        return failure(String(sub.type), {
          flag: 'other_error',
          message: `Internal error while grading "${key}": ${e instanceof Error ? e.message : String(e)}`,
          pointer,
        });
      }
    }),
  );
  return combineMulti(grader, ctx.pointer, Object.fromEntries(keys.map((k, i) => [k, outcomes[i]!])));
}

/**
 * The multi result from its sub-graders' outcomes (by key): sub_rewards, OR-ed errors, summed token usage,
 * the formula's value and the explanation. Pure, so it can be tested with outcomes of any grader type.
 */
export function combineMulti(grader: MultiGrader, pointer: string, byKey: Record<string, GradeOutcome>): GradeOutcome {
  const formula = grader.calculate_output;
  const formulaPointer = `${pointer}/calculate_output`;
  const keys = jsonKeys(grader.graders);
  const details: MultiDetails = { kind: 'multi', formula, substituted: null, value: null, failedKeys: [] };
  const parsed = parseFormula(formula);
  if (!parsed.ok) return formulaFailure(formula, formulaProblems(formula, keys, didYouMean, parsed)[0]!, formulaPointer);
  const outcomes = keys.map((key) =>
    Object.prototype.hasOwnProperty.call(byKey, key)
      ? byKey[key]!
      : failure(grader.graders[key]!.type, { flag: 'other_error', message: `"${key}" was not graded.` }),
  );

  // Policy for failing sub-graders (OpenAI is silent; shown to the user as SUB_ERROR_ASSUMPTION): a failure
  // anywhere makes the whole multi grade an error. The response has one `metadata.errors` for the whole
  // grader, so a sub-grader's python_grader_runtime_error can only be reported there, and the documented rule
  // is that any grader error gives reward 0. The other reading (count the key as 0 and keep the formula's
  // value) would hide a crash inside an ordinary-looking score, the silent-zero problem users complain about.
  // The formula is still evaluated with the failed keys as 0 and shown, labelled, in the explanation.
  const errors = noErrors();
  const detailTexts: Record<'type' | 'runtime' | 'model', { key: string; text: string }[]> = { type: [], runtime: [], model: [] };
  const children: Record<string, Explanation> = {};
  const problems: Problem[] = [];
  const rendered: Explanation['rendered'] = [];
  const failedKeys: string[] = [];
  keys.forEach((key, i) => {
    const outcome = outcomes[i]!;
    const sub = grader.graders[key]!;
    const failed = hasError(outcome.errors);
    if (failed) failedKeys.push(key);
    for (const flag of ERROR_FLAGS) if (outcome.errors[flag]) errors[flag] = true;
    const e = outcome.errors;
    if (e.python_grader_server_error_type) detailTexts.type.push({ key, text: e.python_grader_server_error_type });
    if (e.python_grader_runtime_error_details) detailTexts.runtime.push({ key, text: e.python_grader_runtime_error_details });
    if (e.model_grader_server_error_details) detailTexts.model.push({ key, text: e.model_grader_server_error_details });
    const child = outcome.explain;
    // label_model has no pass_threshold in OpenAI's schema; the others may carry one (a badge, never the reward).
    const threshold = (sub as { pass_threshold?: unknown }).pass_threshold;
    if (typeof threshold === 'number') child.pass = { threshold, passed: !failed && outcome.reward >= threshold };
    children[key] = child;
    const subPointer = `${pointer}/graders/${pointerEscape(key)}`;
    problems.push(...child.problems.map((p) => (p.pointer ? p : { ...p, pointer: subPointer })));
    rendered.push(...child.rendered);
  });
  errors.python_grader_server_error_type = joinDetails(detailTexts.type, ', ');
  errors.python_grader_runtime_error_details = joinDetails(detailTexts.runtime, '\n\n');
  errors.model_grader_server_error_details = joinDetails(detailTexts.model, '\n\n');

  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary entry.
  const subRewards: Record<string, number> = Object.fromEntries(
    keys.map((key, i) => {
      const o = outcomes[i]!;
      return [key, hasError(o.errors) ? 0 : o.reward];
    }),
  );

  const result = evaluateFormula(parsed.ast, subRewards);
  const assumptions = formulaAssumptions(parsed.ast);
  if (failedKeys.length > 0) assumptions.push(SUB_ERROR_ASSUMPTION);
  details.substituted = substitute(formula, subRewards);
  details.failedKeys = failedKeys;
  let summary: string;
  if (result.ok) {
    details.value = result.value;
    summary = details.substituted.length <= 160 ? `calculate_output gives ${details.substituted}.` : `calculate_output gives ${formatNumber(result.value)}.`;
  } else {
    details.error = { kind: result.kind, message: result.message, start: result.start, end: result.end };
    const flag = result.kind === 'math' ? 'other_error' : 'invalid_variable_error';
    errors[flag] = true;
    if (result.kind === 'unknown_variable') errors.formula_parse_error = true;
    if (result.kind === 'math') {
      assumptions.push(
        assumption(
          'formula-math-error',
          'A division by zero or a result that is not a finite number (sqrt(-1), log(0), an overflow) gives reward 0 with other_error (OpenAI does not document this case).',
        ),
      );
    }
    problems.push({ flag, message: `calculate_output: ${formatFormulaError(formula, result)}`, pointer: formulaPointer });
    summary = `calculate_output cannot be evaluated (${result.message}), so the reward is 0.`;
  }
  if (failedKeys.length > 0) {
    const which = failedKeys
      .map((k) => `"${k}" (${setFlags(outcomes[keys.indexOf(k)]!.errors).join(', ')})`)
      .join(', ');
    summary = `Sub-grader${failedKeys.length > 1 ? 's' : ''} ${which} failed, so the multi grade is an error and the reward is 0.`;
    if (result.ok) summary += ` Counting ${failedKeys.length > 1 ? 'them' : 'it'} as 0, the formula would give ${formatNumber(result.value)}.`;
  }

  const usage = sumUsage(outcomes.map((o) => o.token_usage ?? null));
  const perModel: Record<string, TokenUsage> = {};
  for (const o of outcomes) {
    for (const [model, u] of Object.entries(o.usage_per_model ?? {})) perModel[model] = addUsage(perModel[model] ?? null, u);
  }
  const models = [...new Set(outcomes.map((o) => o.sampled_model_name).filter((m): m is string => typeof m === 'string'))];

  return {
    reward: result.ok && failedKeys.length === 0 ? result.value : 0,
    errors,
    scores: { ...subRewards },
    sub_rewards: subRewards,
    token_usage: usage,
    // One model name when every judge used the same model; with several, no single name is honest.
    sampled_model_name: models.length === 1 ? models[0]! : null,
    usage_per_model: perModel,
    explain: explanation('multi', summary, {
      rendered,
      problems,
      assumptions,
      children,
      details: details as unknown as Record<string, unknown>,
    }),
  };
}

function formulaFailure(formula: string, problem: FormulaProblem, pointer: string): GradeOutcome {
  const details: MultiDetails = { kind: 'multi', formula, substituted: null, value: null, failedKeys: [] };
  const [flag, ...more] = problem.flags;
  const unknown = flag === 'invalid_variable_error';
  const error = { kind: unknown ? ('unknown_variable' as const) : ('parse' as const), message: problem.reason, start: problem.start, end: problem.end };
  return failure(
    'multi',
    { flag: flag ?? 'formula_parse_error', message: problem.message, pointer },
    {
      errors: Object.fromEntries(more.map((f) => [f, true])),
      explain: {
        details: { ...details, error } as unknown as Record<string, unknown>,
        assumptions: unknown
          ? [assumption('formula-unknown-name', 'A name in calculate_output that is not a key of graders sets both invalid_variable_error and formula_parse_error (OpenAI does not say which).')]
          : [],
      },
    },
  );
}

function formulaAssumptions(ast: Parameters<typeof formulaFeatures>[0]): Assumption[] {
  const f = formulaFeatures(ast);
  const out: Assumption[] = [];
  if (f.power) {
    out.push(assumption('formula-power', '^ is a power and right-associative (2^3^2 = 2^9), and a leading minus applies after it (-2^2 = -4), as in Python\'s **.'));
  }
  if (f.log) out.push(assumption('formula-log', 'log is the natural logarithm (base e); OpenAI only says "logarithm".'));
  if (f.variadic) out.push(assumption('formula-variadic', 'min and max accept two or more arguments; OpenAI shows only two.'));
  return out;
}

function joinDetails(items: { key: string; text: string }[], sep: string): string | null {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0]!.text;
  return items.map((i) => `${i.key}: ${i.text}`).join(sep);
}

function addUsage(a: TokenUsage | null, b: TokenUsage): TokenUsage {
  if (!a) return { ...b };
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
    cached_tokens: a.cached_tokens + b.cached_tokens,
  };
}

function sumUsage(list: (TokenUsage | null)[]): TokenUsage | null {
  let total: TokenUsage | null = null;
  for (const u of list) if (u) total = addUsage(total, u);
  return total;
}
