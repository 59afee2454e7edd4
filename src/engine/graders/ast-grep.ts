/**
 * ast_grep (a Grader Playground type, not OpenAI's): structural checks on the code blocks of
 * `sample.output_text`. Each check is an ast-grep pattern string or rule, optionally limited to one language
 * and to blocks whose path starts with a prefix; it passes when it matches in at least one of its blocks. The
 * reward is the fraction of checks that pass. A rule ast-grep rejects is the grader's error (other_error,
 * reward 0), as the exported python grader raises. Matching is @ast-grep/wasm's (runtime.ast); block
 * detection is ast/blocks.ts; this module only combines them and explains.
 */
import { findCodeBlocks, type CodeBlock } from '../ast/blocks.ts';
import { findLanguage } from '../ast/languages.ts';
import type { AstQuery, AstRange } from '../ast/types.ts';
import { assumption, explanation, failure, noErrors, type GradeOutcome } from '../result.ts';
import { renderTemplate } from '../template.ts';
import type { AstGrepCheck, AstGrepGrader, Assumption } from '../types.ts';
import type { FullContext } from './index.ts';

/** Matches kept per check in the explanation (the count is always exact). */
export const MAX_MATCHES_SHOWN = 20;

export interface AstGrepBlockInfo {
  index: number;
  lang: string | null;
  path: string | null;
  pathFrom: CodeBlock['pathFrom'];
  info: string;
  code: string;
  /** UTF-16 offset of the code in output_text, and its 0-based first line there. */
  start: number;
  line: number;
  fenced: boolean;
}

export interface AstGrepMatchInfo {
  block: number;
  text: string;
  /** In the block's code (UTF-16, 0-based lines), as ast-grep reports it. */
  range: AstRange;
  /** `$NAME` captures' texts; `$$$NAME` captures joined with their separators. */
  captures: Record<string, string>;
}

export interface AstGrepCheckResult {
  name: string;
  /** The canonical language the check is limited to, or null. */
  lang: string | null;
  passed: boolean;
  /** The first block with a match, or null. */
  block: number | null;
  /** The blocks the check looked at, after its language and path filters. */
  searched: number[];
  matchCount: number;
  matches: AstGrepMatchInfo[];
  error: string | null;
}

export interface AstGrepDetails {
  kind: 'ast_grep';
  blocks: AstGrepBlockInfo[];
  checks: AstGrepCheckResult[];
  passed: number;
  total: number;
}

/** The query @ast-grep/wasm takes for a check's rule: a pattern string, a config, or a bare rule wrapped as one. */
export function checkQuery(rule: AstGrepCheck['rule']): AstQuery {
  if (typeof rule === 'string') return rule;
  if ('rule' in rule) return rule as unknown as AstQuery;
  return { rule };
}

export function checkName(check: AstGrepCheck, i: number): string {
  if (typeof check.name === 'string' && check.name !== '') return check.name;
  return typeof check.rule === 'string' ? check.rule : `check ${i + 1}`;
}

/** The blocks a check looks at, each with the language it is parsed as. */
export function checkBlocks(check: AstGrepCheck, blocks: readonly CodeBlock[]): { block: CodeBlock; lang: string }[] {
  const lang = check.lang !== undefined ? (findLanguage(check.lang)?.name ?? check.lang) : null;
  const prefix = check.path_prefix !== undefined ? stripDot(check.path_prefix) : null;
  const out: { block: CodeBlock; lang: string }[] = [];
  for (const block of blocks) {
    if (prefix !== null && (block.path === null || !stripDot(block.path).startsWith(prefix))) continue;
    if (lang !== null) {
      if (block.lang === null || block.lang === lang) out.push({ block, lang });
    } else if (block.lang !== null) out.push({ block, lang: block.lang });
  }
  return out;
}

