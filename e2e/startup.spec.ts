/**
 * Start-up order (issue 16): the first score comes before the code editor (Monaco) loads, text typed into the
 * plain editor before Monaco arrives is kept (the caret moves into Monaco), and Python starts ahead of need
 * once the page has settled.
 */
import { expect, test } from '@playwright/test';
import { getDoc, openApp, reward, setDoc, waitForMonaco } from './helpers.ts';

test('the first score is shown before the code editor starts loading, and the editor loads after it', async ({ page }) => {
  // Recorded in the page at the moment the first result appears.
  await page.addInitScript(() => {
    const w = window as unknown as { __atFirstResult?: { monacoRequested: boolean; editorReady: boolean } };
    new MutationObserver((_, obs) => {
      const state = document.querySelector('[data-testid="run-state"]')?.getAttribute('data-state');
      if (state !== 'done' && state !== 'error') return;
      obs.disconnect();
      w.__atFirstResult = {
        monacoRequested: performance.getEntriesByType('resource').some((r) => /editor\.api|\/monaco-/.test(r.name)),
        editorReady: document.querySelector('[data-testid="editor-grader"]')?.getAttribute('data-ready') === 'true',
      };
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await openApp(page);
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', /^[0-9.]+$/);
  const atFirst = await page.evaluate(() => (window as unknown as { __atFirstResult?: unknown }).__atFirstResult);
  expect(atFirst).toEqual({ monacoRequested: false, editorReady: false });
  await waitForMonaco(page, 'grader');
  await waitForMonaco(page, 'sample');
});

test('text typed before the code editor arrives is kept, and typing goes on in it', async ({ page }) => {
  // Hold Monaco back until the test lets it go, to type into the plain editor first and during the swap.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/editor\.api-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await openApp(page);
  await setDoc(page, 'sample', '{"output_text": "X"}');
  const box = page.getByTestId('editor-sample').locator('textarea');
  await expect(box).toBeVisible();
  await box.focus();
  // The caret after the X (letters only from here: Monaco would auto-close a typed quote or bracket).
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(18, 18));
  await page.keyboard.type('abc');
  expect(await getDoc(page, 'sample')).toBe('{"output_text": "Xabc"}');
  // Keep typing while Monaco loads and takes the textarea's place.
  const typing = page.keyboard.type('defghijklmnopqrstuvwxyz'.repeat(3), { delay: 40 });
  await page.waitForTimeout(200);
  release();
  await typing;
  await waitForMonaco(page, 'sample');
  const typed = 'abc' + 'defghijklmnopqrstuvwxyz'.repeat(3);
  await expect.poll(() => getDoc(page, 'sample')).toBe(`{"output_text": "X${typed}"}`);
  // The focus moved into Monaco with the caret where it was: the next keys land there too.
  await page.keyboard.type('Z');
  await expect.poll(() => getDoc(page, 'sample')).toBe(`{"output_text": "X${typed}Z"}`);
  await expect(page.getByTestId('editor-sample').locator('.monaco-editor')).toBeVisible();
  await reward(page);
});
