/**
 * Small builders the example files share: model outputs as samples, and judge replies as the JSON a model
 * grader returns. Data helpers only: they never grade.
 */
import type { PlainJson } from './types.ts';

/** A plain-text model output, as the sample namespace holds it. */
export function textSample(text: string): { output_text: string } {
  return { output_text: text };
}

/** A structured model output: `output_text` is the JSON text, `output_json` its parse (as OpenAI fills both). */
export function jsonSample(value: { [key: string]: PlainJson }): { output_text: string; output_json: { [key: string]: PlainJson } } {
  return { output_text: JSON.stringify(value), output_json: value };
}

/** One tool call in Chat Completions' `tool_calls` shape; `args` is the arguments JSON text exactly as the model wrote it. */
export function toolCall(id: string, name: string, args: string): PlainJson {
  return { id, type: 'function', function: { name, arguments: args } };
}

/** The reply of a score_model or label_model judge: `{"result": ..., "steps": [...]}`. */
export function judgeReply(result: number | string, steps: [description: string, conclusion: string][]): string {
  return JSON.stringify({ result, steps: steps.map(([description, conclusion]) => ({ description, conclusion })) });
}