function stripDot(path: string): string {
  return path.replace(/^\.\//, '');
}

export async function gradeAstGrep(grader: AstGrepGrader, ctx: FullContext): Promise<GradeOutcome> {
  const ast = ctx.runtime.ast;
  if (!ast) {
    return failure('ast_grep', { flag: 'other_error', message: 'ast_grep graders need the AST engine, which this host did not provide.', pointer: `${ctx.pointer}/type` });
  }
  const r = renderTemplate('{{ sample.output_text }}', { sample: ctx.sample, item: ctx.item }, { compactJson: ctx.settings.compactJson });
  if (!r.ok) {
    const flag = r.kind === 'sample_parse' ? 'sample_parse_error' : 'invalid_variable_error';
    return failure('ast_grep', { flag, message: `ast_grep reads the code blocks of sample.output_text: ${r.message}`, pointer: 'sample:/output_text' });
  }
  const text = r.text;
  const blocks = findCodeBlocks(text);
  const results: AstGrepCheckResult[] = [];
  let unlabeledUsed = false;
  let firstError: { check: number; message: string } | null = null;
  for (const [i, check] of grader.checks.entries()) {
    const result: AstGrepCheckResult = {
      name: checkName(check, i),
      lang: check.lang !== undefined ? (findLanguage(check.lang)?.name ?? check.lang) : null,
      passed: false,
      block: null,
      searched: [],
      matchCount: 0,
      matches: [],
      error: null,
    };
    results.push(result);
    const query = checkQuery(check.rule);
    // Every candidate block is searched, even after a match: the exported python grader does the same, so a
    // rule that fails on some block fails in both.
    for (const { block, lang } of checkBlocks(check, blocks)) {
      if (block.lang === null) unlabeledUsed = true;
      result.searched.push(block.index);
      const found = await ast.findAll(lang, block.code, query);
      if ('error' in found) {
        result.error = found.error.message;
        firstError ??= { check: i, message: found.error.message };
        break;
      }
      if (found.matches.length === 0) continue;
      result.block ??= block.index;
      result.matchCount += found.matches.length;
      for (const m of found.matches) {
        if (result.matches.length >= MAX_MATCHES_SHOWN) break;
        const captures: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.single)) captures[k] = v.text;
        for (const [k, v] of Object.entries(m.multi)) captures[k] = v.map((c) => c.text).join(' ');
        result.matches.push({ block: block.index, text: m.text, range: m.range, captures });
      }
    }
    result.passed = result.error === null && result.matchCount > 0;
  }
  const passed = results.filter((c) => c.passed).length;
  const total = grader.checks.length;
  const details: AstGrepDetails = {
    kind: 'ast_grep',
    blocks: blocks.map((b) => ({ index: b.index, lang: b.lang, path: b.path, pathFrom: b.pathFrom, info: b.info, code: b.code, start: b.start, line: b.line, fenced: b.fenced })),
    checks: results,
    passed,
    total,
  };
  const assumptions: Assumption[] = [
    assumption(
      'ast-grep-playground-only',
      'ast_grep is a Grader Playground type: OpenAI rejects it. "Export as python grader" writes the same checks with ast_grep_py, which OpenAI\'s grader image has.',
    ),
    assumption(
      'ast-grep-blocks',
      'Code blocks are the fenced blocks of sample.output_text; the language comes from the fence (or the file extension), the path from the fence, the line above it or a first-line comment. A text without fences is one block.',
    ),
  ];
  if (unlabeledUsed) {
    assumptions.push(assumption('ast-grep-unlabeled', 'A block that names no language was parsed in the language its check names.'));
  }
  const extra = { assumptions, details: details as unknown as Record<string, unknown> };
  if (firstError) {
    const message = `Check ${firstError.check + 1} (${results[firstError.check]!.name}): ast-grep rejected the rule: ${firstError.message}`;
    return failure('ast_grep', { flag: 'other_error', message, pointer: `${ctx.pointer}/checks/${firstError.check}/rule` }, { explain: extra });
  }
  const summary =
    blocks.length === 0
      ? `sample.output_text has no code, so none of the ${total} checks can match.`
      : `${passed} of ${total} check${total === 1 ? '' : 's'} matched in ${blocks.length} code block${blocks.length === 1 ? '' : 's'}.`;
  return {
    reward: total === 0 ? 0 : passed / total,
    errors: noErrors(),
    scores: {},
    explain: explanation('ast_grep', summary, extra),
  };
}
