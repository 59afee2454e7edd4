/**
 * The text a person reads for one sample in the dataset table and its exports: `output_text` when it is a
 * string, else the JSON text of `output_json`, else the JSON text of the whole sample (a plain string sample
 * is itself). Display only: grading never reads this.
 */
import { isJsonObject, losslessJsonText } from '../json.ts';
import type { JsonValue } from '../types.ts';

export function sampleText(sample: JsonValue | undefined): string {
  if (sample === undefined) return '';
  if (typeof sample === 'string') return sample;
  if (isJsonObject(sample)) {
    if (typeof sample.output_text === 'string') return sample.output_text;
    if (sample.output_json !== undefined) return losslessJsonText(sample.output_json);
  }
  return losslessJsonText(sample);
}

/** At most `max` characters (by code point, so a surrogate pair is never split), with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Code points of the first 2·max + 2 UTF-16 units: enough to know whether the text has more than max.
  const points = Array.from(text.slice(0, 2 * max + 2));
  if (points.length <= max && text.length <= 2 * max + 2) return text;
  return points.slice(0, max - 1).join('') + '…';
}
