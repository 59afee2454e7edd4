/**
 * The ast_grep grader: checks over the sample's code blocks, reward = fraction passed, explanations per check,
 * rule errors as grader errors, and validation of its shape.
 */
import { describe, expect, it } from 'vitest';
import { createAstEngine } from '../ast/engine.ts';
import { nodeAstAssets } from '../ast/node-assets.ts';
import { runGrader } from '../run.ts';
import type { EngineRuntime } from '../runtime.ts';
import { validateGrader } from '../validate.ts';
import type { AstGrepDetails } from './ast-grep.ts';

const runtime: EngineRuntime = { ast: createAstEngine(nodeAstAssets) };

const answer = [
  'Here is the fix.',
  '',
  '**src/pay.ts**',
  '```ts',
  'export async function pay(amount: number) {',
  '  const res = await fetch("/pay", { method: "POST" });',
  '  console.log(res);',
  '  return res.json();',
  '}',
  '```',
  '',
  'And a test:',
  '```python title="tests/test_pay.py"',
  'def test_pay():',
  '    assert pay(1) == 2',
  '```',
].join('\n');

const grader = (checks: unknown[]) => ({ type: 'ast_grep', name: 'code', checks });

async function grade(checks: unknown[], output_text: string = answer) {
  const r = await runGrader(grader(checks), { output_text }, {}, { runtime });
  return { r, details: r.explain?.details as unknown as AstGrepDetails };
}

describe('ast_grep grader', () => {
  it('scores the fraction of checks that match, with matches and captures per check', async () => {
    const { r, details } = await grade([
      { lang: 'ts', rule: 'await fetch($URL, $$$REST)', name: 'uses fetch' },
      { lang: 'typescript', rule: 'console.log($$$A)', name: 'no debug output' },
      { lang: 'python', rule: 'assert $X == $Y' },
      { rule: { kind: 'try_statement' }, name: 'handles errors' },
    ]);
    expect(r.reward).toBe(0.75);
    expect(details.kind).toBe('ast_grep');
    expect(details.blocks.map((b) => [b.lang, b.path])).toEqual([
      ['typescript', 'src/pay.ts'],
      ['python', 'tests/test_pay.py'],
    ]);
    const [fetchCheck, logCheck, assertCheck, tryCheck] = details.checks;
    expect(fetchCheck).toMatchObject({ name: 'uses fetch', passed: true, block: 0, matchCount: 1, searched: [0], error: null });
    expect(fetchCheck!.matches[0]!.captures).toEqual({ URL: '"/pay"', REST: '{ method: "POST" }' });
    expect(fetchCheck!.matches[0]!.range.start).toEqual({ line: 1, column: 14, index: 58 });
    expect(logCheck).toMatchObject({ passed: true, block: 0 });
    expect(assertCheck).toMatchObject({ name: 'assert $X == $Y', passed: true, block: 1 });
    expect(assertCheck!.matches[0]!.captures).toEqual({ X: 'pay(1)', Y: '2' });
    expect(tryCheck).toMatchObject({ passed: false, block: null, searched: [0, 1], matchCount: 0 });
    expect(r.explain?.summary).toBe('3 of 4 checks matched in 2 code blocks.');
  });

  it('limits checks by path prefix and accepts rule configs with constraints', async () => {
    const { r, details } = await grade([
      { path_prefix: 'src/', rule: 'eval($A)' },
      { path_prefix: './tests/', rule: { rule: { pattern: 'def $F(): $$$' }, constraints: { F: { regex: '^test_' } } } },
      { path_prefix: 'lib/', rule: 'pay' },
    ]);
    expect(details.checks.map((c) => [c.passed, c.searched])).toEqual([
      [false, [0]],
      [true, [1]],
      [false, []],
    ]);
    expect(r.reward).toBeCloseTo(1 / 3, 12);
  });

  it('parses an unlabeled block in the language its check names, and says so', async () => {
    const { r } = await grade([{ lang: 'python', rule: 'print($A)' }], 'Try:\n```\nprint("hi")\n```');
    expect(r.reward).toBe(1);
    expect(r.explain?.assumptions.map((a) => a.id)).toContain('ast-grep-unlabeled');
    const bare = await grade([{ lang: 'js', rule: 'f($A)' }], 'f(1)');
    expect(bare.r.reward).toBe(1);
  });

  it('gives 0 when the answer has no code', async () => {
    const { r } = await grade([{ lang: 'js', rule: 'f($A)' }], '');
    expect(r.reward).toBe(0);
    expect(r.explain?.summary).toMatch(/no code/);
  });

  it('reports a rule ast-grep rejects as the grader error, at the rule', async () => {
    const { r, details } = await grade([{ lang: 'ts', rule: 'console.log($A)' }, { lang: 'ts', rule: { kind: 'no_such_kind' } }]);
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.other_error).toBe(true);
    expect(r.explain?.problems[0]).toMatchObject({ pointer: '/checks/1/rule' });
    expect(r.explain?.problems[0]?.message).toMatch(/^Check 2 \(check 2\): ast-grep rejected the rule: .*no_such_kind/s);
    expect(details.checks[1]?.error).toMatch(/no_such_kind/);
    expect(details.checks[0]?.passed).toBe(true);
  });

  it('flags a missing output_text as OpenAI flags a missing template variable', async () => {
    const r = await runGrader(grader([{ rule: 'x' }]), {}, {}, { runtime });
    expect(r.metadata.errors.invalid_variable_error).toBe(true);
  });

  it('needs the AST engine from its host', async () => {
    const r = await runGrader(grader([{ rule: 'x' }]), { output_text: 'x' }, {}, { runtime: {} });
    expect(r.metadata.errors.other_error).toBe(true);
    expect(r.explain?.summary).toMatch(/AST engine/);
  });

  it('works inside multi', async () => {
    const multi = { type: 'multi', name: 'm', graders: { ast: grader([{ lang: 'ts', rule: 'console.log($$$A)' }]) }, calculate_output: '1 - ast' };
    const r = await runGrader(multi, { output_text: answer }, {}, { runtime });
    expect(r.reward).toBe(0);
    expect(r.sub_rewards).toEqual({ ast: 1 });
  });
});

