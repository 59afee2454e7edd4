/**
 * Python graders that use the platform (issue 14), in the browser: a grader with a SIGALRM guard, zoneinfo and
 * a ThreadPoolExecutor scores what CPython scores (across a daylight-saving change); zoneinfo works offline
 * although the time-zone database was never used online (it is precached); a grader reading sys.maxsize shows
 * the wasm32 note in its explanation.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { flags, openApp, setDoc } from './helpers.ts';

const PLATFORM_GRADER = {
  type: 'python',
  name: 'platform',
  source: readFileSync(new URL('../test/fixtures/python/platform-grader.py', import.meta.url), 'utf8'),
};
const ITEM = { zone: 'Europe/Paris', expected_hours: [12, 3] };

/** The reward once no run is in progress (NaN while one is); Python's first start can take a minute on a busy machine. */
async function settled(page: Page): Promise<number> {
  if ((await page.getByTestId('run-state').getAttribute('data-state')) === 'running') return NaN;
  return Number(await page.getByTestId('reward').getAttribute('data-value'));
}

/** Each expected reward differs from the one before it, so a stale result never passes. */
async function rewardIs(page: Page, expected: number) {
  await expect.poll(() => settled(page), { timeout: 150_000 }).toBe(expected);
}

async function scores(page: Page, stamp: string, expected: number) {
  await setDoc(page, 'sample', { output_text: stamp });
  await rewardIs(page, expected);
  await expect.poll(() => flags(page)).toEqual([]);
}

test.describe('python graders that use the platform', () => {
  test.describe.configure({ timeout: 240_000 });

  test('zoneinfo + ThreadPoolExecutor + signal.alarm score as on CPython', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'item', ITEM);
    await setDoc(page, 'sample', { output_text: '2026-01-15T10:00:00+00:00' });
    await setDoc(page, 'grader', PLATFORM_GRADER);
    // CPython 3.11 gives 0.5, 1.0, 0.0, 1.0 (Paris moves to summer time at 01:00 UTC on 2026-03-29).
    await rewardIs(page, 0.5);
    await scores(page, '2026-07-01T10:00:00+00:00', 1);
    await scores(page, '2026-03-29T00:30:00+00:00', 0);
    await scores(page, '2026-03-29T01:30:00+00:00', 1);
    await expect(page.getByTestId('explain')).toHaveAttribute('data-kind', 'python');
    // The explanation says what is emulated and what is not.
    await expect(page.locator('[data-assumption="python-threads"]')).toContainText('never fire');
    await expect(page.locator('[data-assumption="python-tzdata"]')).toContainText('tzdata 2026.4');
  });

  test('zoneinfo works offline, its database never used before going offline', async ({ page, context }) => {
    await openApp(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
    // Wait for the precache to finish: the tzdata wheel must be in it.
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).length > 0 && (await caches.match(new URL('data/tzdata-2026.4-py2.py3-none-any.whl', location.href).href, { ignoreSearch: true })) !== undefined), { timeout: 60_000 })
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('offline-badge')).toBeVisible();
    await setDoc(page, 'item', ITEM);
    await setDoc(page, 'sample', { output_text: '2026-01-15T10:00:00+00:00' });
    await setDoc(page, 'grader', PLATFORM_GRADER);
    await rewardIs(page, 0.5);
    await expect.poll(() => flags(page)).toEqual([]);
    await context.setOffline(false);
  });

  test('a grader reading sys.maxsize shows where Pyodide differs from 64-bit CPython', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', {
      type: 'python',
      name: 'word',
      source: 'import sys\n\ndef grade(sample, item):\n    return 1.0 if sys.maxsize > 2**32 else 0.25\n',
    });
    await rewardIs(page, 0.25); // 1.0 on OpenAI's 64-bit CPython
    const note = page.locator('[data-assumption="python-wasm32"]');
    await expect(note).toBeVisible();
    await expect(note).toContainText('sys.maxsize is 2**31 - 1 = 2147483647');
    await expect(note).toContainText('hash()');
    // A grader that reads none of these has no such note.
    await setDoc(page, 'grader', { type: 'python', name: 'plain', source: 'def grade(sample, item):\n    return 0.75\n' });
    await rewardIs(page, 0.75);
    await expect(page.locator('[data-assumption="python-wasm32"]')).toHaveCount(0);
    await expect(page.locator('[data-assumption="python-pyodide"]')).toContainText('32-bit WebAssembly');
  });
});
