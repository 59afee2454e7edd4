/**
 * Validation of ast_grep graders (called by validate.ts): the shape of `checks`, known language names, and
 * the top-level keys of rule objects. Rules themselves (pattern syntax, kinds, nested keys) are ast-grep's to
 * judge when the grader runs; this module must not guess at them.
 */
import { findLanguage, languageNames } from '../ast/languages.ts';

export interface AstGrepProblem {
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
}

export const RULE_KEYS = ['pattern', 'kind', 'regex', 'nthChild', 'range', 'inside', 'has', 'precedes', 'follows', 'all', 'any', 'not', 'matches'];
const CONFIG_KEYS = ['rule', 'constraints', 'utils', 'transform'];
const CHECK_KEYS = ['lang', 'path_prefix', 'rule', 'name'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function astGrepProblems(
  grader: Record<string, unknown>,
  at: string,
  didYouMean: (value: string, options: readonly string[]) => string,
): AstGrepProblem[] {
  const out: AstGrepProblem[] = [];
  const error = (pointer: string, message: string) => out.push({ pointer, message, severity: 'error' });
  out.push({
    pointer: `${at}/type`,
    message:
      'ast_grep is a Grader Playground type: OpenAI has no such grader and rejects it. Use "Export as python grader" to get the same checks as a python grader (ast_grep_py is in OpenAI\'s grader image).',
    severity: 'warning',
  });
  const checks = grader.checks;
  if (checks === undefined) return out;
  if (!Array.isArray(checks)) {
    error(`${at}/checks`, '"checks" must be a list like [{"lang": "python", "rule": "print($$$A)"}].');
    return out;
  }
  if (checks.length === 0) error(`${at}/checks`, '"checks" is empty: add at least one {"rule": "..."}.');
  checks.forEach((check, i) => {
    const p = `${at}/checks/${i}`;
    if (!isObject(check)) {
      error(p, `Check ${i + 1} must be an object with a "rule".`);
      return;
    }
    for (const key of Object.keys(check)) {
      if (!CHECK_KEYS.includes(key)) error(`${p}/${key}`, `"${key}" is not a field of a check (${CHECK_KEYS.join(', ')}).${didYouMean(key, CHECK_KEYS)}`);
    }
    if (check.lang !== undefined) {
      if (typeof check.lang !== 'string') error(`${p}/lang`, '"lang" must be a string.');
      else if (!findLanguage(check.lang)) {
        error(`${p}/lang`, `Unknown language "${check.lang}".${didYouMean(check.lang, languageNames())} Known: ${languageNames().join(', ')}.`);
      }
    }
    for (const key of ['path_prefix', 'name'] as const) {
      if (check[key] !== undefined && typeof check[key] !== 'string') error(`${p}/${key}`, `"${key}" must be a string.`);
    }
    const rule = check.rule;
    if (rule === undefined) error(p, `Check ${i + 1} has no "rule": a pattern string such as "console.log($$$A)" or a rule object.`);
    else if (typeof rule === 'string') {
      if (rule.trim() === '') error(`${p}/rule`, 'The pattern is empty.');
    } else if (!isObject(rule)) error(`${p}/rule`, '"rule" must be a pattern string or a rule object.');
    else {
      const keys = 'rule' in rule ? CONFIG_KEYS : RULE_KEYS;
      const what = 'rule' in rule ? 'a rule config' : 'a rule';
      if (Object.keys(rule).length === 0) error(`${p}/rule`, 'The rule is empty: give it a "pattern", "kind", "regex", ...');
      for (const key of Object.keys(rule)) {
        if (!keys.includes(key)) error(`${p}/rule/${key}`, `"${key}" is not a key of ${what} (${keys.join(', ')}).${didYouMean(key, keys)}`);
      }
    }
  });
  return out;
}
