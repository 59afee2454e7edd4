/**
 * Offline: after one online visit (the service worker has installed, a python grader and an AST check have
 * run), the page reloads with the network off and still grades: string_check, python (Pyodide from the
 * cache) and ast_grep with the grammar used before. The sandbox frame's requests cannot go through the service
 * worker (opaque origin), so this also proves the app fetches our files for it.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, reward, setDoc } from './helpers.ts';

const STRING_CHECK = { type: 'string_check', name: 's', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' };
const PYTHON = {
  type: 'python',
  name: 'p',
  source: 'def grade(sample, item):\n    return 1.0 if sample["output_text"].strip().lower() == item["answer"].lower() else 0.25\n',
};
const AST = { type: 'ast_grep', name: 'a', checks: [{ lang: 'python', rule: 'print($$$A)' }] };
const CODE = 'Here:\n```python\nprint("Paris")\n```';

async function grades(page: Page, grader: unknown, sample: unknown, expected: number) {
  await setDoc(page, 'item', { answer: 'Paris' });
  await setDoc(page, 'sample', sample);
  await setDoc(page, 'grader', grader);
  // Python's first start here shares the cores with the service worker precaching 20 MB (and another spec file).
  await expect.poll(() => reward(page, 90_000), { timeout: 90_000 }).toBe(expected);
}

test.describe('offline', () => {
  test.describe.configure({ timeout: 240_000 });

  test('after a first visit, the page loads and grades with the network off', async ({ page, context }) => {
    await openApp(page);
    // The first visit: the service worker installs (precaching the app and Pyodide) and takes control.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
    await grades(page, PYTHON, { output_text: 'paris' }, 1);
    await grades(page, AST, { output_text: CODE }, 1);
    await expect(page.getByTestId('offline-badge')).toHaveCount(0);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('offline-badge')).toHaveText('Offline: model graders and packages not cached need the network');
    // Really offline: a file that was never cached does not load.
    expect(await page.evaluate(() => fetch('./never-cached.txt').then(() => 'loaded', () => 'failed'))).toBe('failed');

    await grades(page, STRING_CHECK, { output_text: 'Paris' }, 1);
    await grades(page, STRING_CHECK, { output_text: 'Lyon' }, 0);
    await grades(page, PYTHON, { output_text: 'Lyon' }, 0.25);
    await grades(page, PYTHON, { output_text: ' PARIS ' }, 1);
    await grades(page, AST, { output_text: CODE }, 1);
    await grades(page, AST, { output_text: 'Here:\n```python\nx = 1\n```' }, 0);

    await context.setOffline(false);
    await expect(page.getByTestId('offline-badge')).toHaveCount(0);
  });
});
