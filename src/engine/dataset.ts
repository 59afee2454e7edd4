/**
 * Dataset rows as the CLI and the dataset view read them: `{"item": ..., "sample": ...}`,
 * `{"item": ..., "samples": [...]}`, or an RFT training row (its `messages` and other keys are the item) with a
 * `sample` or `samples` key. A sample given as a bare string is a model output, mapped like /graders/run does.
 */
import { isJsonNumber, isJsonObject, jsonEntries, losslessJsonText, numberLexeme, orderedObject, parseJson } from './json.ts';
import { moments } from './dataset/stats.ts';
import { sampleFromModelText } from './sample.ts';
import type { JsonObject, JsonValue } from './types.ts';

export interface DatasetRow {
  /** 0-based line index in the file. */
  row: number;
  item: JsonValue;
  samples: JsonValue[];
  /**
   * Human scores per sample, when the data has them (`human_scores` parallel to `samples`, `human_score` on the
   * row or on a sample): a judge's rewards are compared with them.
   */
  human?: (number | null)[];
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
    // An RFT training row: everything but the samples (and human scores) is the item, messages included.
    item = orderedObject(jsonEntries(value).filter(([k]) => !ROW_KEYS.has(k)));
  }
  const human = humanScores(value, samples);
  return human ? { row, item, samples, human } : { row, item, samples };
}

const ROW_KEYS = new Set(['sample', 'samples', 'human_score', 'human_scores']);

const asScore = (v: JsonValue | undefined): number | null => {
  if (v === undefined || v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'object' && !isJsonNumber(v)) return null;
  const n = typeof v === 'number' ? v : Number(numberLexeme(v as never));
  return Number.isFinite(n) ? n : null;
};

function humanScores(row: JsonObject, samples: JsonValue[]): (number | null)[] | undefined {
  const list = row.human_scores;
  // The common row has no human score anywhere: no list to build (this runs for every row of a dataset).
  if (list === undefined && row.human_score === undefined && !samples.some((s) => isJsonObject(s) && s.human_score !== undefined)) return undefined;
  const scores = samples.map((sample, j) => {
    if (Array.isArray(list)) return asScore(list[j]);
    if (samples.length === 1 && row.human_score !== undefined) return asScore(row.human_score);
    return isJsonObject(sample) ? asScore(sample.human_score) : null;
  });
  return scores.some((x) => x !== null) ? scores : undefined;
}

/**
 * Samples kept in a second JSONL file, joined to the rows by line (the n-th non-blank line of each file) or by an
 * id key (the same value under that key in the row, or its item, and in the samples line). A samples line is
 * `{"sample": …}`, `{"samples": […]}`, or a bare sample object / model output string. Joined samples are added to
 * the row's own; rows without any stay as they are (and are reported when graded).
 */
export function joinSamples(
  rowsText: string,
  samplesText: string,
  by: { kind: 'line' } | { kind: 'key'; key: string },
): { text: string; errors: DatasetRowError[]; joined: number } {
  const errors: DatasetRowError[] = [];
  const sampleLines = samplesText.split(/\r?\n/);
  const byLine: JsonValue[][] = [];
  const byKey = new Map<string, JsonValue[]>();
  sampleLines.forEach((l, i) => {
    if (l.trim() === '') return;
    const parsed = parseJson(l);
    if (!parsed.ok) {
      errors.push({ row: i, line: i + 1, message: `samples file: invalid JSON at column ${parsed.error.column}: ${parsed.error.message}` });
      byLine.push([]);
      return;
    }
    const v = parsed.value;
    const list = isJsonObject(v) && Array.isArray(v.samples) ? v.samples : isJsonObject(v) && v.sample !== undefined ? [v.sample] : [v];
    byLine.push(list);
    if (by.kind === 'key') {
      const id = isJsonObject(v) ? v[by.key] : undefined;
      if (id === undefined) errors.push({ row: i, line: i + 1, message: `samples file: no "${by.key}" to join on` });
      else byKey.set(losslessJsonText(id), [...(byKey.get(losslessJsonText(id)) ?? []), ...list]);
    }
  });
  let joined = 0;
  let n = 0;
  const out = rowsText.split(/\r?\n/).map((l) => {
    if (l.trim() === '') return l;
    const index = n++;
    const parsed = parseJson(l);
    if (!parsed.ok || !isJsonObject(parsed.value)) return l;
    const row = parsed.value;
    let extra: JsonValue[] | undefined;
    if (by.kind === 'line') extra = byLine[index];
    else {
      const id = row[by.key] ?? (isJsonObject(row.item) ? row.item[by.key] : undefined);
      extra = id === undefined ? undefined : byKey.get(losslessJsonText(id));
    }
    if (!extra?.length) return l;
    joined++;
    const own = Array.isArray(row.samples) ? row.samples : row.sample !== undefined ? [row.sample] : [];
    const rest = jsonEntries(row).filter(([k]) => k !== 'sample' && k !== 'samples');
    return losslessJsonText(orderedObject<JsonValue>([...rest, ['samples', [...own, ...extra]]]));
  });
  return { text: out.join('\n'), errors, joined };
}

/** Parse JSONL text into rows and per-line errors (blank lines are skipped; the rest still run). */
export function parseJsonl(text: string): { rows: DatasetRow[]; errors: DatasetRowError[] } {
  const rows: DatasetRow[] = [];
  const errors: DatasetRowError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((l, i) => {
    const r = parseJsonlLine(l, i);
    if (r === null) return;
    if ('message' in r) errors.push(r);
    else rows.push(r);
  });
  return { rows, errors };
}

/** One line of a JSONL file (0-based index i, without its line break): a row, an error, or null when blank. */
export function parseJsonlLine(l: string, i: number): DatasetRow | DatasetRowError | null {
  if (l.trim() === '') return null;
  const parsed = parseJson(l);
  if (!parsed.ok) return { row: i, line: i + 1, message: `invalid JSON at column ${parsed.error.column}: ${parsed.error.message}` };
  return rowFromValue(parsed.value, i);
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
  const m = moments(rewards)!;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rewards) {
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return { count: n, mean: m.mean, std: m.stdPopulation, min, max, errors: errored };
}
