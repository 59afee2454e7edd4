/** What each target platform refuses, checked on small graders: each rule with its citation. */
import { describe, expect, it } from 'vitest';
import { FOUNDRY_CODE_LIMIT, platformFindings } from './platform-check.ts';

const judge = { type: 'score_model', name: 'j', model: 'gpt-4.1', input: [{ role: 'user', content: '{{ sample.output_text }}' }] };

describe('Azure AI Foundry', () => {
  it('refuses judge models it does not list, and accepts the two it does', () => {
    const bad = platformFindings(judge, {}, 'foundry').filter((f) => f.severity === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ pointer: '/model' });
    expect(bad[0]!.message).toContain('gpt-4o-2024-08-06 and o3-mini-2025-01-31');
    expect(bad[0]!.source).toContain('how-to-reinforcement-fine-tuning-content.md');
    expect(platformFindings({ ...judge, model: 'o3-mini-2025-01-31' }, {}, 'foundry').filter((f) => f.severity === 'error')).toEqual([]);
    expect(platformFindings(judge, {}, 'openai').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses python code over 256 KB and imports outside its module list, inside a multi too', () => {
    const big = { type: 'python', name: 'p', source: `def grade(sample, item):\n    return 1.0\n# ${'x'.repeat(FOUNDRY_CODE_LIMIT)}` };
    expect(platformFindings(big, {}, 'foundry').some((f) => f.severity === 'error' && /256 KB/.test(f.message))).toBe(true);
    expect(platformFindings(big, {}, 'openai').some((f) => /256 KB/.test(f.message))).toBe(false);
    const multi = {
      type: 'multi',
      name: 'm',
      graders: { a: { type: 'python', name: 'a', source: 'import json, requests\nfrom rapidfuzz import fuzz\nimport numpy as np\n\ndef grade(s, i):\n    return 1\n' } },
      calculate_output: 'a',
    };
    const errors = platformFindings(multi, {}, 'foundry').filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message.split(':')[0])).toEqual(['import requests']);
    expect(errors[0]!.pointer).toBe('/graders/a/source');
  });

  it('wants the last message of the item to be the user’s', () => {
    const item = { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] };
    const f = platformFindings({ type: 'string_check', name: 's', input: 'a', reference: 'b', operation: 'eq' }, item, 'foundry');
    expect(f.find((x) => x.pointer === 'item:/messages')?.severity).toBe('error');
    const ok = platformFindings({ type: 'string_check', name: 's', input: 'a', reference: 'b', operation: 'eq' }, { messages: [item.messages[0]!] }, 'foundry');
    expect(ok.find((x) => x.pointer === 'item:/messages')).toBeUndefined();
  });

  it('warns about what its guide does not list (label_model, cosine) and refuses ast_grep everywhere', () => {
    const label = { type: 'label_model', name: 'l', model: 'gpt-4o-2024-08-06', input: [], labels: ['a'], passing_labels: ['a'] };
    expect(platformFindings(label, {}, 'foundry').find((f) => f.pointer === '/type')?.severity).toBe('warning');
    const cos = { type: 'text_similarity', name: 'c', input: 'a', reference: 'b', evaluation_metric: 'cosine' };
    expect(platformFindings(cos, {}, 'foundry').find((f) => f.pointer === '/evaluation_metric')?.severity).toBe('warning');
    const ast = { type: 'ast_grep', name: 'a', checks: [{ rule: 'print($A)' }] };
    expect(platformFindings(ast, {}, 'openai')[0]).toMatchObject({ severity: 'error', pointer: '/type' });
  });
});
