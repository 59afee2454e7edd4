/** Documents several chapters share. Data only. */
import type { PlainJson } from '../../types.ts';

export const capitalItem: { [key: string]: PlainJson } = {
  question: 'Which city is the capital of Australia? Options: Sydney, Melbourne, Canberra, Perth. Reply with the city only.',
  answer: 'Canberra',
};

export const capitalJsonItem: { [key: string]: PlainJson } = {
  question: 'Which city is the capital of Australia? Reply as JSON {"answer": "<city>"}.',
  answer: 'Canberra',
};

/** The reply of a score_model or label_model judge. */
export function judged(result: number | string, why: string): string {
  return JSON.stringify({ result, steps: [{ description: why, conclusion: String(result) }] });
}
