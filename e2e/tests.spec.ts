import { expect, test } from '@playwright/test';
import { getDoc, setDoc } from './helpers.ts';

/** As helpers' openApp, with room for a loaded machine (the first worker can take long to start). */
async function openApp(page: import('@playwright/test').Page) {
  await page.goto('/');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 60_000 });
}

const grader = {
  type: 'string_check',
  name: 'capital',
  input: '{{ sample.output_text }}',
  reference: '{{ item.city }}',
  operation: 'eq',
  pass_threshold: 1,
};

test.describe('tests for a grader', () => {
  test.setTimeout(180_000);
  test('cases added from the sample re-check on every grader edit, open in the editors, and travel in a link', async ({ page, browser }) => {
    await openApp(page);
    await setDoc(page, 'grader', grader);
    await setDoc(page, 'item', { city: 'Paris' });
    await setDoc(page, 'sample', { output_text: 'Paris' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    const summary = page.getByTestId('tests-summary');
    await expect(summary).toHaveText('no tests');

    // One click pins the current sample at the reward it gets now.
    await page.getByTestId('test-name').fill('right answer');
    await page.getByTestId('test-add').click();
    await expect(summary).toHaveText('1/1 tests pass');

    await setDoc(page, 'sample', { output_text: 'Lyon' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    await page.getByTestId('test-name').fill('wrong city');
    await page.getByTestId('test-kind').selectOption('fails');
    await page.getByTestId('test-add').click();
    await expect(summary).toHaveText('2/2 tests pass');
    await expect(page.getByTestId('test-case')).toHaveCount(2);

    // Break the grader: the verdicts follow the edit.
    await setDoc(page, 'grader', { ...grader, operation: 'ne' });
    await expect(summary).toHaveText('0/2 tests pass');
    const first = page.getByTestId('test-case').first();
    await expect(first).toHaveAttribute('data-verdict', 'fail');
    await expect(first.getByTestId('test-reason')).toHaveText('expected reward 1, got reward 0');

    // Half-fix it: 1 of 2.
    await setDoc(page, 'grader', { ...grader, operation: 'like' });
    await expect(summary).toHaveText('2/2 tests pass');
    await setDoc(page, 'grader', { ...grader, reference: 'Lyon' });
    await expect(summary).toHaveText('0/2 tests pass');
    await setDoc(page, 'grader', grader);
    await expect(summary).toHaveText('2/2 tests pass');

    // The failing case is one click away in the editors.
    await page.getByTestId('test-open').first().click();
    expect(JSON.parse(await getDoc(page, 'sample'))).toEqual({ output_text: 'Paris' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');

    // Kept across a reload (IndexedDB), and carried by a share link.
    await page.reload();
    await expect(page.getByTestId('tests-summary')).toHaveText('2/2 tests pass');
    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.getByTestId('share-link')).toHaveValue(/#v1\.[A-Za-z0-9_-]+$/);
    const link = await page.getByTestId('share-link').inputValue();
    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    // A linked workspace runs in workers of its own, started now: room for a loaded machine.
    await expect(other.getByTestId('tests-summary')).toHaveText('2/2 tests pass', { timeout: 60_000 });
    await expect(other.getByTestId('test-case')).toHaveText([/right answer/, /wrong city/]);

    // Removing a case.
    await page.getByTestId('test-remove').last().click();
    await expect(summary).toHaveText('1/1 tests pass');
  });

  test('a case whose expectation fails names the reason; "below" compares two cases', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', { type: 'text_similarity', name: 'sim', input: '{{ sample.output_text }}', reference: '{{ item.city }}', evaluation_metric: 'fuzzy_match' });
    await setDoc(page, 'item', { city: 'Paris' });
    await setDoc(page, 'sample', { output_text: 'Paris' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await page.getByTestId('test-name').fill('good');
    await page.getByTestId('test-add').click();
    await setDoc(page, 'sample', { output_text: 'Pari' });
    await expect(page.getByTestId('reward')).not.toHaveAttribute('data-value', '1');
    await page.getByTestId('test-name').fill('typo');
    await page.getByTestId('test-kind').selectOption('below');
    await page.getByLabel('Case it must score below').selectOption('good');
    await page.getByTestId('test-add').click();
    await expect(page.getByTestId('tests-summary')).toHaveText('2/2 tests pass');
    // A grader that cannot tell them apart fails "below".
    await setDoc(page, 'grader', { type: 'string_check', name: 'any', input: 'x', reference: 'x', operation: 'eq' });
    await expect(page.getByTestId('tests-summary')).toHaveText('1/2 tests pass');
    await expect(page.getByTestId('test-reason')).toHaveText('expected scores below "good", got reward 1 vs 1');
  });

  test("a probe's finding becomes a test case in one click, failing until the grader is fixed", async ({ page }) => {
    await openApp(page);
    // "like" (contains) is fooled by the reference followed by padding.
    await setDoc(page, 'grader', { ...grader, operation: 'like' });
    const cities = ['Paris', 'Rome', 'Oslo'];
    const rows = cities.map((city) => JSON.stringify({ item: { city }, samples: [{ output_text: city }, { output_text: 'Nowhere' }] }));
    await page.getByTestId('mode-dataset').click();
    await page.getByTestId('dataset-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'text/plain', buffer: Buffer.from(rows.join('\n') + '\n') });
    await page.getByTestId('dataset-run').click();
    await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await page.getByTestId('probes-run').click();
    await expect(page.getByTestId('probes-summary')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('probe-table').locator('summary').click();
    const padded = page.locator('[data-testid="probe-row"][data-probe="padded-reference"]').first();
    await expect(padded).toHaveClass(/danger/);
    await padded.getByTestId('probe-add-test').click();
    await expect(padded.getByTestId('probe-test-added')).toBeVisible();
    await expect(page.getByTestId('probe-test-message')).toContainText('stays below the threshold');

    // In the playground the case fails while the grader is fooled; its sample is the probe's own.
    await page.getByTestId('mode-playground').click();
    const summary = page.getByTestId('tests-summary');
    await expect(summary).toHaveText('0/1 tests pass', { timeout: 60_000 });
    await expect(page.getByTestId('test-case')).toHaveText(/probe: padded-reference, line 1/);
    await page.getByTestId('test-open').click();
    const opened = JSON.parse(await getDoc(page, 'sample')) as { output_text: string };
    expect(opened.output_text.startsWith('Paris\n\n')).toBe(true);
    expect(JSON.parse(await getDoc(page, 'item'))).toEqual({ city: 'Paris' });
    // Fixed grader: the case passes.
    await setDoc(page, 'grader', grader);
    await expect(summary).toHaveText('1/1 tests pass');
  });
});
