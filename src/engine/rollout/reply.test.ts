import { describe, expect, it } from 'vitest';
import { chatCompletion } from '../../cli/fake-openai.ts';
import { toPlain } from '../json.ts';
import { sampleFromChatText, StreamAssembler } from './reply.ts';

const reply = (message: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ choices: [{ index: 0, message, finish_reason: 'stop' }], ...extra });

describe('sample from a Chat Completions reply', () => {
  it('fills output_text, output_json (when the text is JSON), output_tools and choices', () => {
    const r = sampleFromChatText(JSON.stringify(chatCompletion('{"a": [1, 2]}')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(toPlain(r.sample)).toEqual({
      output_text: '{"a": [1, 2]}',
      output_tools: [],
      choices: [{ index: 0, message: { role: 'assistant', content: '{"a": [1, 2]}' }, finish_reason: 'stop' }],
      output_json: { a: [1, 2] },
    });
    const plain = sampleFromChatText(JSON.stringify(chatCompletion('Paris')));
    expect(plain.ok && 'output_json' in plain.sample).toBe(false);
  });

  it('keeps reasoning out of output_text: reasoning fields and a leading <think> block', () => {
    const r = sampleFromChatText(reply({ role: 'assistant', content: '<think>hmm\nso</think>\n42', reasoning_content: 'more' }));
    expect(r.ok && r.sample.output_text).toBe('42');
  });

  it('takes tool calls with content null; output_text is then empty', () => {
    const calls = [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"id": 7}' } }];
    const r = sampleFromChatText(reply({ role: 'assistant', content: null, tool_calls: calls }));
    expect(r.ok && r.sample.output_text).toBe('');
    expect(r.ok && r.sample.output_tools).toEqual(calls);
  });

  it('reports malformed replies with what was wrong', () => {
    expect(sampleFromChatText('')).toEqual({ ok: false, message: 'the reply is not JSON: (empty body)' });
    expect(sampleFromChatText('{"choices": []}')).toEqual({ ok: false, message: 'the reply has no "choices"' });
    expect(sampleFromChatText('{"choices": [{}]}')).toEqual({ ok: false, message: 'the first choice has no "message"' });
    expect(sampleFromChatText(reply({ role: 'assistant', content: 5 }))).toEqual({ ok: false, message: 'the message "content" is neither text nor null' });
    expect(sampleFromChatText(reply({ role: 'assistant', content: null, refusal: 'no' }))).toEqual({
      ok: false,
      message: 'the message has neither content nor tool calls (refusal: no)',
    });
  });

  it('assembles stream events split anywhere, and reports a stream error or a broken event', () => {
    const a = new StreamAssembler();
    const text = 'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\ndata: {"choices":[{"delta":{"content":"lo"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    for (let i = 0; i < text.length; i += 7) a.push(text.slice(i, i + 7));
    const r = a.finishReply();
    expect(r.ok && r.sample.output_text).toBe('Hello');
    expect(a.done).toBe(true);
    const b = new StreamAssembler();
    b.push('data: {"error": {"message": "boom"}}\n\n');
    expect(b.finishReply()).toEqual({ ok: false, message: 'the stream reported an error: boom' });
    const c = new StreamAssembler();
    c.push('data: {not json\n\n');
    expect(c.finishReply()).toEqual({ ok: false, message: 'a stream event is not JSON: {not json' });
    expect(new StreamAssembler().finishReply()).toEqual({ ok: false, message: 'the stream carried no completion' });
  });
});
