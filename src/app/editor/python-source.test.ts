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
    expect(findPythonSources(text)).toEqual([{ path: ['graders', 'fmt', 'source'], label: 'fmt', value: 'def grade(s, i):\n    return 1\n' }]);
    expect(findPythonSources('{"type": "python", "source": "x = 1"}')).toEqual([{ path: ['source'], label: 'source', value: 'x = 1' }]);
    expect(findPythonSources('{"type": "string_check"}')).toEqual([]);
    expect(findPythonSources('not json')).toEqual([]);
  });

  it('writes an edited source back, escaping it and keeping the rest of the text as it was', () => {
    const text = '{\n  "type": "python",\n  "name": "keep   spacing",\n  "source": "old"\n}';
    const out = replaceSource(text, ['source'], 'def grade(s, i):\n    return "q\\"uote"\n');
    expect(out).toBe('{\n  "type": "python",\n  "name": "keep   spacing",\n  "source": "def grade(s, i):\\n    return \\"q\\\\\\"uote\\"\\n"\n}');
    expect(JSON.parse(out).source).toBe('def grade(s, i):\n    return "q\\"uote"\n');
  });
});
