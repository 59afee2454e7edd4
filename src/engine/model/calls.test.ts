import { describe, expect, it } from 'vitest';
import { modelCallsOf, modelCallsOfText } from './calls.ts';

const judge = (model: string) => ({ type: 'score_model', name: 'j', model, input: [], range: [0, 1] });

describe('modelCallsOf', () => {
  it('counts one request per model grader and per cosine similarity, by model', () => {
    expect(modelCallsOf(judge('gpt-4.1'))).toEqual([{ model: 'gpt-4.1', requests: 1 }]);
    const multi = {
      type: 'multi',
      name: 'm',
      graders: {
        a: judge('gpt-4.1'),
        b: { type: 'label_model', name: 'l', model: 'o4-mini', input: [], labels: ['x'], passing_labels: ['x'] },
        c: judge('gpt-4.1'),
        d: { type: 'text_similarity', name: 't', input: 'a', reference: 'b', evaluation_metric: 'cosine' },
        e: { type: 'python', name: 'p', source: '' },
        f: { type: 'text_similarity', name: 't', input: 'a', reference: 'b', evaluation_metric: 'bleu' },
      },
      calculate_output: 'a',
    };
    expect(modelCallsOf(multi)).toEqual([
      { model: 'gpt-4.1', requests: 2 },
      { model: 'o4-mini', requests: 1 },
      { model: 'text-embedding-3-large', requests: 1 },
    ]);
  });

  it('no calls for graders without models, or text that does not parse', () => {
    expect(modelCallsOf({ type: 'python', name: 'p', source: '' })).toEqual([]);
    expect(modelCallsOfText('{not json')).toEqual([]);
    expect(modelCallsOfText(JSON.stringify(judge('m')))).toEqual([{ model: 'm', requests: 1 }]);
  });
});
