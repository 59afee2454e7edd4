import { describe, expect, it } from 'vitest';
import { findPythonSources, replaceSource } from './python-source.ts';

describe('python sources in a grader', () => {
  it('finds the top-level source and those of multi sub-graders', () => {
    const text = JSON.stringify({
      type: 'multi',
      name: 'm',
      graders: {
        fmt: { type: 'python', name: 'f', source: 'def grade(s, i):\n    return 1\n' },
        eq: { type: 'string_check', name: 'e', input: 'a', reference: 'a', operation: 'eq' },
      },
      calculate_output: 'fmt',
    });
    expect(findPythonSources(text)).toEqual([
      { path: ['graders', 'fmt', 'source'], label: 'fmt', value: 'def grade(s, i):\n    return 1\n', language: 'python' },
    ]);
    expect(findPythonSources('{"type": "python", "source": "x = 1"}')).toEqual([{ path: ['source'], label: 'source', value: 'x = 1', language: 'python' }]);
    expect(findPythonSources('{"type": "string_check"}')).toEqual([]);
    expect(findPythonSources('not json')).toEqual([]);
  });

  it('finds the prompt messages of model graders, for editing few-shot prompts as text', () => {
    const text = JSON.stringify({
      type: 'score_model',
      name: 's',
      model: 'm',
      input: [
        { role: 'system', content: 'Rubric' },
        { role: 'user', content: [{ type: 'input_text', text: 'Answer: {{ sample.output_text }}' }] },
      ],
    });
    expect(findPythonSources(text)).toEqual([
      { path: ['input', 0, 'content'], label: 'prompt 0·system', value: 'Rubric', language: 'plaintext' },
      { path: ['input', 1, 'content', 0, 'text'], label: 'prompt 1·user.0', value: 'Answer: {{ sample.output_text }}', language: 'plaintext' },
    ]);
  });

  it('writes an edited source back, escaping it and keeping the rest of the text as it was', () => {
    const text = '{\n  "type": "python",\n  "name": "keep   spacing",\n  "source": "old"\n}';
    const out = replaceSource(text, ['source'], 'def grade(s, i):\n    return "q\\"uote"\n');
    expect(out).toBe('{\n  "type": "python",\n  "name": "keep   spacing",\n  "source": "def grade(s, i):\\n    return \\"q\\\\\\"uote\\"\\n"\n}');
    expect(JSON.parse(out).source).toBe('def grade(s, i):\n    return "q\\"uote"\n');
  });
});
