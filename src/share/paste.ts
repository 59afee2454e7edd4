/**
 * What people paste first, made into what the editors hold: a Python `grade` function (as OpenAI's RFT guide
 * prints graders) becomes a python grader, and a model's plain answer becomes a sample the way OpenAI's
 * /graders/run builds one from `model_sample` (output_text, and output_json when the text parses). Each returns
 * null when the text is not such a thing, so JSON is never rewritten. Must not: touch the DOM or guess beyond this.
 */
import { isJsonObject, parseJson } from '../engine/json.ts';
import { sampleFromModelText } from '../engine/sample.ts';
import { prettyJson } from './doc.ts';

/** The keys of OpenAI's sample namespace: an object with one of them is already a sample. */
const SAMPLE_KEYS = ['output_text', 'output_json', 'output_tools', 'choices'];

/** True for Python source that defines `grade(...)` at the top level (and is not JSON). */
export function isPythonGrader(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.startsWith('{') || t.startsWith('[')) return false;
  return /^(async\s+)?def\s+grade\s*\(/m.test(t);
}

/** A python grader's pretty JSON around `source`, or null when the text is not a python grader. */
export function pythonGraderFromSource(text: string): string | null {
  if (!isPythonGrader(text)) return null;
  // Keep the source as pasted (trailing spaces of a copy trimmed); the grader editor shows it on its own tab.
  const source = text.replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n';
  return prettyJson({ type: 'python', name: 'python_grader', source });
}

/**
 * The sample for a pasted model output, or null when the text already is a sample (a JSON object with a sample
 * key) or is empty. A JSON object without sample keys is a model's JSON answer: output_text is its text and
 * output_json its value, as /graders/run does.
 */
export function sampleFromPastedText(text: string): string | null {
  if (text.trim() === '') return null;
  const parsed = parseJson(text);
  if (parsed.ok && isJsonObject(parsed.value) && SAMPLE_KEYS.some((k) => Object.hasOwn(parsed.value as object, k))) return null;
  return prettyJson(sampleFromModelText(text));
}
