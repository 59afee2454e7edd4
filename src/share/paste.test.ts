import { describe, expect, it } from 'vitest';
import { isPythonGrader, pythonGraderFromSource, sampleFromPastedText } from './paste.ts';

// The first python grader of OpenAI's RFT guide, as printed there.
const GUIDE = `from rapidfuzz import fuzz, utils

def grade(sample, item) -> float:
    output_text = sample["output_text"]
    reference_answer = item["reference_answer"]
    return fuzz.WRatio(output_text, reference_answer, processor=utils.default_process) / 100.0
`;

describe('pasted Python', () => {
  it('a grade function becomes a python grader holding the source as pasted', () => {
    const g = JSON.parse(pythonGraderFromSource(GUIDE)!) as Record<string, string>;
    expect(g.type).toBe('python');
    expect(g.name).toBe('python_grader');
    expect(g.source).toBe(GUIDE);
  });

  it('JSON, other Python and prose are left alone', () => {
    expect(isPythonGrader('{"type": "python", "source": "def grade(s, i):\\n  return 1"}')).toBe(false);
    expect(isPythonGrader('def score(sample, item):\n    return 1')).toBe(false);
    expect(isPythonGrader('I would define grade(x) as...')).toBe(false);
    expect(pythonGraderFromSource('print(1)')).toBeNull();
    expect(isPythonGrader('import json\n\nasync def grade(sample, item):\n    return 1.0')).toBe(true);
  });
});

describe('pasted model output', () => {
  it('plain text becomes output_text with the chat choice, no output_json', () => {
    const s = JSON.parse(sampleFromPastedText('The capital is Paris.')!) as Record<string, unknown>;
    expect(s.output_text).toBe('The capital is Paris.');
    expect(s.output_json).toBeUndefined();
    expect(s.choices).toEqual([{ index: 0, message: { role: 'assistant', content: 'The capital is Paris.' } }]);
  });

  it('a JSON answer becomes output_text and output_json, numbers kept as written', () => {
    const text = '{"answer": 1.0, "city": "Paris"}';
    const out = sampleFromPastedText(text)!;
    const s = JSON.parse(out) as Record<string, unknown>;
    expect(s.output_text).toBe(text);
    expect(s.output_json).toEqual({ answer: 1, city: 'Paris' });
    expect(out).toContain('"answer": 1.0');
  });

  it('a sample stays a sample; nothing pasted gives nothing', () => {
    expect(sampleFromPastedText('{"output_text": "hi"}')).toBeNull();
    expect(sampleFromPastedText('{"choices": []}')).toBeNull();
    expect(sampleFromPastedText('  \n')).toBeNull();
  });
});
