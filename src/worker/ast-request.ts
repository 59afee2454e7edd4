/**
 * The AST panel's request to the grader worker: matches of a pattern or rule in some code, plus, on demand,
 * the code's syntax tree and how ast-grep reads the pattern. Runs in the worker (the sandbox), never on the
 * page; plain data in and out. It only calls the AST engine; it decides nothing about matching.
 */
import type { AstEngine } from '../engine/ast/engine.ts';
import type { AstPatternResult, AstTreeResult, DumpPatternOptions } from '../engine/ast/dump.ts';
import type { AstFindResult } from '../engine/ast/types.ts';
import { checkQuery } from '../engine/graders/ast-grep.ts';

export interface AstRequest {
  /** Any ast-grep language name or alias. */
  lang: string;
  source: string;
  /** A pattern string, a rule object (`{pattern, kind, has, ...}`) or a rule config (`{rule, constraints, ...}`). */
  query: string | Record<string, unknown>;
  /** Also return the code's syntax tree (default true). */
  tree?: boolean;
  /** Leave unnamed nodes out of the tree. */
  namedOnly?: boolean;
}

export interface AstResponse {
  result: AstFindResult;
  tree?: AstTreeResult;
  /** How ast-grep reads the query's pattern (the pattern string, or the rule's top-level `pattern`), if any. */
  pattern?: AstPatternResult;
  /** Milliseconds the worker spent. */
  ms: number;
}

/** The pattern a query holds at its top level, with a contextual pattern's selector and strictness. */
export function patternOf(query: AstRequest['query']): { text: string; options: DumpPatternOptions } | null {
  if (typeof query === 'string') return { text: query, options: {} };
  const q = checkQuery(query);
  const rule = typeof q === 'string' ? null : q.rule;
  const p = rule?.pattern;
  if (typeof p === 'string') return { text: p, options: {} };
  if (p !== null && typeof p === 'object' && typeof (p as { context?: unknown }).context === 'string') {
    const { context, selector, strictness } = p as { context: string; selector?: unknown; strictness?: unknown };
    const options: DumpPatternOptions = {};
    if (typeof selector === 'string') options.selector = selector;
    if (typeof strictness === 'string') options.strictness = strictness as NonNullable<DumpPatternOptions['strictness']>;
    return { text: context, options };
  }
  return null;
}

export async function answerAst(engine: AstEngine | undefined, request: AstRequest): Promise<AstResponse> {
  const t0 = performance.now();
  if (!engine) return { result: { error: { message: 'This worker has no AST engine.' } }, ms: 0 };
  const result = await engine.findAll(request.lang, request.source, checkQuery(request.query));
  const response: AstResponse = { result, ms: 0 };
  if (request.tree !== false) {
    response.tree = await engine.dumpTree(request.lang, request.source, request.namedOnly ? { namedOnly: true } : {});
  }
  const pattern = patternOf(request.query);
  if (pattern) response.pattern = await engine.dumpPattern(request.lang, pattern.text, pattern.options);
  response.ms = performance.now() - t0;
  return response;
}
