import { describe, expect, it } from 'vitest';
import { explanation, failure, noErrors, type GradeOutcome } from '../result.ts';
import { runGrader } from '../run.ts';
import { DEFAULT_SETTINGS, type MultiGrader, type SubGrader } from '../types.ts';
import { validateGrader } from '../validate.ts';
import { gradeAny } from './index.ts';
import { combineMulti, type MultiDetails } from './multi.ts';

const check = (input: string, reference: string, operation = 'eq', extra: object = {}) =>
  ({ type: 'string_check', name: 'check', input, reference, operation, ...extra }) as SubGrader;

// The tool-calling pattern of OpenAI's graders guide: one check for the function name, one for the
// arguments (a JSON string).
const toolCall: MultiGrader = {
  type: 'multi',
  name: 'tool_call',
  graders: {
    function_name: check('{{ sample.output_tools[0].function.name }}', '{{ item.name }}'),
    arguments: check('{{ sample.output_tools[0].function.arguments }}', '{{ item.arguments }}'),
  },
  calculate_output: '0.5 * function_name + 0.5 * arguments',
};

const toolSample = (name: string, args: string) => ({
  output_text: '',
  output_tools: [{ id: 'call_1', type: 'function', function: { name, arguments: args } }],
});
const toolItem = { name: 'get_weather', arguments: '{"city": "Paris", "days": 1}' };

// OpenAI's guide example "(name + email) / 2"; the key is the variable, not the sub-grader's name field.
const nameEmail: MultiGrader = {
  type: 'multi',
  name: 'contact',
  graders: {
    name: { ...check('{{ sample.output_json.name }}', '{{ item.name }}'), name: 'name_grader' } as SubGrader,
    email: { ...check('{{ sample.output_json.email }}', '{{ item.email }}', 'ilike'), name: 'email_grader' } as SubGrader,
  },
  calculate_output: '(name + email) / 2',
};
const contactItem = { name: 'Ada Lovelace', email: 'ada@example.com' };

function details(r: { explain?: { details?: Record<string, unknown> } }): MultiDetails {
  return r.explain!.details as unknown as MultiDetails;
}

