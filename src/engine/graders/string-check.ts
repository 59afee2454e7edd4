/**
 * string_check: eq / ne (case-sensitive equality), like (input contains reference), ilike (the same after
 * Python's str.lower()). `%` and `_` are literal unless the SQL-wildcards setting is on. Reward is 0 or 1.
 */
import { assumption, explanation, noErrors, type GradeOutcome } from '../result.ts';
import type { StringCheckGrader } from '../types.ts';
import { pyLower } from '../unicode.ts';
import { renderField, type GradeContext } from './render.ts';

/**
 * Python's str.lower() on the Unicode version of the python graders' CPython (unicode.ts), not the browser's:
 * full mappings plus Final_Sigma, no locale, e.g. "İ" -> "i̇" and "ΟΔΟΣ" -> "οδος".
 */
export { pyLower };

/** SQL LIKE: `%` any run of characters, `_` exactly one code point, anchored at both ends. */
export function sqlLike(input: string, pattern: string): boolean {
  let re = '^';
  for (const ch of pattern) {
    if (ch === '%') re += '[\\s\\S]*';
    else if (ch === '_') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
  }
  return new RegExp(re + '$', 'u').test(input);
}

export interface StringCheckDetails {
  kind: 'string_check';
  operation: StringCheckGrader['operation'];
  input: string;
  reference: string;
  /** The strings actually compared (lower-cased for ilike). */
  comparedInput: string;
  comparedReference: string;
  passed: boolean;
  /** For like/ilike: UTF-16 offset of the first occurrence of the reference in the input, or -1. */
  matchAt: number;
  /** For eq/ne: UTF-16 offset of the first difference, or -1 when equal. */
  firstDifference: number;
  wildcards: boolean;
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return a.length === b.length ? -1 : n;
}

export function gradeStringCheck(grader: StringCheckGrader, ctx: GradeContext): GradeOutcome {
  const rendered = [] as Parameters<typeof renderField>[4];
  const input = renderField('string_check', ctx, grader.input, 'input', rendered);
  if (!input.ok) return input.outcome;
  const reference = renderField('string_check', ctx, grader.reference, 'reference', rendered);
  if (!reference.ok) return reference.outcome;

  const op = grader.operation;
  const wildcards = ctx.settings.sqlLikeWildcards && (op === 'like' || op === 'ilike');
  const a = op === 'ilike' ? pyLower(input.text) : input.text;
  const b = op === 'ilike' ? pyLower(reference.text) : reference.text;
  let passed: boolean;
  let matchAt = -1;
  let diff = -1;
  if (op === 'eq' || op === 'ne') {
    diff = firstDifference(a, b);
    passed = op === 'eq' ? diff === -1 : diff !== -1;
  } else if (wildcards) {
    passed = sqlLike(a, b);
  } else {
    matchAt = a.indexOf(b);
    passed = matchAt >= 0;
  }
  const reward = passed ? 1 : 0;
  const details: StringCheckDetails = {
    kind: 'string_check',
    operation: op,
    input: input.text,
    reference: reference.text,
    comparedInput: a,
    comparedReference: b,
    passed,
    matchAt,
    firstDifference: diff,
    wildcards,
  };
  const summary = describe(op, passed, wildcards);
  const assumptions = [];
  if (op === 'like' || op === 'ilike') {
    assumptions.push(
      wildcards
        ? assumption('like-wildcards', 'SQL LIKE mode: % and _ are wildcards and the whole input must match.', 'sqlLikeWildcards')
        : assumption(
            'like-literal',
            `${op} is a substring test (input contains reference); % and _ are literal characters, as OpenAI documents "contains".`,
            'sqlLikeWildcards',
          ),
    );
  }
  if (op === 'ilike') {
    assumptions.push(assumption('ilike-lower', "Case is folded with Python's str.lower() (Unicode default lower-casing, no locale)."));
  }
  return {
    reward,
    errors: noErrors(),
    scores: {},
    explain: explanation('string_check', summary, { rendered, assumptions, details: details as unknown as Record<string, unknown> }),
  };
}

function describe(op: StringCheckGrader['operation'], passed: boolean, wildcards: boolean): string {
  switch (op) {
    case 'eq':
      return passed ? 'The input equals the reference exactly.' : 'The input differs from the reference (case-sensitive).';
    case 'ne':
      return passed ? 'The input differs from the reference, as ne requires.' : 'The input equals the reference, so ne fails.';
    case 'like':
      if (wildcards) return passed ? 'The input matches the LIKE pattern.' : 'The input does not match the LIKE pattern.';
      return passed ? 'The input contains the reference.' : 'The input does not contain the reference (case-sensitive).';
    case 'ilike':
      if (wildcards) return passed ? 'The input matches the LIKE pattern, ignoring case.' : 'The input does not match the LIKE pattern, even ignoring case.';
      return passed ? 'The input contains the reference, ignoring case.' : 'The input does not contain the reference, even ignoring case.';
  }
}
