import { describe, expect, it } from 'vitest';
import { prepareGrader, runGrader, runPrepared } from './run.ts';
import { ERROR_FLAGS } from './types.ts';

const ERROR_KEYS = [
  'formula_parse_error',
  'sample_parse_error',
  'truncated_observation_error',
  'unresponsive_reward_error',
  'invalid_variable_error',
  'other_error',
  'python_grader_server_error',
  'python_grader_server_error_type',
  'python_grader_runtime_error',
  'python_grader_runtime_error_details',
  'model_grader_server_error',
  'model_grader_refusal_error',
  'model_grader_parse_error',
  'model_grader_server_error_details',
];

const sc = { type: 'string_check', name: 'exact', input: '{{ sample.output_text }}', reference: 'x', operation: 'eq' };

describe('runGrader result shape (OpenAI RunGraderResponse)', () => {
  it('has every field and all 14 error keys on success', async () => {
    const r = await runGrader(sc, { output_text: 'x' }, {});
    expect(Object.keys(r).sort()).toEqual(['explain', 'metadata', 'model_grader_token_usage_per_model', 'reward', 'sub_rewards']);
    expect(Object.keys(r.metadata).sort()).toEqual(
      ['errors', 'execution_time', 'name', 'sampled_model_name', 'scores', 'token_usage', 'type'].sort(),
    );
    expect(Object.keys(r.metadata.errors).sort()).toEqual([...ERROR_KEYS].sort());
    expect(r.metadata).toMatchObject({ name: 'exact', type: 'string_check', token_usage: null, sampled_model_name: null });
    expect(r.metadata.execution_time).toBeGreaterThanOrEqual(0);
    expect(r.reward).toBe(1);
  });

  it('an invalid grader gives reward 0, other_error and every problem', async () => {
    const r = await runGrader({ type: 'string_check', name: 'x', operation: 'neq' }, {}, {});
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.other_error).toBe(true);
    expect(Object.keys(r.metadata.errors)).toHaveLength(14);
    expect(r.explain!.problems.length).toBe(3);
  });

  it('has 11 boolean flags', () => {
    expect(ERROR_FLAGS).toHaveLength(11);
  });

  it('shows pass/fail against pass_threshold without changing the reward', async () => {
    const r = await runGrader({ ...sc, pass_threshold: 0.5 }, { output_text: 'y' }, {});
    expect(r.reward).toBe(0);
    expect(r.explain!.pass).toEqual({ threshold: 0.5, passed: false });
  });

  it('a model grader without an endpoint gives reward 0 with an error, never an invented score', async () => {
    const r = await runGrader(
      { type: 'score_model', name: 's', model: 'gpt-4.1', input: [{ role: 'user', content: 'grade {{ sample.output_text }}' }] },
      { output_text: 'y' },
      {},
    );
    expect(r.reward).toBe(0);
    expect(Object.values(r.metadata.errors).some((v) => v === true)).toBe(true);
  });
});

describe('prepareGrader + runPrepared (validate once, grade many)', () => {
  it('gives what runGrader gives, sample after sample, without validating again', async () => {
    const grader = { type: 'text_similarity', name: 'b', input: '{{ sample.output_text }}', reference: '{{ item.ref }}', evaluation_metric: 'bleu', pass_threshold: 0.5 };
    const prepared = prepareGrader(grader);
    expect(prepared.validation.ok).toBe(true);
    const cases: [string, string][] = [['the cat sat on the mat', 'the cat sat on the mat'], ['a b c d e', 'a b c d f'], ['', 'x']];
    for (const [out, ref] of cases) {
      const a = await runPrepared(prepared, { output_text: out }, { ref });
      const b = await runGrader(grader, { output_text: out }, { ref });
      const strip = (r: typeof a) => ({ ...r, metadata: { ...r.metadata, execution_time: 0 } });
      expect(strip(a)).toEqual(strip(b));
    }
  });

  it('carries an invalid grader\'s problems into every result', async () => {
    const prepared = prepareGrader({ type: 'string_check', name: 'x', input: '{{ sample.output_text }}', reference: 'x', operation: 'nope' });
    expect(prepared.validation.ok).toBe(false);
    const r = await runPrepared(prepared, { output_text: 'x' }, {});
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.other_error).toBe(true);
    expect(prepared.type).toBe('string_check');
  });
});

describe('prepareGrader + runPrepared over grader kinds (a grader validated once for many samples)', () => {
  const untimed = (r: Awaited<ReturnType<typeof runGrader>>) => ({ ...r, metadata: { ...r.metadata, execution_time: 0 } });
  const graders: unknown[] = [
    sc,
    { type: 'text_similarity', name: 'b', input: '{{ sample.output_text }}', reference: '{{ item.ref }}', evaluation_metric: 'bleu', pass_threshold: 0.3 },
    { type: 'multi', name: 'm', graders: { a: sc, b: { ...sc, operation: 'like' } }, calculate_output: 'a + b' },
    { type: 'string_check', name: 'bad', input: '{{ sample.output_text }}', operation: 'eq' },
    { type: 'multi', name: 'm2', graders: { a: sc }, calculate_output: 'a +' },
  ];
  const cases: [unknown, unknown][] = [
    [{ output_text: 'x' }, { ref: 'x y' }],
    [{ output_text: 'the cat sat' }, { ref: 'the cat sat down' }],
    [{ output_text: 'X' }, {}],
  ];
  it('grades every sample as runGrader does, invalid graders included', async () => {
    for (const g of graders) {
      const prepared = prepareGrader(g);
      for (const [sample, item] of cases) {
        for (const explain of [true, false]) {
          const a = await runPrepared(prepared, sample as never, item as never, { explain });
          const b = await runGrader(g, sample as never, item as never, { explain });
          expect(untimed(a)).toEqual(untimed(b));
        }
      }
      expect(prepared.validation.ok).toBe(g !== graders[3] && g !== graders[4]);
    }
  });
});
