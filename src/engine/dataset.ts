/**
 * Dataset rows as the CLI and the dataset view read them: `{"item": ..., "sample": ...}`,
 * `{"item": ..., "samples": [...]}`, or an RFT training row (its `messages` and other keys are the item) with a
 * `sample` or `samples` key. A sample given as a bare string is a model output, mapped like /graders/run does.
 */
import { isJsonObject, parseJson } from './json.ts';
import { sampleFromModelText } from './sample.ts';
import type { JsonObject, JsonValue } from './types.ts';

export interface DatasetRow {
  /** 0-based line index in the file. */
  row: number;
  item: JsonValue;
  samples: JsonValue[];
}

export interface DatasetRowError {
  row: number;
  /** 1-based line number, for messages. */
  line: number;
  message: string;
}

function toSample(v: JsonValue): JsonValue {
  return typeof v === 'string' ? sampleFromModelText(v) : v;
}

export function rowFromValue(value: JsonValue, row: number): DatasetRow | DatasetRowError {
  const line = row + 1;
  if (!isJsonObject(value)) return { row, line, message: 'a row must be a JSON object' };
  const has = (k: string) => Object.prototype.hasOwnProperty.call(value, k);
  let samples: JsonValue[];
  if (has('samples')) {
    const s = value.samples;
    if (!Array.isArray(s)) return { row, line, message: '"samples" must be a list of samples' };
    if (s.length === 0) return { row, line, message: '"samples" is empty' };
    samples = s.map(toSample);
  } else if (has('sample')) {
    samples = [toSample(value.sample!)];
  } else {
    return { row, line, message: 'the row has no "sample" or "samples" to grade' };
  }
  let item: JsonValue;
  if (has('item')) item = value.item!;
  else {
    // An RFT training row: everything but the samples is the item (messages included, as in OpenAI's RFT).
    const rest: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'sample' && k !== 'samples') rest[k] = v;
    item = rest;
  }
  return { row, item, samples };
}

/** Parse JSONL text into rows and per-line errors (blank lines are skipped; the rest still run). */
export function parseJsonl(text: string): { rows: DatasetRow[]; errors: DatasetRowError[] } {
  const rows: DatasetRow[] = [];
  const errors: DatasetRowError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    const parsed = parseJson(l);
    if (!parsed.ok) {
      errors.push({ row: i, line: i + 1, message: `invalid JSON at column ${parsed.error.column}: ${parsed.error.message}` });
      return;
    }
    const r = rowFromValue(parsed.value, i);
    if ('message' in r) errors.push(r);
    else rows.push(r);
  });
  return { rows, errors };
}

export interface RewardSummary {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  errors: number;
}

/** Mean, population standard deviation, min, max of rewards, and how many results had an error flag. */
export function summarize(rewards: number[], errored: number): RewardSummary {
  const n = rewards.length;
  if (n === 0) return { count: 0, mean: 0, std: 0, min: 0, max: 0, errors: errored };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rewards) {
    sum += r;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  const mean = sum / n;
  let sq = 0;
  for (const r of rewards) sq += (r - mean) ** 2;
  return { count: n, mean, std: Math.sqrt(sq / n), min, max, errors: errored };
}
