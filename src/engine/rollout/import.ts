/**
 * Rollouts people already have, as dataset rows with samples (one row per distinct prompt, its completions as
 * the row's `samples`), so the dataset view and `run --data` grade them like our own:
 * - TRL's completion logs: GRPOTrainer's `log_completions` table (columns `step`, `prompt`, `completion`, one
 *   column per reward function, `advantage`) as W&B exports it (`{"columns": [...], "data": [[...], ...]}`), or
 *   the same records one JSON object a line;
 * - any JSONL with prompt/completion pairs (`prompt` | `question` | `input` and `completion` | `response` |
 *   `output`; a prompt may be text or a message list, a completion text or a message list).
 * Other columns of a prompt's first record become item fields, except `step`, `advantage`, `reward(s)` and
 * `rewards/*` (a reward function's own column cannot be told from data, so it stays, as an item field).
 */
import { isJsonObject, jsonEntries, losslessJsonText, orderedObject, parseJson } from '../json.ts';
import { sampleFromModelText } from '../sample.ts';
import type { JsonObject, JsonValue } from '../types.ts';

const PROMPT_KEYS = ['prompt', 'question', 'input'];
const COMPLETION_KEYS = ['completion', 'response', 'output'];
const DROPPED = new Set(['step', 'advantage', 'advantages', 'reward', 'rewards', 'reward_std', 'global_step']);

export interface ImportedRollouts {
  rows: JsonObject[];
  /** 1-based line (or table row) numbers that were skipped, and why. */
  skipped: { line: number; message: string }[];
  format: 'wandb-table' | 'jsonl';
}

function asMessages(prompt: JsonValue): JsonValue[] {
  if (Array.isArray(prompt)) return prompt;
  return [{ role: 'user', content: typeof prompt === 'string' ? prompt : losslessJsonText(prompt) }];
}

function asSample(completion: JsonValue): JsonValue {
  if (typeof completion === 'string') return sampleFromModelText(completion);
  // A conversational completion: TRL logs `[{"role": "assistant", "content": "..."}]`.
  if (Array.isArray(completion)) {
    const last = completion[completion.length - 1];
    if (isJsonObject(last) && typeof last.content === 'string') return sampleFromModelText(last.content);
  }
  if (isJsonObject(completion) && typeof completion.output_text === 'string') return completion;
  return sampleFromModelText(losslessJsonText(completion));
}

function keyOf(record: JsonObject, keys: string[]): string | undefined {
  return keys.find((k) => record[k] !== undefined && record[k] !== null);
}

function group(records: { line: number; value: JsonValue }[]): Omit<ImportedRollouts, 'format'> {
  const rows = new Map<string, { item: [string, JsonValue][]; samples: JsonValue[] }>();
  const skipped: ImportedRollouts['skipped'] = [];
  for (const { line, value } of records) {
    if (!isJsonObject(value)) {
      skipped.push({ line, message: 'not a JSON object' });
      continue;
    }
    const p = keyOf(value, PROMPT_KEYS);
    const c = keyOf(value, COMPLETION_KEYS);
    if (!p || !c) {
      skipped.push({ line, message: `no ${p ? 'completion' : 'prompt'} field (${(p ? COMPLETION_KEYS : PROMPT_KEYS).join(', ')})` });
      continue;
    }
    const id = losslessJsonText(value[p]!);
    let row = rows.get(id);
    if (!row) {
      const rest = jsonEntries(value).filter(([k]) => k !== p && k !== c && !DROPPED.has(k) && !k.startsWith('rewards/'));
      row = { item: [['messages', asMessages(value[p]!)], ...rest.filter(([k]) => k !== 'messages')], samples: [] };
      rows.set(id, row);
    }
    row.samples.push(asSample(value[c]!));
  }
  return { rows: [...rows.values()].map((r) => orderedObject<JsonValue>([...r.item, ['samples', r.samples]])), skipped };
}

export function importRollouts(text: string): ImportedRollouts {
  const whole = text.trimStart().startsWith('{') ? parseJson(text) : null;
  if (whole?.ok && isJsonObject(whole.value) && Array.isArray(whole.value.columns) && Array.isArray(whole.value.data)) {
    const columns = whole.value.columns.map((c) => String(c));
    const records = whole.value.data.map((r, i) => ({
      line: i + 1,
      value: Array.isArray(r) ? orderedObject<JsonValue>(columns.map((c, j) => [c, r[j] ?? null])) : r,
    }));
    return { ...group(records), format: 'wandb-table' };
  }
  const records: { line: number; value: JsonValue }[] = [];
  const skipped: ImportedRollouts['skipped'] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() === '') return;
    const parsed = parseJson(l);
    if (parsed.ok) records.push({ line: i + 1, value: parsed.value });
    else skipped.push({ line: i + 1, message: `invalid JSON: ${parsed.error.message}` });
  });
  const g = group(records);
  return { rows: g.rows, skipped: [...skipped, ...g.skipped].sort((a, b) => a.line - b.line), format: 'jsonl' };
}
