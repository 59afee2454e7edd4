import { expect, test } from '@playwright/test';
import { flags, getDoc, openApp, reward, setDoc, typeInto, waitForMonaco } from './helpers.ts';

test.describe('live editing', () => {
  test('first visit shows an example with its score and the result hooks', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    expect(await reward(page)).toBe(1);
    await expect(page.getByTestId('errors').locator('[data-flag]')).toHaveCount(0);
    await expect(page.getByTestId('summary')).toHaveText('The input equals the reference exactly.');
    await expect(page.getByTestId('rendered')).toContainText('Paris');
    await expect(page.getByTestId('execution-time')).toContainText('graded in');
  });

  test('typing into each editor changes the score', async ({ page }) => {
    await openApp(page);
    await typeInto(page, 'sample', '{"output_text": "Lyon"}');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    expect(await getDoc(page, 'sample')).toBe('{"output_text": "Lyon"}');

    await typeInto(page, 'item', '{"reference_answer": "Lyon"}');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');

    await typeInto(
      page,
      'grader',
      '{"type": "string_check", "name": "n", "input": "{{ sample.output_text }}", "reference": "{{ item.reference_answer }}", "operation": "ne"}',
    );
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('summary')).toContainText('ne fails');
  });

  test('broken JSON is marked where it is, the last result stays dimmed, and fixing it recovers', async ({ page }) => {
    await openApp(page);
    expect(await reward(page)).toBe(1);
    await setDoc(page, 'sample', '{\n  "output_text": "Paris",\n  oops\n}');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('outdated')).toBeVisible();
    await expect(page.getByTestId('doc-errors')).toContainText('sample, line 3, column 3');
    // The last good reward is still shown.
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    // Monaco shows an error squiggle on the bad line.
    await waitForMonaco(page, 'sample');
    await expect(page.getByTestId('editor-sample').locator('.squiggly-error').first()).toBeVisible();

    await setDoc(page, 'sample', '{"output_text": "Rome"}');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('outdated')).toHaveCount(0);
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
  });

  test('a missing template variable sets invalid_variable_error and marks the grader field', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', {
      type: 'string_check',
      name: 'n',
      input: '{{ sample.output_text }}',
      reference: '{{ item.answer }}',
      operation: 'eq',
    });
    await expect.poll(() => flags(page)).toEqual(['invalid_variable_error']);
    await expect(page.getByTestId('problems')).toContainText('item.answer does not exist');
    await expect(page.getByTestId('problems')).toContainText('reference_answer');
    await waitForMonaco(page, 'grader');
    await expect(page.getByTestId('editor-grader').locator('.squiggly-error').first()).toBeVisible();
  });

  test('validation problems are listed with their JSON pointer', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', { type: 'string_check', name: 'n', input: 'a', reference: 'a', operation: 'contains' });
    await expect(page.getByTestId('validation')).toContainText('/operation');
    await expect(page.getByTestId('validation')).toContainText('use "like"');
    await expect.poll(() => flags(page)).toEqual(['other_error']);
    expect(await reward(page)).toBe(0);
  });

  test('the pass badge follows pass_threshold', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', {
      type: 'string_check',
      name: 'n',
      input: '{{ sample.output_text }}',
      reference: 'Paris',
      operation: 'like',
      pass_threshold: 1,
    });
    await expect(page.getByTestId('pass-badge')).toHaveAttribute('data-passed', 'true');
  });

  test('settings change how templates render, and the assumption is shown', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', {
      type: 'string_check',
      name: 'n',
      input: '{{ sample.output_json }}',
      reference: '{"a": 1.0}',
      operation: 'eq',
    });
    await setDoc(page, 'sample', '{"output_json": {"a": 1.0}}');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await expect(page.locator('[data-assumption="template-json"]')).toBeVisible();
    await page.locator('[data-assumption="template-json"]').getByRole('button', { name: 'change' }).click();
    await page.getByTestId('setting-compactJson').check();
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('rendered')).toContainText('{"a":1.0}');
  });

  test('examples load from the picker', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('example-picker').selectOption('tool_call');
    await expect(page.getByTestId('rendered')).toContainText('get_weather');
    expect(await reward(page)).toBe(1);
  });

  test('edits survive a reload', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'sample', '{"output_text": "kept after reload"}');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    await page.waitForTimeout(400);
    await page.reload();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    expect(await getDoc(page, 'sample')).toBe('{"output_text": "kept after reload"}');
  });

  test('the page follows a dark system theme', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await openApp(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 29)');
    await waitForMonaco(page, 'grader');
    await expect(page.getByTestId('editor-grader').locator('.monaco-editor.vs-dark')).toBeVisible();
    await context.close();
  });
});

test.describe('sandbox', () => {
  test('graders run in an opaque-origin frame that cannot reach the app storage', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => localStorage.setItem('secret-api-key', 'sk-test'));
    // The app loads the frame as srcdoc (so it works offline); it is found by its name.
    const frame = page.frame({ name: 'grader-sandbox' });
    expect(frame).not.toBeNull();
    const sandboxAttr = await page.locator('iframe[title="Grader sandbox"]').getAttribute('sandbox');
    expect(sandboxAttr).toBe('allow-scripts');
    const probe = await frame!.evaluate(() => {
      let storage = 'readable';
      try {
        void localStorage.getItem('secret-api-key');
      } catch {
        storage = 'blocked';
      }
      let parentDom = 'readable';
      try {
        void parent.document.title;
      } catch {
        parentDom = 'blocked';
      }
      return { origin: self.origin, storage, parentDom };
    });
    expect(probe).toEqual({ origin: 'null', storage: 'blocked', parentDom: 'blocked' });
  });

  test('the sandbox policy forbids network access to other origins', async ({ page }) => {
    await openApp(page);
    const frame = page.frame({ name: 'grader-sandbox' })!;
    const csp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(csp).toContain("default-src 'none'");
    // Our own origin, and the folder of the Python package index the user chose (by default Pyodide's official
    // one, named by its path, not its whole origin): nothing else.
    expect(csp).toMatch(/connect-src http:\/\/127\.0\.0\.1:\d+ https:\/\/cdn\.jsdelivr\.net\/pyodide\/v[\d.]+\/full\/(;|$)/);
    // localhost is the same server as 127.0.0.1 but another origin, and it answers with CORS "*": only the
    // policy can stop this request.
    const other = new URL(page.url());
    other.hostname = 'localhost';
    const reachable = await page.evaluate(async (u) => (await fetch(u)).ok, other.href);
    expect(reachable).toBe(true);
    const blocked = await frame.evaluate(async (u) => {
      try {
        await fetch(u);
        return 'fetched';
      } catch {
        return 'blocked';
      }
    }, other.href);
    expect(blocked).toBe('blocked');
  });
});
