/**
 * The pure glue between lessons and the app: the editor texts a step loads, the state its check judges, and
 * the advantage table a step shows. Shared by the lesson panel and the tests, so both judge the same way.
 * Must not run graders or touch the DOM.
 */
import { advantages, type AdvantageFlag } from '../engine/dataset/advantages.ts';
import { parseJson, toPlain } from '../engine/json.ts';
import { ERROR_FLAGS, type RunResult } from '../engine/types.ts';
import { docText } from './index.ts';
import type { CheckState, LessonDocs } from './lesson-types.ts';

export type DocName = 'grader' | 'sample' | 'item';
export const DOC_NAMES: readonly DocName[] = ['grader', 'sample', 'item'];

export type DocTexts = Record<DocName, string>;

/** The editor texts (2-space JSON) of the documents a step sets; documents it does not set are absent. */
export function docTexts(docs: LessonDocs | undefined): Partial<DocTexts> {
  const out: Partial<DocTexts> = {};
  for (const name of DOC_NAMES) {
    const d = docs?.[name];
    if (d !== undefined) out[name] = docText(d);
  }
  return out;
}

function plain(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? toPlain(parsed.value) : null;
}

/**
 * The state a check judges. `result` must be the result of exactly these texts, or null when there is none
 * yet (a run pending, a document that does not parse): the caller knows which, this module cannot.
 */
export function checkState(texts: DocTexts, result: RunResult | null): CheckState {
  return {
    reward: result ? result.reward : null,
    errors: result ? ERROR_FLAGS.filter((f) => result.metadata.errors[f]) : [],
    grader: plain(texts.grader),
    sample: plain(texts.sample),
    item: plain(texts.item),
    result,
  };
}

export interface AdvantageCell {
  reward: number;
  advantage: number;
  flag?: AdvantageFlag;
}

/** One group's advantages, computed by the same function the dataset view uses (TRL's defaults). */
export function advantageTable(rewards: readonly number[]): AdvantageCell[] {
  const rows = advantages(rewards.map((reward, i) => ({ row: 0, sampleIndex: i, itemKey: 'group', reward, errorFlags: [] })));
  return rows.map((r) => (r.flag ? { reward: r.reward, advantage: r.advantage, flag: r.flag } : { reward: r.reward, advantage: r.advantage }));
}