describe('multi through runGrader', () => {
  it('tool call with the right name and arguments scores 1', async () => {
    const r = await runGrader(toolCall, toolSample('get_weather', '{"city": "Paris", "days": 1}'), toolItem);
    expect(r.reward).toBe(1);
    expect(r.sub_rewards).toEqual({ function_name: 1, arguments: 1 });
    expect(r.metadata.scores).toEqual({ function_name: 1, arguments: 1 });
    expect(r.metadata.type).toBe('multi');
    expect(r.metadata.name).toBe('tool_call');
  });

  it('tool call with harmlessly different arguments gets half: the under-rewarding the guide warns of', async () => {
    const r = await runGrader(toolCall, toolSample('get_weather', '{"city": "Paris", "days": 1.0}'), toolItem);
    expect(r.reward).toBe(0.5);
    expect(r.sub_rewards).toEqual({ function_name: 1, arguments: 0 });
    expect(details(r)).toEqual({
      kind: 'multi',
      formula: '0.5 * function_name + 0.5 * arguments',
      substituted: '0.5 * 1 + 0.5 * 0 = 0.5',
      value: 0.5,
      failedKeys: [],
    });
    expect(r.explain!.summary).toBe('calculate_output gives 0.5 * 1 + 0.5 * 0 = 0.5.');
    expect(Object.values(r.metadata.errors).every((v) => v === false || v === null)).toBe(true);
  });

  it("the guide's (name + email) / 2", async () => {
    const r = await runGrader(nameEmail, { output_text: '', output_json: { name: 'Ada Lovelace', email: 'ADA@example.com' } }, contactItem);
    expect(r.reward).toBe(1);
    const half = await runGrader(nameEmail, { output_text: '', output_json: { name: 'Ada', email: 'ada@example.com' } }, contactItem);
    expect(half.reward).toBe(0.5);
    expect(details(half).substituted).toBe('(0 + 1) / 2 = 0.5');
  });

  it('each sub-grader is explained under its key, with pointers into /graders/<key>', async () => {
    const r = await runGrader(toolCall, toolSample('get_weather', '{}'), toolItem);
    const children = r.explain!.children!;
    expect(Object.keys(children)).toEqual(['function_name', 'arguments']);
    expect(children.function_name!.type).toBe('string_check');
    expect(children.arguments!.details).toMatchObject({ kind: 'string_check', passed: false });
    expect(children.function_name!.rendered.map((f) => f.pointer)).toEqual(['/graders/function_name/input', '/graders/function_name/reference']);
    expect(r.explain!.rendered.map((f) => f.pointer)).toContain('/graders/arguments/reference');
  });

  it("a sub-grader's pass_threshold gives its explanation a badge", async () => {
    const g = { ...nameEmail, graders: { ...nameEmail.graders, name: { ...nameEmail.graders.name, pass_threshold: 1 } as SubGrader } };
    const r = await runGrader(g, { output_text: '', output_json: { name: 'Ada', email: 'x' } }, contactItem);
    expect(r.explain!.children!.name!.pass).toEqual({ threshold: 1, passed: false });
    expect(r.explain!.children!.email!.pass).toBeUndefined();
  });

  it('division by zero gives reward 0 with other_error and the reason', async () => {
    const g = { ...toolCall, calculate_output: 'function_name / arguments' };
    const r = await runGrader(g, toolSample('get_weather', 'nope'), toolItem);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.other_error).toBe(true);
    expect(r.metadata.errors.formula_parse_error).toBe(false);
    expect(r.sub_rewards).toEqual({ function_name: 1, arguments: 0 });
    expect(details(r).error).toEqual({ kind: 'math', message: 'division by zero: 1 / 0', start: 0, end: 25 });
    expect(details(r).substituted).toBe('1 / 0 → division by zero: 1 / 0');
    expect(r.explain!.problems).toEqual([
      { flag: 'other_error', pointer: '/calculate_output', message: expect.stringContaining('division by zero: 1 / 0\n  function_name / arguments\n  ^^^^') },
    ]);
    expect(r.explain!.assumptions.map((a) => a.id)).toContain('formula-math-error');
  });

  it('a non-finite result (sqrt of a negative) gives reward 0 with other_error', async () => {
    const r = await runGrader({ ...toolCall, calculate_output: 'sqrt(arguments - function_name)' }, toolSample('get_weather', '{}'), toolItem);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.other_error).toBe(true);
    expect(details(r).error?.message).toBe('sqrt(-1) is not a real number');
  });

  it('an unknown variable sets invalid_variable_error and formula_parse_error, with a did-you-mean', async () => {
    const r = await runGrader({ ...nameEmail, calculate_output: '(name + emial) / 2' }, { output_text: '' }, contactItem);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.invalid_variable_error).toBe(true);
    expect(r.metadata.errors.formula_parse_error).toBe(true);
    expect(r.metadata.errors.other_error).toBe(false);
    expect(r.explain!.problems[0]).toMatchObject({ flag: 'invalid_variable_error', pointer: '/calculate_output' });
    expect(r.explain!.problems[0]!.message).toContain('"emial" at character 9 is not a key of graders (the keys are name, email). Did you mean "email"?');
  });

  it("the sub-grader's name field is not a variable", async () => {
    const r = await runGrader({ ...nameEmail, calculate_output: 'name_grader' }, { output_text: '' }, contactItem);
    expect(r.metadata.errors.invalid_variable_error).toBe(true);
  });

  it('a formula that does not parse sets formula_parse_error with the position', async () => {
    const r = await runGrader({ ...nameEmail, calculate_output: '(name + email / 2' }, { output_text: '' }, contactItem);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.formula_parse_error).toBe(true);
    expect(r.metadata.errors.invalid_variable_error).toBe(false);
    expect(r.explain!.problems[0]!.message).toContain('the "(" at character 1 is never closed: add a ")"\n  (name + email / 2\n  ^');
  });

  it('a failing sub-grader makes the whole grade an error; its key counts 0 in sub_rewards', async () => {
    // item.email is missing: the email check fails with invalid_variable_error.
    const r = await runGrader(nameEmail, { output_text: '', output_json: { name: 'Ada Lovelace', email: 'a' } }, { name: 'Ada Lovelace' });
    expect(r.reward).toBe(0);
    expect(r.sub_rewards).toEqual({ name: 1, email: 0 });
    expect(r.metadata.errors.invalid_variable_error).toBe(true);
    expect(r.metadata.errors.formula_parse_error).toBe(false);
    expect(details(r)).toMatchObject({ failedKeys: ['email'], value: 0.5, substituted: '(1 + 0) / 2 = 0.5' });
    expect(r.explain!.summary).toBe(
      'Sub-grader "email" (invalid_variable_error) failed, so the multi grade is an error and the reward is 0. Counting it as 0, the formula would give 0.5.',
    );
    expect(r.explain!.problems).toEqual([expect.objectContaining({ flag: 'invalid_variable_error', pointer: '/graders/email/reference' })]);
    expect(r.explain!.assumptions.map((a) => a.id)).toContain('multi-sub-error');
  });

  it('the assumptions shown are the ones the formula depends on', async () => {
    const r = await runGrader({ ...toolCall, calculate_output: 'max(function_name, arguments, 0) ^ 2 + log(1)' }, toolSample('get_weather', ''), toolItem);
    expect(r.reward).toBe(1);
    expect(r.explain!.assumptions.map((a) => a.id)).toEqual(['formula-power', 'formula-log', 'formula-variadic']);
    const plain = await runGrader(toolCall, toolSample('get_weather', ''), toolItem);
    expect(plain.explain!.assumptions).toEqual([]);
  });

  it("the multi grader's own pass_threshold still works", async () => {
    const r = await runGrader({ ...toolCall, pass_threshold: 0.5 }, toolSample('get_weather', ''), toolItem);
    expect(r.explain!.pass).toEqual({ threshold: 0.5, passed: true });
  });
});

