/**
 * A dataset run's results as a few typed arrays, to move 100,000 results to another thread (the analysis worker)
 * and back without cloning 100,000 objects on the main thread: packing is one linear pass over numbers, the
 * arrays are transferred, not copied. Pure: no DOM, no worker globals.
 */
import type { AdvantageFlag, AdvantageRow } from './advantages.ts';
import type { GradedSample } from './types.ts';

/** One number per graded sample, for maps over 100,000 results (2^20 samples per row at most). */
export const resultKey = (row: number, sampleIndex: number) => row * 1_048_576 + sampleIndex;

/** What packResults takes: a streamed result of the dataset pool (SampleResult) or anything shaped like it. */
export interface ResultLike {
  row: number;
  sampleIndex: number;
  reward: number;
  flags: readonly string[];
  label?: string;
}

export interface ResultColumns {
  rows: Int32Array;
  sampleIndex: Int32Array;
  rewards: Float64Array;
  /** Distinct flag names; `flagIds[flagStart[i] .. flagStart[i + 1])` index it for result i. */
  flagNames: string[];
  flagIds: Uint16Array;
  flagStart: Uint32Array;
  /** Labels by result index, only when some result has one. */
  labels?: (string | null)[];
}

export function packResults(results: readonly ResultLike[]): ResultColumns {
  const n = results.length;
  const rows = new Int32Array(n);
  const sampleIndex = new Int32Array(n);
  const rewards = new Float64Array(n);
  const flagStart = new Uint32Array(n + 1);
  const names = new Map<string, number>();
  const ids: number[] = [];
  let labels: (string | null)[] | undefined;
  for (let i = 0; i < n; i++) {
    const r = results[i]!;
    rows[i] = r.row;
    sampleIndex[i] = r.sampleIndex;
    rewards[i] = r.reward;
    for (const f of r.flags) {
      let id = names.get(f);
      if (id === undefined) names.set(f, (id = names.size));
      ids.push(id);
    }
    flagStart[i + 1] = ids.length;
    if (r.label !== undefined) (labels ??= new Array<string | null>(n).fill(null))[i] = r.label;
  }
  return { rows, sampleIndex, rewards, flagNames: [...names.keys()], flagIds: Uint16Array.from(ids), flagStart, ...(labels ? { labels } : {}) };
}

/** The results as the analyses take them, one item per line (itemKey is the row). */
export function gradedFromColumns(c: ResultColumns): GradedSample[] {
  const out: GradedSample[] = new Array(c.rows.length);
  for (let i = 0; i < c.rows.length; i++) {
    const errorFlags: string[] = [];
    for (let j = c.flagStart[i]!; j < c.flagStart[i + 1]!; j++) errorFlags.push(c.flagNames[c.flagIds[j]!]!);
    const label = c.labels?.[i];
    out[i] = { row: c.rows[i]!, sampleIndex: c.sampleIndex[i]!, itemKey: String(c.rows[i]!), reward: c.rewards[i]!, errorFlags, ...(label != null ? { label } : {}) };
  }
  return out;
}

/** Every array buffer of the columns, to transfer them. */
export function columnBuffers(c: ResultColumns): ArrayBuffer[] {
  return [c.rows, c.sampleIndex, c.rewards, c.flagIds, c.flagStart].map((a) => a.buffer as ArrayBuffer);
}

const ADVANTAGE_FLAGS: readonly (AdvantageFlag | undefined)[] = [undefined, 'no-variance', 'single-sample', 'non-finite'];

export interface AdvantageColumns {
  rows: Int32Array;
  sampleIndex: Int32Array;
  rewards: Float64Array;
  advantages: Float64Array;
  /** 0: none, then 'no-variance', 'single-sample', 'non-finite'. */
  flags: Uint8Array;
}

export function packAdvantages(list: readonly AdvantageRow[]): AdvantageColumns {
  const n = list.length;
  const c: AdvantageColumns = { rows: new Int32Array(n), sampleIndex: new Int32Array(n), rewards: new Float64Array(n), advantages: new Float64Array(n), flags: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const a = list[i]!;
    c.rows[i] = a.row;
    c.sampleIndex[i] = a.sampleIndex;
    c.rewards[i] = a.reward;
    c.advantages[i] = a.advantage;
    c.flags[i] = a.flag ? ADVANTAGE_FLAGS.indexOf(a.flag) : 0;
  }
  return c;
}

export function advantageBuffers(c: AdvantageColumns): ArrayBuffer[] {
  return [c.rows, c.sampleIndex, c.rewards, c.advantages, c.flags].map((a) => a.buffer as ArrayBuffer);
}

/** AdvantageRows `from` .. `to` of the columns (itemKey is the row, as gradedFromColumns makes it). */
export function unpackAdvantages(c: AdvantageColumns, from = 0, to = c.rows.length): AdvantageRow[] {
  const out: AdvantageRow[] = [];
  for (let i = from; i < to; i++) {
    const flag = ADVANTAGE_FLAGS[c.flags[i]!];
    out.push({ row: c.rows[i]!, sampleIndex: c.sampleIndex[i]!, itemKey: String(c.rows[i]!), reward: c.rewards[i]!, advantage: c.advantages[i]!, ...(flag ? { flag } : {}) });
  }
  return out;
}
