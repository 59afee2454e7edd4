import { expect, test } from '@playwright/test';
import { getDoc, openApp, reward, setDoc } from './helpers.ts';

// Python keeps JSON key order; JavaScript lists integer-like keys first. The rendered template must be what
// json.dumps writes, in the page, in a link and in a python grader.
const ITEM = '{"x": {"b": 1, "2": 2, "1": 3}}';

test.describe('fidelity to Python', () => {
  test('a template renders an object in its source key order, also after a share link', async ({ page, browser }) => {
    await openApp(page);
    await setDoc(page, 'grader', {
      type: 'string_check',
      name: 'order',
      input: '{{ item.x }}',
      reference: '{"b": 1, "2": 2, "1": 3}',
      operation: 'eq',
    });
    await setDoc(page, 'sample', '{"output_text": ""}');
    await setDoc(page, 'item', ITEM);
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    expect(await reward(page)).toBe(1);

    await page.getByTestId('share-button').click();
    const link = await page.getByTestId('share-link').inputValue();
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    expect(await reward(other)).toBe(1);
    expect((await getDoc(other, 'item')).replace(/\s+/g, '')).toBe('{"x":{"b":1,"2":2,"1":3}}');
    await fresh.close();
  });

  test('a python grader gets dicts in source key order', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    await setDoc(page, 'grader', {
      type: 'python',
      name: 'order',
      source: 'def grade(sample, item):\n    return 1.0 if list(item["x"]) == ["b", "2", "1"] else 0.0\n',
    });
    await setDoc(page, 'sample', '{"output_text": ""}');
    await setDoc(page, 'item', ITEM);
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    expect(await reward(page)).toBe(1);
  });

  test("ilike lower-cases with the python graders' Unicode version, not the browser's", async ({ page }) => {
    await openApp(page);
    // U+A7CE/U+A7CF became a case pair in Unicode 17; CPython 3.14 (Unicode 16) leaves both as they are.
    await setDoc(page, 'grader', { type: 'string_check', name: 'u', input: '{{ sample.output_text }}', reference: '{{ item.ref }}', operation: 'ilike' });
    await setDoc(page, 'sample', '{"output_text": "x\\uA7CE"}');
    await setDoc(page, 'item', '{"ref": "x\\uA7CF"}');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    expect(await reward(page)).toBe(0);
    await setDoc(page, 'item', '{"ref": "X\\u00C9\\u03a3"}');
    await setDoc(page, 'sample', '{"output_text": "x\\u00e9\\u03c2"}');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    expect(await reward(page)).toBe(1);
  });
});