describe('what multi may contain', () => {
  const labelJudge = {
    type: 'label_model',
    name: 'judge',
    model: 'gpt-4o-mini',
    input: [{ role: 'user', content: 'Is this polite? {{ sample.output_text }}' }],
    labels: ['polite', 'rude'],
    passing_labels: ['polite'],
  };

  it('label_model is accepted inside multi, though not at the top level', async () => {
    const g = { type: 'multi', name: 'm', graders: { judge: labelJudge, exact: check('{{ sample.output_text }}', 'hi') }, calculate_output: 'judge * exact' };
    expect(validateGrader(g).ok).toBe(true);
    const top = validateGrader(labelJudge);
    expect(top.ok).toBe(false);
    expect(top.problems[0]!.message).toMatch(/not accepted as the top-level grader/);

    // It runs as a sub-grader (no model endpoint is configured here, so it reports an error of its own).
    const r = await runGrader(g, { output_text: 'hi' }, {});
    expect(r.explain!.children!.judge!.type).toBe('label_model');
    expect(r.sub_rewards.exact).toBe(1);
    expect(r.explain!.problems.every((p) => p.pointer?.startsWith('/graders/judge'))).toBe(true);
  });

  it('a multi inside a multi is rejected at validation', async () => {
    const inner = { type: 'multi', name: 'inner', graders: { a: check('x', 'x') }, calculate_output: 'a' };
    const g = { type: 'multi', name: 'outer', graders: { inner, b: check('x', 'x') }, calculate_output: 'inner + b' };
    const v = validateGrader(g);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual(expect.objectContaining({ pointer: '/graders/inner/type', message: expect.stringMatching(/cannot contain another multi/) }));
    const r = await runGrader(g, { output_text: 'x' }, {});
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.other_error).toBe(true);
  });

  it('validation reports formula problems at /calculate_output, and unused keys as warnings', () => {
    const bad = validateGrader({ ...nameEmail, calculate_output: 'name +* email' });
    expect(bad.ok).toBe(false);
    expect(bad.problems).toContainEqual(
      expect.objectContaining({ pointer: '/calculate_output', severity: 'error', flags: ['formula_parse_error'], message: expect.stringContaining('at character 7') }),
    );
    const unused = validateGrader({ ...nameEmail, calculate_output: 'name' });
    expect(unused.ok).toBe(true);
    expect(unused.problems).toEqual([expect.objectContaining({ pointer: '/graders/email', severity: 'warning' })]);
  });

  it('the single-grader form of graders is still explained by validation', () => {
    const v = validateGrader({ type: 'multi', name: 'm', graders: check('a', 'a'), calculate_output: 'x' });
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.message).join('\n')).toMatch(/map of named graders/);
  });
});

