import { expect, test } from '@playwright/test';
import { getDoc, openApp, setDoc } from './helpers.ts';

test('the gallery opens an example on a sample, and next/previous sample walk its samples', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-gallery').click();
  await expect(page.getByTestId('gallery-card')).toHaveCount(15);
  await page.locator('[data-testid="gallery-card"][data-example="tool-call-strings"]').click();
  await expect(page.getByTestId('gallery-detail')).toContainText('Design');
  await page.getByTestId('gallery-open-sample').first().click();
  await expect(page.getByTestId('sample-cycle')).toContainText('sample 1 of');
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('notes')).toBeVisible();
  const first = await getDoc(page, 'sample');
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('sample-cycle')).toContainText('sample 2 of');
  expect(await getDoc(page, 'sample')).not.toBe(first);
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
  await page.keyboard.press('Alt+PageUp');
  await expect(page.getByTestId('sample-cycle')).toContainText('sample 1 of');
  expect(await getDoc(page, 'sample')).toBe(first);
});

test('an example runs as a dataset', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-gallery').click();
  await page.locator('[data-testid="gallery-card"][data-example="tool-call-strings"]').click();
  await page.getByTestId('gallery-dataset').click();
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('readiness-report')).toBeVisible();
});

test('first visit offers a tour that walks through the page', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tour-start').click();
  for (let i = 0; i < 5; i++) {
    await expect(page.getByTestId('tour-card')).toHaveAttribute('data-step', String(i));
    await page.getByTestId('tour-next').click();
  }
  await page.getByTestId('tour-done').click();
  await expect(page.getByTestId('tour-card')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('tour-offer')).toHaveCount(0);
});

test('keyboard shortcuts: help, share, toggle explanation, full run', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tour-dismiss').click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  await expect(page.getByTestId('shortcuts')).toContainText('Share');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-dialog')).not.toBeVisible();

  await expect(page.getByTestId('explain')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(page.getByTestId('explain')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(page.getByTestId('explain')).toBeVisible();

  // Shortcuts work while typing in an editor too.
  await page.getByTestId('editor-sample').locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('share-popover')).toBeVisible();
  await setDoc(page, 'sample', '{"output_text": "Lyon"}');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
});
