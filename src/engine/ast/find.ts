/**
 * `findAll`: every match of a pattern or rule in a source text, as plain JSON in napi's order (pre-order,
 * outer matches before nested ones), with ranges in UTF-16 units and every metavariable binding. Problems
 * (unknown language, bad pattern, bad rule) come back as `{error}` values. Every match decision is ast-grep's
 * own code (@ast-grep/wasm); this module must not re-implement any of it. For pattern strings it only skips
 * regions that provably cannot match (prune.ts), which changes the work, never the result.
 */
import type { SgNode, SgRoot } from '@ast-grep/wasm';
import type { LanguageInfo } from './languages.ts';
import { errorText, type AstGrepWasm } from './loader.ts';
import { metaVariableNames, type MetaVariableNames } from './metavars.ts';
import { patternFilter, prunedFindAll, regionTest, type PatternFilter, type RegionTest } from './prune.ts';
import { withTreeCleanup } from './trees.ts';
import type { AstCapture, AstError, AstFindResult, AstMatch, AstQuery, AstRange } from './types.ts';

/** The matcher @ast-grep/wasm takes: the pattern string, or the config's known keys only. */
export function toMatcher(query: AstQuery): string | Record<string, unknown> {
  if (typeof query === 'string') return query;
  const config: Record<string, unknown> = { rule: query.rule };
  if (query.constraints !== undefined) config.constraints = query.constraints;
  if (query.utils !== undefined) config.utils = query.utils;
  if (query.transform !== undefined) config.transform = query.transform;
  return config;
}

/** findAll on a language whose grammar is loaded already (synchronous). */
export function findAllLoaded(wasm: AstGrepWasm, language: LanguageInfo, source: string, query: AstQuery): AstFindResult {
  if (typeof query !== 'string' && (query === null || typeof query !== 'object' || !('rule' in query))) {
    return { error: { message: 'A rule config needs a `rule` key, e.g. {"rule": {"pattern": "f($A)"}}.' } };
  }
  try {
    return withTreeCleanup(() => {
      const pruning = typeof query === 'string' ? pruningFor(wasm, language, source, query) : undefined;
      if (pruning === null) return { matches: [] }; // a text the pattern needs never occurs: nothing to parse
      const root = wasm.parse(language.name, source);
      try {
        return { matches: searchRoot(root, query, pruning) };
      } finally {
        root.free();
      }
    });
  } catch (e) {
    return { error: toAstError(e) };
  }
}

/** How to prune the search of a pattern string in `source`; null when it cannot match at all. */
function pruningFor(wasm: AstGrepWasm, language: LanguageInfo, source: string, pattern: string): Pruning | undefined | null {
  // Astral characters are two UTF-16 units but one char in @ast-grep/wasm's text buffer: stay on the plain
  // path rather than rely on both sides slicing alike.
  if (/[\uD800-\uDFFF]/.test(source)) return undefined;
  const filter = patternFilter(wasm, language, pattern);
  if (!filter) return undefined;
  const test = regionTest(source, filter);
  return test ? { filter, test } : null;
}

export interface Pruning {
  filter: PatternFilter;
  test: RegionTest;
  wholeRegion?: number;
}

/**
 * The matches of `query` in a parsed root. Throws what @ast-grep/wasm throws. With `pruning` (pattern strings
 * only), regions that cannot match are skipped; the matches are the same.
 */
export function searchRoot(root: SgRoot, query: AstQuery, pruning?: Pruning): AstMatch[] {
  const names = metaVariableNames(query);
  const top = root.root();
  try {
    const nodes =
      pruning && typeof query === 'string'
        ? prunedFindAll(top, query, pruning.filter, pruning.test, pruning.wholeRegion)
        : top.findAll(toMatcher(query));
    const matches: AstMatch[] = [];
    for (const node of nodes) {
      matches.push(toMatch(node, names));
      node.free();
    }
    return matches;
  } finally {
    top.free();
  }
}

export function toAstError(e: unknown): AstError {
  const error: AstError = { message: errorText(e) };
  if (e instanceof WebAssembly.RuntimeError) error.fatal = true;
  return error;
}

function toMatch(node: SgNode, names: MetaVariableNames): AstMatch {
  const single: Record<string, AstCapture> = {};
  for (const name of names.single) {
    const bound = node.getMatch(name);
    if (bound) {
      single[name] = toCapture(bound);
      bound.free();
    }
  }
  const multi: Record<string, AstCapture[]> = {};
  for (const name of names.multi) {
    multi[name] = node.getMultipleMatches(name).map((n) => {
      const capture = toCapture(n);
      n.free();
      return capture;
    });
  }
  const match: AstMatch = { text: node.text(), kind: node.kind(), range: rangeOf(node), single, multi };
  if (names.transformed.length > 0) {
    const transformed: Record<string, string> = {};
    for (const name of names.transformed) {
      const value = node.getTransformed(name);
      if (value !== undefined) transformed[name] = value;
    }
    match.transformed = transformed;
  }
  return match;
}

function toCapture(node: SgNode): AstCapture {
  return { text: node.text(), kind: node.kind(), named: node.isNamed(), range: rangeOf(node) };
}

/** A node's range as plain data, freeing the wasm-side Range and Pos objects at once. */
export function rangeOf(node: SgNode): AstRange {
  const range = node.range();
  const start = range.start;
  const end = range.end;
  const out: AstRange = {
    start: { line: start.line, column: start.column, index: start.index },
    end: { line: end.line, column: end.column, index: end.index },
  };
  start.free();
  end.free();
  range.free();
  return out;
}
