import { describe, expect, it } from 'vitest';
import { validateGrader } from './validate.ts';

const sc = { type: 'string_check', name: 'n', input: '{{ sample.output_text }}', reference: '{{ item.a }}', operation: 'eq' };
const errorsOf = (g: unknown, context?: 'top' | 'eval') =>
  validateGrader(g, context ? { context } : {}).problems.filter((p) => p.severity === 'error');

describe('validateGrader', () => {
  it('accepts a valid string_check and echoes it', () => {
    const r = validateGrader(sc);
    expect(r.ok).toBe(true);
    expect(r.ok && r.grader).toEqual(sc);
  });

  it('names an unknown type, with a suggestion', () => {
    const [e] = errorsOf({ ...sc, type: 'string_chek' });
    expect(e).toMatchObject({ pointer: '/type' });
    expect(e!.message).toContain('Did you mean "string_check"');
  });

  it('reports every missing field at once', () => {
    const errs = errorsOf({ type: 'string_check', name: 'x' });
    expect(errs.map((e) => e.message)).toEqual([
      'The string_check grader is missing the required field "input".',
      'The string_check grader is missing the required field "reference".',
      'The string_check grader is missing the required field "operation".',
    ]);
    expect(errs.every((e) => e.pointer === '')).toBe(true);
  });

  it('explains the neq and contains mistakes', () => {
    expect(errorsOf({ ...sc, operation: 'neq' })[0]!.message).toContain('"ne"');
    expect(errorsOf({ ...sc, operation: 'contains' })[0]!.message).toContain('use "like"');
  });

  it('rejects a wrong evaluation_metric with the list', () => {
    const [e] = errorsOf({ type: 'text_similarity', name: 'n', input: 'a', reference: 'b', evaluation_metric: 'rouge-l' });
    expect(e!.pointer).toBe('/evaluation_metric');
    expect(e!.message).toContain('Did you mean "rouge_l"');
  });

  it('rejects nested multi and the single-grader form of multi', () => {
    const nested = { type: 'multi', name: 'm', calculate_output: 'a', graders: { a: { type: 'multi', name: 'x', graders: {}, calculate_output: '1' } } };
    expect(errorsOf(nested)[0]).toMatchObject({ pointer: '/graders/a/type' });
    expect(errorsOf(nested)[0]!.message).toContain('cannot contain another multi');
    const single = { type: 'multi', name: 'm', calculate_output: 'a', graders: sc };
    expect(errorsOf(single)[0]!.message).toContain('map of named graders');
  });

  it('reports problems inside sub-graders with their pointer', () => {
    const m = { type: 'multi', name: 'm', calculate_output: 'a + b', graders: { a: sc, b: { ...sc, operation: 'gt' } } };
    expect(errorsOf(m)[0]).toMatchObject({ pointer: '/graders/b/operation' });
  });

  it('refuses label_model at the top level but allows it inside multi', () => {
    const label = { type: 'label_model', name: 'l', model: 'gpt-4o', input: [{ role: 'user', content: 'x' }], labels: ['a', 'b'], passing_labels: ['a'] };
    expect(errorsOf(label)[0]!.message).toContain('not accepted as the top-level grader');
    expect(errorsOf({ type: 'multi', name: 'm', calculate_output: 'l', graders: { l: label } })).toEqual([]);
  });

  it('checks that passing labels are among the labels', () => {
    const label = { type: 'label_model', name: 'l', model: 'm', input: [{ role: 'user', content: 'x' }], labels: ['a', 'b'], passing_labels: ['c'] };
    const errs = errorsOf({ type: 'multi', name: 'm', calculate_output: 'l', graders: { l: label } });
    expect(errs[0]).toMatchObject({ pointer: '/graders/l/passing_labels/0' });
  });

  it('refuses python source over 256 KB', () => {
    const source = 'def grade(sample, item):\n    return 1\n' + '#'.repeat(256 * 1024);
    expect(errorsOf({ type: 'python', name: 'p', source })[0]).toMatchObject({ pointer: '/source' });
    expect(errorsOf({ type: 'python', name: 'p', source: 'def grade(sample, item):\n    return 1\n' })).toEqual([]);
  });

  it('checks score_model messages, range and sampling params', () => {
    const g = {
      type: 'score_model',
      name: 's',
      model: 'gpt-4.1',
      input: [{ role: 'judge', content: 'x' }, { role: 'user', content: [{ type: 'input_txt', text: 'x' }] }],
      range: [1, 0],
      sampling_params: { max_completion_tokens: 5 },
    };
    const pointers = errorsOf(g).map((e) => e.pointer);
    expect(pointers).toEqual(['/input/0/role', '/input/1/content/0/type', '/range', '/sampling_params/max_completion_tokens']);
    expect(errorsOf(g).at(-1)!.message).toContain('max_completions_tokens');
  });

  it('checks template syntax in templated fields', () => {
    const [e] = errorsOf({ ...sc, reference: '{{ answer.x }}' });
    expect(e!.pointer).toBe('/reference');
    expect(e!.message).toContain('unknown namespace "answer"');
  });

  it('warns about unknown fields without failing', () => {
    const r = validateGrader({ ...sc, extra: 1 });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([expect.objectContaining({ pointer: '/extra', severity: 'warning' })]);
  });

  it('requires pass_threshold for text_similarity in evals', () => {
    const ts = { type: 'text_similarity', name: 'n', input: 'a', reference: 'b', evaluation_metric: 'bleu' };
    expect(errorsOf(ts)).toEqual([]);
    expect(errorsOf(ts, 'eval')[0]!.message).toContain('pass_threshold');
  });

  it('rejects non-objects', () => {
    expect(errorsOf([])[0]!.message).toContain('a list');
    expect(errorsOf('x')[0]!.message).toContain('JSON object');
  });
});

describe('graders nested too deep', () => {
  const nest = (depth: number) => {
    let g: unknown = { type: 'string_check', name: 's', input: 'a', reference: 'a', operation: 'eq' };
    for (let i = 0; i < depth; i++) g = { type: 'multi', name: `m${i}`, graders: { x: g }, calculate_output: 'x' };
    return g;
  };

  it('refuses a multi 2,000 deep with a message, without recursing', () => {
    const r = validateGrader(nest(2000));
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ pointer: '', severity: 'error' });
    expect(r.problems[0]!.message).toContain('nested more than 64 levels deep');
  });

  it('refuses a deep rule object inside a grader the same way', () => {
    let rule: unknown = { pattern: 'x' };
    for (let i = 0; i < 100_000; i++) rule = { has: rule };
    const r = validateGrader({ type: 'ast_grep', name: 'a', checks: [{ lang: 'python', rule }] });
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.message).toContain('nested more than 64 levels deep');
  });

  it('still reports the nesting rule for a shallow multi in a multi', () => {
    const r = validateGrader(nest(2));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message).join('\n')).toContain('cannot contain another multi grader');
  });
});
