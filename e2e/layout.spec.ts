import { expect, test, type Page } from '@playwright/test';
import { getDoc, openApp, setDoc, waitForMonaco } from './helpers.ts';

const box = async (page: Page, testid: string) => (await page.getByTestId(testid).boundingBox())!;

test('panes resize by dragging and by keyboard, collapse, and the layout survives a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  const before = await box(page, 'pane-col-0');
  const border = await box(page, 'pane-border-0');
  await page.mouse.move(border.x + border.width / 2, border.y + 200);
  await page.mouse.down();
  await page.mouse.move(border.x + 150, border.y + 200, { steps: 5 });
  await page.mouse.up();
  const wider = await box(page, 'pane-col-0');
  expect(wider.width).toBeGreaterThan(before.width + 100);

  // Keyboard: a focused border moves with the arrow keys.
  await page.getByTestId('pane-border-1').focus();
  const result = (await box(page, 'pane-col-2')).width;
  await page.keyboard.press('Shift+ArrowLeft');
  expect((await box(page, 'pane-col-2')).width).toBeGreaterThan(result + 50);

  // The sample/item split.
  const sample = (await page.getByLabel('Sample', { exact: true }).boundingBox())!.height;
  await page.getByTestId('pane-border-split').focus();
  await page.keyboard.press('Shift+ArrowDown');
  expect((await page.getByLabel('Sample', { exact: true }).boundingBox())!.height).toBeGreaterThan(sample + 40);

  // Collapse the documents column: the others take its room; the editor's text is kept.
  await page.getByTestId('pane-fold-1').click();
  await expect(page.getByTestId('pane-col-1')).toHaveAttribute('data-collapsed', 'true');
  expect((await box(page, 'pane-col-1')).width).toBeLessThan(40);
  await expect(page.getByTestId('editor-sample')).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('pane-col-1')).toHaveAttribute('data-collapsed', 'true');
  expect(Math.abs((await box(page, 'pane-col-0')).width - wider.width)).toBeLessThan(120); // same share of a wider row
  await page.getByTestId('pane-fold-1').click();
  await expect(page.getByTestId('editor-sample')).toBeVisible();
  expect(JSON.parse(await getDoc(page, 'sample'))).toHaveProperty('output_text');
});

test('a phone shows one pane at a time behind tabs, with the reward always visible', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await expect(page.getByTestId('panes')).toHaveAttribute('data-layout', 'phone');
  await expect(page.getByTestId('reward-chip')).toContainText('reward 1');
  await expect(page.getByTestId('editor-grader')).toBeVisible();
  await expect(page.getByTestId('editor-sample')).toBeHidden();
  await page.getByTestId('pane-tab-sample').click();
  await expect(page.getByTestId('editor-sample')).toBeVisible();
  await expect(page.getByTestId('editor-grader')).toBeHidden();
  // Editing here updates the reward in the tab bar.
  await setDoc(page, 'sample', { output_text: 'Rome' });
  await expect(page.getByTestId('reward-chip')).toContainText('reward 0');
  await page.getByTestId('pane-tab-result').click();
  await expect(page.getByTestId('reward')).toBeVisible();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

for (const width of [1024, 1280, 1440]) {
  test(`the header stays on one row at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page);
    const header = page.locator('header').first();
    const h = (await header.boundingBox())!;
    const help = (await page.getByTestId('help-button').boundingBox())!;
    const title = (await page.locator('header h1').boundingBox())!;
    expect(h.height).toBeLessThan(50);
    expect(Math.abs(help.y - title.y)).toBeLessThan(12);
    expect(help.x + help.width).toBeLessThanOrEqual(width);
  });
}

test('the Format button formats the document with Monaco', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'item', '{"reference_answer":"Paris","question":"What is the capital of France?"}');
  await waitForMonaco(page, 'item');
  await page.getByTestId('editor-item-format').click();
  await expect.poll(() => getDoc(page, 'item')).toBe('{\n  "reference_answer": "Paris",\n  "question": "What is the capital of France?"\n}');
});

test('help lists every shortcut, grouped by where it works', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const rows = page.getByTestId('help-dialog').getByTestId('shortcut');
  await expect(rows).toHaveCount(14);
  for (const key of ['+Enter', '+S', '+Shift+E', 'Alt+PageDown', 'Alt+PageUp', 'Shift+Alt+F', 'Escape', 'Arrow keys']) {
    await expect(page.getByTestId('help-dialog')).toContainText(key);
  }
});

test('the tour rings its target and never covers it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('tour-start').click();
  const card = page.getByTestId('tour-card');
  for (let step = 0; step < 6; step++) {
    await expect(card).toHaveAttribute('data-step', String(step));
    const ring = (await page.getByTestId('tour-ring').boundingBox())!;
    const c = (await card.boundingBox())!;
    const overlap = c.x < ring.x + ring.width && ring.x < c.x + c.width && c.y < ring.y + ring.height && ring.y < c.y + c.height;
    expect(overlap, `step ${step}`).toBe(false);
    if (step < 5) await page.getByTestId('tour-next').click();
  }
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
});

test('an invalid grader says its problem once: marked in the editor and listed under it', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', { type: 'string_check', name: 'n', input: '{{ sample.output_text }}', reference: 'a', operation: 'nope' });
  await expect(page.getByTestId('validation')).toContainText('/operation');
  await expect(page.getByTestId('problems-at-grader')).toBeVisible();
  const message = 'must be one of "eq", "ne", "like", "ilike"';
  // Seen on screen: screen-reader-only text (a 1 px clipped box) does not count.
  const seen = async () => {
    const boxes = await page.getByText(message).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
    return boxes.filter(([w, h]) => w! > 2 && h! > 2).length;
  };
  await expect.poll(seen).toBe(1);
  await waitForMonaco(page, 'grader');
  await expect(page.getByTestId('editor-grader').locator('.squiggly-error').first()).toBeVisible();
});
