/**
 * A sound shortcut for pattern strings: skip source regions that cannot contain a match, so that
 * @ast-grep/wasm walks (and marshals through JS) only the nodes around possible matches instead of the whole
 * tree. The result is exactly `root.findAll(pattern)`; only the work changes.
 *
 * Why it is sound: a pattern string matches with `smart` strictness, where every *named* terminal of the
 * compiled pattern (an identifier such as `console`, a literal such as `42`) must be matched by a source node
 * of the same kind and equal text (core/src/match_tree/strictness.rs `match_terminal`: named terminals are never
 * skipped in smart mode). So any match, and any node containing a match, spans an occurrence of every such
 * text. findAll is a pre-order walk whose per-node result does not depend on where the walk started, so
 * findAll(node) = [node if it matches] ++ findAll(child) for each child, and children whose range misses a
 * required text contribute nothing. This module must never decide a match itself: ast-grep does, per node.
 */
import type { SgNode } from '@ast-grep/wasm';
import type { LanguageInfo } from './languages.ts';
import type { AstGrepWasm } from './loader.ts';
import { withTreeCleanup } from './trees.ts';

/** What a pattern requires of any region that may contain a match. */
export interface PatternFilter {
  /** Texts of the pattern's named terminals, each of which must occur inside a match. */
  texts: string[];
  /** The pattern's root kind when only nodes of that kind can match (not for metavariable or ERROR roots). */
  rootKind?: string;
}

interface DumpNode {
  kind: string;
  pattern?: string;
  isNamed: boolean;
  text?: string | null;
  children: DumpNode[];
}

const cache = new Map<string, PatternFilter | null>();
const CACHE_LIMIT = 256;

/**
 * The filter for a pattern string, or null when there is nothing to filter on (no named terminal) or the
 * pattern dump cannot be trusted (errors, MISSING nodes that would shift @ast-grep/wasm's dump alignment).
 */
export function patternFilter(wasm: AstGrepWasm, language: LanguageInfo, pattern: string): PatternFilter | null {
  const key = `${language.name}\u0000${pattern}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let filter: PatternFilter | null = null;
  try {
    const dump = withTreeCleanup(() => wasm.dumpPattern(language.name, pattern, null, null)) as DumpNode;
    filter = fromDump(dump);
  } catch {
    filter = null; // the normal path reports the pattern's error
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, filter);
  return filter;
}

function fromDump(root: DumpNode): PatternFilter | null {
  const texts = new Set<string>();
  let trustworthy = true;
  const walk = (node: DumpNode): void => {
    if (node.kind.startsWith('MISSING')) trustworthy = false;
    if (node.pattern === 'terminal' && node.isNamed && typeof node.text === 'string' && node.text !== '') {
      texts.add(node.text);
    }
    node.children.forEach(walk);
  };
  walk(root);
  if (!trustworthy || texts.size === 0) return null;
  const filter: PatternFilter = { texts: [...texts] };
  if (root.pattern !== 'metaVar' && root.kind !== 'ERROR') filter.rootKind = root.kind;
  return filter;
}

/** Answers "does [start, end) contain an occurrence of every required text?" for one source. */
export type RegionTest = (start: number, end: number) => boolean;

/**
 * The region test for `source`, or null when no region can match (some required text never occurs), which
 * lets the caller skip parsing altogether.
 */
export function regionTest(source: string, filter: PatternFilter): RegionTest | null {
  const occurrences: { text: string; starts: number[] }[] = [];
  for (const text of filter.texts) {
    const starts: number[] = [];
    for (let i = source.indexOf(text); i >= 0; i = source.indexOf(text, i + 1)) starts.push(i);
    if (starts.length === 0) return null;
    occurrences.push({ text, starts });
  }
  return (start, end) =>
    occurrences.every(({ text, starts }) => {
      // First occurrence at or after `start`; it is the one most likely to end before `end`.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((starts[mid] as number) < start) lo = mid + 1;
        else hi = mid;
      }
      const at = starts[lo];
      return at !== undefined && at + text.length <= end;
    });
}

/** Below this many UTF-16 units a region is searched whole: one findAll beats descending node by node. */
export const WHOLE_REGION = 384;

/**
 * `node.findAll(pattern)`, visiting only regions that pass `test`. Returns nodes the caller must free;
 * `node` itself stays the caller's.
 */
export function prunedFindAll(
  node: SgNode,
  pattern: string,
  filter: PatternFilter,
  test: RegionTest,
  wholeRegion = WHOLE_REGION,
): SgNode[] {
  const out: SgNode[] = [];
  const visit = (current: SgNode): void => {
    const range = current.range();
    const start = range.start;
    const end = range.end;
    const [from, to] = [start.index, end.index];
    start.free();
    end.free();
    range.free();
    if (!test(from, to)) return;
    if (to - from <= wholeRegion) {
      out.push(...current.findAll(pattern));
      return;
    }
    if (filter.rootKind === undefined || current.kind() === filter.rootKind) {
      // find() walks in pre-order from `current`, so when `current` matches it is the node returned.
      const self = current.matches(pattern) ? current.find(pattern) : undefined;
      if (self) out.push(self);
    }
    for (const child of current.children()) {
      visit(child);
      child.free();
    }
  };
  visit(node);
  return out;
}
