/**
 * AST checks in the browser: the ast_grep grader and ast_grep_py run in the sandboxed grader worker (grammars
 * fetched from our build on first use of a language), and the AST panel shows matches, captures, trees and
 * errors computed there.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, reward, setDoc } from './helpers.ts';

const ANSWER = [
  'Here is the fix.',
  '',
  '**src/pay.ts**',
  '```ts',
  'export async function pay(amount: number) {',
  '  console.log("paying", amount);',
  '  const res = await fetch("/pay", { method: "POST" });',
  '  console.log(res.status);',
  '  return res.json();',
  '}',
  '```',
  '',
  '```python title="tests/test_pay.py"',
  'def test_pay():',
  '    assert pay(1) == 2',
  '```',
].join('\n');

async function openPanel(page: Page) {
  await openApp(page);
  await setDoc(page, 'sample', { output_text: ANSWER });
  await page.getByTestId('mode-ast').click();
  await expect(page.getByTestId('ast-panel')).toBeVisible();
}

async function query(page: Page, text: string) {
  await page.getByTestId('ast-query').fill(text);
}

const matchCount = (page: Page) => page.getByTestId('ast-match-count');

test.describe('AST checks in the sandbox', () => {
  test.describe.configure({ timeout: 120_000 });

  test('an ast_grep grader scores the sample’s code blocks', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'sample', { output_text: ANSWER });
    await setDoc(page, 'grader', {
      type: 'ast_grep',
      name: 'code checks',
      checks: [
        { lang: 'ts', rule: 'await fetch($$$ARGS)', name: 'uses fetch' },
        { path_prefix: 'tests/', rule: 'assert $A == $B' },
        { lang: 'typescript', rule: { kind: 'try_statement' }, name: 'handles errors' },
      ],
    });
    await expect.poll(() => reward(page), { timeout: 60_000 }).toBeCloseTo(2 / 3, 12);
    await expect(page.getByTestId('validation')).toContainText('Grader Playground type');
    const view = page.getByTestId('explain-ast-grep');
    await expect(view.getByTestId('ag-check')).toHaveCount(3);
    await expect(view.locator('[data-testid="ag-check"][data-passed="true"]')).toHaveCount(2);
    await expect(view.getByTestId('ag-blocks')).toContainText('src/pay.ts');
    await expect(view).toContainText('$ARGS = "/pay" , { method: "POST" }');

    // "Export as OpenAI python grader" gives a python grader with the same reward here.
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-ast-python').click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('explain')).toHaveAttribute('data-kind', 'python', { timeout: 90_000 });
    await expect.poll(() => reward(page), { timeout: 60_000 }).toBeCloseTo(2 / 3, 12);
  });

  test('a python grader imports ast_grep_py, and a grammar it names loads on demand', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'sample', { output_text: 'Done:\n```rust\nfn main() { let total = add(1, 2); }\n```' });
    const source = [
      'import re',
      'from ast_grep_py import SgRoot',
      '',
      'def grade(sample, item):',
      '    code = re.search(r"```rust\\n(.*?)```", sample["output_text"], re.S).group(1)',
      '    node = SgRoot(code, "rust").root().find(pattern="let $X = add($$$A);")',
      '    return 1.0 if node is not None and node["X"].text() == "total" else 0.0',
    ].join('\n');
    await setDoc(page, 'grader', { type: 'python', name: 'rust check', source });
    // Python's cold start and the grammar's first load can take longer than reward()'s own wait on a busy machine.
    await expect(page.getByTestId('explain')).toHaveAttribute('data-kind', 'python', { timeout: 90_000 });
    await expect.poll(() => reward(page), { timeout: 90_000 }).toBe(1);
  });

  test('the AST panel shows matches, captures and both trees for a block of the sample', async ({ page }) => {
    await openPanel(page);
    await expect(page.getByTestId('ast-source')).toContainText('Block 1 · typescript · src/pay.ts');
    await expect(page.getByTestId('ast-source')).toContainText('Block 2 · python · tests/test_pay.py');
    await expect(page.getByTestId('ast-lang')).toHaveValue('typescript');
    await query(page, 'console.log($$$ARGS)');
    await expect(matchCount(page)).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('ast-code').locator('mark.hit')).not.toHaveCount(0);
    await expect(page.getByTestId('ast-code').locator('mark.hit').first()).toContainText('console.log(');
    const captures = page.getByTestId('ast-captures');
    await expect(captures.locator('tr[data-name="$$$ARGS"]')).toHaveCount(2);
    await expect(captures).toContainText('res.status');
    await expect(page.getByTestId('ast-tree').locator('[data-kind="call_expression"]').first()).toBeVisible();
    // The tree is one tab stop; arrow keys walk its items, and the focused item's span is highlighted in the code.
    const items = page.getByTestId('ast-tree').getByRole('treeitem');
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await expect(items.nth(1)).toHaveAttribute('tabindex', '0');
    await expect(items.first()).toHaveAttribute('tabindex', '-1');
    await expect(page.getByTestId('ast-code').locator('mark.hover')).not.toHaveCount(0);
    await page.keyboard.press('End');
    await expect(items.last()).toBeFocused();
    // Another block re-renders the tree without the item that held the tab stop: the tree keeps exactly one.
    await page.getByTestId('ast-source').selectOption({ label: 'Block 2 · python · tests/test_pay.py' });
    await expect(page.getByTestId('ast-tree').locator('[data-kind="assert_statement"]').first()).toBeVisible();
    await expect(page.getByTestId('ast-tree').locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
    await page.getByTestId('ast-source').selectOption({ label: 'Block 1 · typescript · src/pay.ts' });
    await page.getByTestId('ast-tab-pattern').click();
    await expect(page.getByTestId('ast-pattern-tree').locator('[data-role="metaVar"]')).toContainText('$$$ARGS');

    await page.getByTestId('ast-source').selectOption({ label: 'Block 2 · python · tests/test_pay.py' });
    await expect(page.getByTestId('ast-lang')).toHaveValue('python');
    await query(page, 'assert $A == $B');
    await expect(matchCount(page)).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('ast-captures').locator('tr[data-name="$A"]')).toContainText('pay(1)');
  });

  test('pasted code in a language loaded on first use, YAML rules, and errors where they are', async ({ page }) => {
    await openPanel(page);
    await page.getByTestId('ast-source').selectOption('paste');
    await page.getByTestId('ast-code-input').fill('fn main() {\n    let a = 1;\n    let b = a + 2;\n}\n');
    await page.getByTestId('ast-lang').selectOption('rust');
    await query(page, 'let $X = $V;');
    await expect(matchCount(page)).toHaveAttribute('data-count', '2');

    await page.getByTestId('ast-mode-rule').click();
    await query(page, 'language: rust\nrule:\n  kind: let_declaration\n  has:\n    kind: binary_expression\n    stopBy: end\n');
    await expect(matchCount(page)).toHaveAttribute('data-count', '1');

    // A YAML mistake is placed at its line, and the last good result is kept, dimmed.
    await query(page, 'rule:\n  kind: [let_declaration\n');
    await expect(page.getByTestId('ast-error')).toContainText(/Line \d+, column \d+:/);
    // ast-grep's own complaint about a rule, word for word.
    await query(page, 'rule:\n  kind: no_such_kind\n');
    await expect(page.getByTestId('ast-error')).toContainText('Kind `no_such_kind` is invalid.');
    await expect(matchCount(page)).toHaveAttribute('data-count', '-1');

    await page.getByTestId('ast-mode-pattern').click();
    await query(page, 'let a = 1; let b = 2;');
    await expect(page.getByTestId('ast-error')).toContainText('Multiple AST nodes are detected');
  });
});
