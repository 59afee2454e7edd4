import { describe, expect, it } from 'vitest';
import { rowFromValue } from '../dataset.ts';
import { toPlain } from '../json.ts';
import { importRollouts } from './import.ts';

describe('importRollouts', () => {
  it('reads a TRL completions table as W&B exports it, one row per prompt, without logged rewards', () => {
    const table = {
      columns: ['step', 'prompt', 'completion', 'accuracy_reward', 'advantage', 'answer'],
      data: [
        ['1', 'What is 2+2?', '4', 1, 0.5, '4'],
        ['1', 'What is 2+2?', '5', 0, -0.5, '4'],
        ['1', 'Capital of France?', 'Paris', 1, 0, 'Paris'],
      ],
    };
    const r = importRollouts(JSON.stringify(table));
    expect(r.format).toBe('wandb-table');
    expect(r.rows).toHaveLength(2);
    const first = toPlain(r.rows[0]!) as Record<string, unknown>;
    expect(first.messages).toEqual([{ role: 'user', content: 'What is 2+2?' }]);
    expect(first.answer).toBe('4');
    expect(first.accuracy_reward).toBe(1);
    expect(first).not.toHaveProperty('step');
    expect(first).not.toHaveProperty('advantage');
    expect((first.samples as { output_text: string }[]).map((s) => s.output_text)).toEqual(['4', '5']);
    // The dataset reader takes the rows as they are.
    const row = rowFromValue(r.rows[0]!, 0);
    expect('samples' in row && row.samples).toHaveLength(2);
  });

  it('reads prompt/completion JSONL with conversational prompts and completions, and reports what it skipped', () => {
    const lines = [
      JSON.stringify({ prompt: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }], completion: [{ role: 'assistant', content: 'hello' }] }),
      'not json',
      JSON.stringify({ question: 'q', response: '{"a": 1}' }),
      JSON.stringify({ prompt: 'x' }),
    ].join('\n');
    const r = importRollouts(lines);
    expect(r.format).toBe('jsonl');
    expect(r.rows.map((x) => toPlain(x))).toEqual([
      {
        messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }],
        samples: [{ output_text: 'hello', output_tools: [], choices: [{ index: 0, message: { role: 'assistant', content: 'hello' } }] }],
      },
      {
        messages: [{ role: 'user', content: 'q' }],
        samples: [{ output_text: '{"a": 1}', output_tools: [], choices: [{ index: 0, message: { role: 'assistant', content: '{"a": 1}' } }], output_json: { a: 1 } }],
      },
    ]);
    expect(r.skipped.map((s) => [s.line, s.message.split(':')[0]])).toEqual([[2, 'invalid JSON'], [4, 'no completion field (completion, response, output)']]);
  });
});
