import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDoc, openApp, reward, setDoc } from './helpers.ts';

const grader = {
  type: 'string_check',
  name: 'capital',
  input: '{{ sample.output_text }}',
  reference: '{{ item.city }}',
  operation: 'ilike',
};

test.describe('share links', () => {
  test('a shared link opens in a fresh browser with the same documents, settings and reward', async ({ page, browser }) => {
    await openApp(page);
    await setDoc(page, 'grader', grader);
    await setDoc(page, 'sample', '{"output_text": "I think it is PARIS.", "score": 1.0}');
    await setDoc(page, 'item', { city: 'paris' });
    await page.getByTestId('workspace-title').fill('Capital check');
    await page.getByTestId('settings-button').click();
    await page.getByTestId('setting-compactJson').check();
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');

    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.getByTestId('share-popover')).toBeVisible();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
    expect(page.url()).toBe(link);
    expect(Number(await page.getByTestId('share-length').textContent())).toBe(link.length);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByTestId('link-banner')).toBeVisible();
    await expect(other.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    expect(await reward(other)).toBe(1);
    expect(JSON.parse(await getDoc(other, 'grader'))).toEqual(grader);
    expect(await getDoc(other, 'sample')).toContain('"score": 1.0');
    await expect(other.getByTestId('workspace-title')).toHaveValue('Capital check');
    await other.getByTestId('settings-button').click();
    await expect(other.getByTestId('setting-compactJson')).toBeChecked();
    await fresh.close();
  });

  for (const [name, hash, expected] of [
    ['truncated', null, /cut short|truncated|incomplete/i],
    ['future version', '#v2.AAAA', /newer version/i],
    ['malformed', '#v1.!!!not-base64!!!', /could not be opened/i],
  ] as const) {
    test(`a ${name} link gives a clear message and loads nothing over the current work`, async ({ page }) => {
      await openApp(page);
      await setDoc(page, 'sample', '{"output_text": "my unsaved work"}');
      let target = hash as string | null;
      if (target === null) {
        await page.getByTestId('share-button').click();
        const link = await page.getByTestId('share-link').inputValue();
        target = link.slice(link.indexOf('#'), -12);
      }
      await page.waitForTimeout(500);
      await page.evaluate((h) => (location.hash = h), target);
      await expect(page.getByTestId('link-error')).toContainText(expected);
      await expect(page.getByTestId('link-error')).toContainText('Your current work is unchanged');
      expect(await getDoc(page, 'sample')).toBe('{"output_text": "my unsaved work"}');
    });
  }

  test('#url= loads a workspace hosted elsewhere, and says so when it cannot', async ({ page }) => {
    const server = createServer((req, res) => {
      if (req.url === '/workspace.json') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end(JSON.stringify({ grader, sample: { output_text: 'paris' }, item: { city: 'Paris' }, title: 'Hosted' }));
      } else res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end('nope');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      await openApp(page, `/#url=http://localhost:${port}/workspace.json`);
      await expect(page.getByTestId('workspace-title')).toHaveValue('Hosted');
      await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
      await page.evaluate((p) => (location.hash = `#url=http://localhost:${p}/missing.json`), port);
      await expect(page.getByTestId('link-error')).toContainText('404');
    } finally {
      server.close();
    }
  });

  test('a link over 8 KB warns and offers the workspace as a file', async ({ page }) => {
    await openApp(page);
    // Pseudo-random text does not compress, so the link stays long.
    let x = 12345;
    const noise = Array.from({ length: 12000 }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(48 + (x % 75));
    }).join('');
    await setDoc(page, 'item', { city: 'Paris', notes: noise });
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-long')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByTestId('share-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.json$/);
  });
});

test.describe('workspaces', () => {
  test('new, rename, duplicate, open, and delete with undo', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('workspace-title').fill('First');
    await setDoc(page, 'sample', '{"output_text": "first sample"}');
    await page.getByTestId('workspaces-button').click();
    await page.getByTestId('ws-new').click();
    await expect(page.getByTestId('workspace-title')).toHaveValue('Untitled grader');
    await page.getByTestId('workspace-title').fill('Second');
    await page.getByTestId('ws-duplicate').click();
    await expect(page.getByTestId('workspace-title')).toHaveValue('Second (copy)');
    await expect(page.getByTestId('ws-open')).toHaveCount(3);

    await page.getByTestId('ws-open').filter({ hasText: 'First' }).click();
    await expect(page.getByTestId('workspace-title')).toHaveValue('First');
    expect(await getDoc(page, 'sample')).toBe('{"output_text": "first sample"}');

    await page.getByTestId('ws-open').filter({ hasText: 'Second (copy)' }).locator('..').getByTestId('ws-delete').click();
    await expect(page.getByTestId('ws-open')).toHaveCount(2);
    await page.getByTestId('ws-undo').click();
    await expect(page.getByTestId('ws-open')).toHaveCount(3);
  });

  test('work is saved within a second and restored after a reload', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('workspace-title').fill('Persisted');
    await setDoc(page, 'item', '{"reference_answer": "Paris", "n": 1.0}');
    await page.waitForTimeout(1000);
    await page.reload();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('workspace-title')).toHaveValue('Persisted');
    expect(await getDoc(page, 'item')).toBe('{"reference_answer": "Paris", "n": 1.0}');
  });
});

test.describe('export and import', () => {
  test('export shows the run request and curl for the real API, and importing it gives back the grader', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', { ...grader, pass_threshold: 1 });
    await page.getByTestId('export-button').click();
    await expect(page.getByTestId('export-code')).toContainText('curl');
    await expect(page.getByTestId('export-code')).toContainText('/v1/fine_tuning/alpha/graders/run');
    await expect(page.getByTestId('export-code')).toContainText('$OPENAI_API_KEY');
    await expect(page.getByTestId('export-warnings')).toContainText('pass_threshold');
    for (const view of ['runBody', 'validateCurl', 'python', 'node', 'fineTuningJob']) {
      await page.getByTestId(`export-view-${view}`).click();
      await expect(page.getByTestId('export-code')).not.toBeEmpty();
    }
    await page.getByTestId('export-view-runCurl').click();
    const curl = await page.getByTestId('export-code').textContent();

    await page.getByTestId('import-tab').click();
    await page.getByTestId('import-text').fill(curl!);
    await page.getByTestId('import-button').click();
    await expect(page.getByTestId('import-message')).toContainText('Imported');
    expect(JSON.parse(await getDoc(page, 'grader'))).toEqual(grader);

    await page.getByTestId('import-text').fill('this is not a grader');
    await page.getByTestId('import-button').click();
    await expect(page.getByTestId('import-message')).toContainText('Paste a grader JSON');
  });

  test('a fine-tuning job and a workspace file import too', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('export-button').click();
    await page.getByTestId('import-tab').click();
    const job = { model: 'o4-mini-2025-04-16', training_file: 'file-x', method: { type: 'reinforcement', reinforcement: { grader } } };
    await page.getByTestId('import-text').fill(JSON.stringify(job));
    await page.getByTestId('import-button').click();
    await expect(page.getByTestId('import-message')).toContainText('fine tuning job');
    expect(JSON.parse(await getDoc(page, 'grader'))).toEqual(grader);

    const file = JSON.stringify({ grader_playground: 1, title: 'From file', notes: '', grader, sample: { output_text: 'x' }, item: { city: 'x' } });
    await page.getByTestId('import-file').setInputFiles({ name: 'w.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByTestId('workspace-title')).toHaveValue('From file');
  });
});
