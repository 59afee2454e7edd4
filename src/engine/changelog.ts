/**
 * The engine's version, and the table of every change to a documented behaviour that can change a reward.
 * A share link records the engine version that made it (src/share/codec.ts); when it is opened, `engineDrift`
 * lists the changes made since then that this workspace actually exercises, so the app can say, next to the
 * reward, that its author may have seen another number. Links are never rewritten: the reward is today's.
 *
 * Rules for this table: bump ENGINE_VERSION and add a row whenever a commit changes what a documented rule
 * computes (README "The grader format", "Exact to Python", "Python graders"), with a test that the row's
 * `affects` sees the workspaces it changed and not the others. Pure: no DOM, no I/O.
 */
import { isJsonObject } from './json.ts';
import { jsonKeys } from './json-order.ts';
import { parseTemplate } from './template.ts';
import { lookup } from './template.ts';
import type { JsonValue } from './types.ts';
import { pyLower } from './unicode.ts';

import { ENGINE_VERSION } from './engine-version.ts';
export { ENGINE_VERSION };

/** What a row's test sees: the workspace's documents as parsed JSON values (null when one does not parse). */
export interface DriftInput {
  grader: JsonValue | null;
  sample: JsonValue | null;
  item: JsonValue | null;
  /** Engine settings as the workspace has them (only `fuzzyDefaultProcess` is read). */
  settings?: { fuzzyDefaultProcess?: boolean };
}

export interface EngineChange {
  /** The first engine version with the new behaviour. */
  engine: number;
  /** The day it was published (UTC). */
  date: string;
  /** One sentence: what changed. */
  what: string;
  /** The README section that documents today's behaviour. */
  readme: string;
  /** True when this workspace's reward may depend on the change. */
  affects: (w: DriftInput) => boolean;
}

/** Every grader in a tree (a `multi`'s children included), depth first. */
function graders(g: JsonValue | null): Record<string, JsonValue>[] {
  if (!isJsonObject(g)) return [];
  const out: Record<string, JsonValue>[] = [g];
  const children = g.graders;
  if (isJsonObject(children)) for (const k of jsonKeys(children)) out.push(...graders(children[k] ?? null));
  return out;
}

/** Every string in a value (keys and values). */
function strings(v: JsonValue | null, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (isJsonObject(v)) for (const k of jsonKeys(v)) (out.push(k), strings(v[k] ?? null, out));
  return out;
}

/** True when some object in `v` keeps a key order JavaScript's own would change (integer-like keys). */
function hasReorderedObject(v: JsonValue | null): boolean {
  if (Array.isArray(v)) return v.some(hasReorderedObject);
  if (!isJsonObject(v)) return false;
  const keys = jsonKeys(v);
  if (keys.join('\u0000') !== Object.keys(v).join('\u0000')) return true;
  return keys.some((k) => hasReorderedObject(v[k] ?? null));
}

/** Every template string of a grader tree (what `{{ }}` is rendered in). */
function templates(g: JsonValue | null): string[] {
  return strings(g).filter((s) => s.includes('{{'));
}

/** The values the templates of a grader tree render (only those that exist). */
function renderedValues(w: DriftInput): JsonValue[] {
  const out: JsonValue[] = [];
  for (const t of templates(w.grader)) {
    for (const seg of parseTemplate(t).segments) {
      if (seg.kind !== 'var') continue;
      const root = seg.namespace === 'sample' ? w.sample : w.item;
      if (root === null) continue;
      const found = lookup(root, seg.namespace, seg.path);
      if (found.ok) out.push(found.value);
    }
  }
  return out;
}

const CASE_MAPPED_METRICS = new Set(['meteor', 'rouge_1', 'rouge_2', 'rouge_3', 'rouge_4', 'rouge_5', 'rouge_l']);

/** Does a grader of the tree lower-case text in the engine (not in Python)? */
function lowerCasesText(w: DriftInput): boolean {
  return graders(w.grader).some((g) => {
    if (g.type === 'string_check') return g.operation === 'ilike';
    if (g.type !== 'text_similarity') return false;
    const metric = g.evaluation_metric;
    if (metric === 'fuzzy_match') return w.settings?.fuzzyDefaultProcess !== false;
    return typeof metric === 'string' && CASE_MAPPED_METRICS.has(metric);
  });
}

const usesPython = (w: DriftInput) => graders(w.grader).some((g) => g.type === 'python');

/**
 * The letters Unicode 17 lower-cases and Python 3.14 (Unicode 16) does not (every code point where Node 20.20's
 * `toLowerCase` and `pyLower` differ). Links before engine 3 were graded with their author's browser, which may
 * have had Unicode 17 (Chromium 156, Node 20.20) while the viewer's has not (WebKitGTK 2.50): the note must not
 * depend on the viewer's browser, so these count whatever this runtime's `toLowerCase` does.
 */
const UNICODE_17_LOWER = /[\uA7CE\uA7D2\uA7D4\u{16EA0}-\u{16EB8}]/u;

export const ENGINE_CHANGES: readonly EngineChange[] = [
  {
    engine: 2,
    date: '2026-12-07',
    what: 'objects keep the key order they were written in (as Python dicts do) where JavaScript put integer-like keys first: in rendered templates and in what python graders receive',
    readme: 'Exact to Python: key order and one Unicode version',
    affects: (w) =>
      (usesPython(w) && (hasReorderedObject(w.sample) || hasReorderedObject(w.item))) ||
      renderedValues(w).some((v) => typeof v !== 'string' && hasReorderedObject(v)),
  },
  {
    engine: 3,
    date: '2026-12-07',
    what: "lower-casing (ilike, ROUGE, METEOR, fuzzy_match's preprocessing) is Python's str.lower() on Unicode 16, not the browser's",
    readme: 'Exact to Python: key order and one Unicode version',
    affects: (w) =>
      lowerCasesText(w) && [w.sample, w.item, ...renderedValues(w)].some((v) => strings(v).some((s) => UNICODE_17_LOWER.test(s) || s.toLowerCase() !== pyLower(s))),
  },
  {
    engine: 4,
    date: '2026-12-07',
    what: "rapidfuzz's process functions in python graders compare a float score_cutoff as a 32-bit float, as rapidfuzz does",
    readme: 'Python graders',
    affects: (w) =>
      graders(w.grader).some((g) => g.type === 'python' && typeof g.source === 'string' && /\bprocess\b/.test(g.source) && g.source.includes('score_cutoff')),
  },
];

/** The engine a link without a recorded version is taken to come from: the first one that made links. */
export const FIRST_LINK_ENGINE = 1;

/**
 * The changes since engine `madeBy` (null: the link does not say, so the first engine that made links) that
 * this workspace exercises, oldest first. Empty for a link from this engine or a later one.
 */
export function engineDrift(madeBy: number | null, w: DriftInput): EngineChange[] {
  const since = madeBy ?? FIRST_LINK_ENGINE;
  return ENGINE_CHANGES.filter((c) => c.engine > since && c.affects(w));
}
