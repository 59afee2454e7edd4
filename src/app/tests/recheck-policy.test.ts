import { describe, expect, it } from 'vitest';
import { recheckMode } from './recheck-policy.ts';

const judge = { type: 'score_model', name: 'j', model: 'gpt-4.1', input: [{ role: 'user', content: '{{ sample.output_text }}' }] };
const check = { type: 'string_check', name: 's', input: '{{ sample.output_text }}', reference: 'x', operation: 'eq' };

describe('recheckMode', () => {
  it('re-checks graders that call no model at every edit, endpoint or not', () => {
    expect(recheckMode(JSON.stringify(check), 50, true)).toEqual({ kind: 'every-edit' });
    expect(recheckMode(JSON.stringify(check), 50, false)).toEqual({ kind: 'every-edit' });
    expect(recheckMode('{ not json', 3, true)).toEqual({ kind: 'every-edit' });
  });

  it('asks before model calls and counts them: one per model grader per case, multi and cosine included', () => {
    expect(recheckMode(JSON.stringify(judge), 4, true)).toEqual({ kind: 'on-request', calls: 4 });
    const multi = { type: 'multi', name: 'm', graders: { a: judge, b: { ...judge, type: 'label_model' }, c: check }, calculate_output: 'a + b + c' };
    expect(recheckMode(JSON.stringify(multi), 3, true)).toEqual({ kind: 'on-request', calls: 6 });
    const cosine = { type: 'text_similarity', name: 'c', input: 'a', reference: 'b', evaluation_metric: 'cosine' };
    expect(recheckMode(JSON.stringify(cosine), 2, true)).toEqual({ kind: 'on-request', calls: 2 });
  });

  it('never checks model graders where calls are not allowed (no endpoint, or a link without consent)', () => {
    expect(recheckMode(JSON.stringify(judge), 5, false)).toEqual({ kind: 'blocked', calls: 5 });
  });
});
