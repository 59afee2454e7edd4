import { expect, test } from '@playwright/test';
import { getDoc, setDoc } from './helpers.ts';

const grader = { type: 'string_check', name: 'capital', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'eq', pass_threshold: 1 };

test.describe('versions and diff', () => {
  test.setTimeout(180_000);
  test('a named version is restored, and a diff shows the JSON change, flips and rank correlation on the tests', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 60_000 });
    await setDoc(page, 'grader', grader);
    await setDoc(page, 'item', { city: 'Paris' });
    for (const [name, text] of [['exact', 'Paris'], ['lower', 'paris'], ['other', 'Lyon']] as const) {
      await setDoc(page, 'sample', { output_text: text });
      await expect(page.getByTestId('reward')).toHaveAttribute('data-value', text === 'Paris' ? '1' : '0');
      await page.getByTestId('test-name').fill(name);
      await page.getByTestId('test-add').click();
    }
    await expect(page.getByTestId('tests-summary')).toHaveText('3/3 tests pass');

    await page.getByTestId('versions-panel').locator('summary').click();
    await page.getByTestId('version-name').fill('strict eq');
    await page.getByTestId('version-save').click();
    await expect(page.getByTestId('version').filter({ hasText: 'strict eq' })).toHaveCount(1);

    // Loosen the grader: "lower" now passes, which its test did not expect.
    await setDoc(page, 'grader', { ...grader, operation: 'ilike' });
    await expect(page.getByTestId('tests-summary')).toHaveText('2/3 tests pass');

    await page.getByTestId('version').filter({ hasText: 'strict eq' }).getByTestId('version-compare').click();
    await expect(page.getByTestId('diff-json')).toContainText('-   "operation": "eq",');
    await expect(page.getByTestId('diff-json')).toContainText('+   "operation": "ilike",');
    await page.getByTestId('diff-run').click();
    await expect(page.getByTestId('diff-rows')).toHaveText('3', { timeout: 60_000 });
    await expect(page.getByTestId('diff-changed')).toHaveText('1');
    await expect(page.getByTestId('diff-flips')).toHaveText('1');
    await expect(page.getByTestId('diff-flip-list')).toContainText('lower: now passes (0.0 → 1.0)');
    await expect(page.getByTestId('diff-row')).toHaveText([/^lower\s*0\.0\s*1\.0\s*\+1\.0$/]);
    // A = (1, 0, 0), B = (1, 1, 0): scipy gives Spearman 0.5000000000000001 and Kendall tau-b 0.49999999999999994.
    await expect(page.getByTestId('diff-spearman')).toHaveText(/^0\.5/);
    await expect(page.getByTestId('diff-kendall')).toHaveText(/^0\.5/);

    // Restore the version: the tests pass again.
    await page.getByTestId('version').filter({ hasText: 'strict eq' }).getByTestId('version-restore').click();
    await expect(page.getByTestId('tests-summary')).toHaveText('3/3 tests pass');
    expect(JSON.parse(await getDoc(page, 'grader')).operation).toBe('eq');
  });

  test('a pasted grader can be compared', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 60_000 });
    await setDoc(page, 'grader', grader);
    await page.getByTestId('versions-panel').locator('summary').click();
    await page.getByTestId('diff-paste').fill(JSON.stringify({ ...grader, name: 'other' }));
    await page.getByTestId('diff-use-pasted').click();
    await expect(page.getByTestId('diff-view')).toContainText('A: pasted grader');
    await expect(page.getByTestId('diff-json')).toContainText('-   "name": "other",');
  });
});
