/**
 * The `sample` namespace built from a bare model output string, as OpenAI's /graders/run builds it from
 * `model_sample`: output_text is the string, output_json its parse when it is valid JSON.
 */
import { parseJson } from './json.ts';
import type { JsonObject } from './types.ts';

export function sampleFromModelText(text: string): JsonObject {
  const sample: JsonObject = {
    output_text: text,
    output_tools: [],
    choices: [{ index: 0, message: { role: 'assistant', content: text } }],
  };
  const parsed = parseJson(text);
  if (parsed.ok) sample.output_json = parsed.value;
  return sample;
}