describe('ast_grep validation', () => {
  it('warns that the type is playground-only', () => {
    const v = validateGrader(grader([{ rule: 'x' }]));
    expect(v.ok).toBe(true);
    expect(v.problems).toEqual([expect.objectContaining({ pointer: '/type', severity: 'warning', message: expect.stringMatching(/Grader Playground type/) })]);
  });

  it('reports bad checks where they are', () => {
    const v = validateGrader(
      grader([{ lang: 'pyhton', rule: 'x' }, { rule: '' }, { rule: { patern: 'x' } }, { rule: 'x', paths: 'a' }, 'x', { lang: 'js' }]),
    );
    const errors = v.problems.filter((p) => p.severity === 'error').map((p) => [p.pointer, p.message]);
    expect(errors).toEqual([
      ['/checks/0/lang', expect.stringMatching(/^Unknown language "pyhton". Did you mean "python"\?/)],
      ['/checks/1/rule', 'The pattern is empty.'],
      ['/checks/2/rule/patern', expect.stringMatching(/not a key of a rule .* Did you mean "pattern"\?/)],
      ['/checks/3/paths', '"paths" is not a field of a check (lang, path_prefix, rule, name).'],
      ['/checks/4', 'Check 5 must be an object with a "rule".'],
      ['/checks/5', expect.stringMatching(/Check 6 has no "rule"/)],
    ]);
    expect(validateGrader(grader([])).ok).toBe(false);
    expect(validateGrader({ type: 'ast_grep', name: 'x' }).problems).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/missing the required field "checks"/) }));
  });
});