describe('gradeAny on a multi directly (without validation)', () => {
  const ctx = { sample: { output_text: 'x' }, item: {}, settings: DEFAULT_SETTINGS, pointer: '', runtime: {} };

  it('checks the formula itself', async () => {
    const g: MultiGrader = { type: 'multi', name: 'm', graders: { a: check('x', 'x') }, calculate_output: 'a + b' };
    const o = await gradeAny(g, ctx);
    expect(o.reward).toBe(0);
    expect(o.errors).toMatchObject({ invalid_variable_error: true, formula_parse_error: true });
    expect(o.explain.details).toMatchObject({ kind: 'multi', error: { kind: 'unknown_variable', start: 4, end: 5 } });
    expect(o.explain.assumptions.map((a) => a.id)).toEqual(['formula-unknown-name']);
  });

  it('escapes keys in JSON pointers', async () => {
    const g: MultiGrader = { type: 'multi', name: 'm', graders: { 'a/b~c': check('{{ item.missing }}', 'x'), d: check('x', 'x') }, calculate_output: 'd' };
    const o = await gradeAny(g, { ...ctx, pointer: '/method/grader' });
    expect(o.explain.problems[0]!.pointer).toBe('/method/grader/graders/a~1b~0c/input');
  });
});

describe('combineMulti', () => {
  const grader: MultiGrader = {
    type: 'multi',
    name: 'm',
    graders: { judge: check('a', 'a'), judge2: check('a', 'a'), code: check('a', 'a') },
    calculate_output: '(judge + judge2 + code) / 3',
  };
  const usage = (p: number, c: number) => ({ prompt_tokens: p, completion_tokens: c, total_tokens: p + c, cached_tokens: 1 });
  const ok = (reward: number, extra: Partial<GradeOutcome> = {}): GradeOutcome => ({
    reward,
    errors: noErrors(),
    explain: explanation('score_model', 'ok'),
    ...extra,
  });

  it('sums token usage over the sub-graders that report it and merges the per-model table', () => {
    const o = combineMulti(grader, '', {
      judge: ok(1, { token_usage: usage(10, 5), usage_per_model: { 'gpt-4o': usage(10, 5) }, sampled_model_name: 'gpt-4o' }),
      judge2: ok(0.5, { token_usage: usage(20, 7), usage_per_model: { 'gpt-4o': usage(20, 7) }, sampled_model_name: 'gpt-4o' }),
      code: ok(0),
    });
    expect(o.reward).toBe(0.5);
    expect(o.token_usage).toEqual({ prompt_tokens: 30, completion_tokens: 12, total_tokens: 42, cached_tokens: 2 });
    expect(o.usage_per_model).toEqual({ 'gpt-4o': { prompt_tokens: 30, completion_tokens: 12, total_tokens: 42, cached_tokens: 2 } });
    expect(o.sampled_model_name).toBe('gpt-4o');
  });

  it('keeps models apart and names no single sampled model when there are several', () => {
    const o = combineMulti(grader, '', {
      judge: ok(1, { token_usage: usage(10, 5), usage_per_model: { 'gpt-4o': usage(10, 5) }, sampled_model_name: 'gpt-4o' }),
      judge2: ok(1, { token_usage: usage(1, 1), usage_per_model: { o3: usage(1, 1) }, sampled_model_name: 'o3' }),
      code: ok(1),
    });
    expect(Object.keys(o.usage_per_model!)).toEqual(['gpt-4o', 'o3']);
    expect(o.sampled_model_name).toBeNull();
  });

  it('ORs the error flags and keeps the details, naming the key when several sub-graders have them', () => {
    const crash = (details: string) => {
      const f = failure('python', { flag: 'python_grader_runtime_error', message: details }, { errors: { python_grader_runtime_error_details: details } });
      return f;
    };
    const one = combineMulti(grader, '', { judge: ok(1), judge2: ok(1), code: crash('KeyError: x') });
    expect(one.reward).toBe(0);
    expect(one.errors).toMatchObject({ python_grader_runtime_error: true, python_grader_runtime_error_details: 'KeyError: x' });
    expect(one.sub_rewards).toEqual({ judge: 1, judge2: 1, code: 0 });
    expect((one.explain.details as unknown as MultiDetails).value).toBeCloseTo(2 / 3, 15);
    const two = combineMulti(grader, '', { judge: crash('A'), judge2: ok(1), code: crash('B') });
    expect(two.errors.python_grader_runtime_error_details).toBe('judge: A\n\ncode: B');
    expect(two.explain.summary).toMatch(/^Sub-graders "judge" \(python_grader_runtime_error\), "code" \(python_grader_runtime_error\) failed/);
  });
});
