/**
 * Results grouped by item, as flat typed arrays: count, sum, min, max, whether all rewards agree, and the sum of
 * squared deviations from the item's mean (two passes, as exact as moments()). Shared by the readiness report
 * and the advantages so both read the same numbers. One Map lookup per result, no per-item objects: this is the
 * hot loop over 100,000 results on the main thread. Probe results and non-finite rewards are left out of the
 * figures (probes get group −1; a non-finite reward still creates its item, with n not counting it).
 */
import type { GradedSample } from './types.ts';

export interface ItemGroups {
  /** Per result (same index as the input): its item's index, or −1 for a probe result. */
  group: Int32Array;
  /** Item keys by index, in order of first appearance. */
  keys: string[];
  /** Item key → index. */
  index: Map<string, number>;
  /** Row of each item's first (non-probe) result. */
  firstRow: Float64Array;
  /** Finite rewards per item. */
  n: Float64Array;
  mean: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** 1 when every finite reward of the item is exactly the same. */
  same: Uint8Array;
  /** Σ (reward − mean)² over the item's finite rewards. */
  sq: Float64Array;
}

export function groupItems(results: readonly GradedSample[]): ItemGroups {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const group = new Int32Array(results.length);
  const rows: number[] = [];
  let lastKey: string | undefined;
  let last = -1;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.probe !== undefined) {
      group[i] = -1;
      continue;
    }
    // The samples of an item usually come together: skip the Map for a run of the same key.
    if (r.itemKey === lastKey) {
      group[i] = last;
      continue;
    }
    let g = ids.get(r.itemKey);
    lastKey = r.itemKey;
    if (g === undefined) {
      g = keys.length;
      ids.set(r.itemKey, g);
      keys.push(r.itemKey);
      rows.push(r.row);
    }
    group[i] = last = g;
  }
  const size = keys.length;
  const n = new Float64Array(size);
  const mean = new Float64Array(size);
  const min = new Float64Array(size).fill(Infinity);
  const max = new Float64Array(size).fill(-Infinity);
  const first = new Float64Array(size);
  const same = new Uint8Array(size).fill(1);
  for (let i = 0; i < results.length; i++) {
    const k = group[i]!;
    const v = results[i]!.reward;
    if (k < 0 || !Number.isFinite(v)) continue;
    if (n[k] === 0) first[k] = v;
    else if (v !== first[k]) same[k] = 0;
    n[k]!++;
    mean[k]! += v; // the sum, divided below
    if (v < min[k]!) min[k] = v;
    if (v > max[k]!) max[k] = v;
  }
  for (let k = 0; k < size; k++) if (n[k]! > 0) mean[k]! /= n[k]!;
  const sq = new Float64Array(size);
  for (let i = 0; i < results.length; i++) {
    const k = group[i]!;
    const v = results[i]!.reward;
    if (k < 0 || !Number.isFinite(v) || same[k]) continue; // an item whose rewards agree has sq exactly 0
    const d = v - mean[k]!;
    sq[k]! += d * d;
  }
  return { group, keys, index: ids, firstRow: Float64Array.from(rows), n, mean, min, max, same, sq };
}
