import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getDoc, openApp, setDoc } from './helpers.ts';

const grader = { type: 'text_similarity', name: 'close to the city', input: '{{ sample.output_text }}', reference: 'It is {{ item.city }}', evaluation_metric: 'rouge_l' };

/** 40 good lines and one broken line (line 6): 41 lines read, 1 skipped. */
function rows(): string {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    lines.push(JSON.stringify({ item: { city: 'Paris', id: i }, samples: [{ output_text: i % 2 ? 'Paris' : `The capital is Paris, number ${i}` }] }));
    if (i === 4) lines.push('{"item": ');
  }
  return lines.join('\n');
}

async function gradeRows(page: Page) {
  await page.getByTestId('mode-dataset').click();
  await page.getByTestId('dataset-file').setInputFiles({ name: 'cities.jsonl', mimeType: 'text/plain', buffer: Buffer.from(rows()) });
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done');
}

test('the dataset view names its grader, counts skipped lines, shows texts and rounded rewards, and has chart axes', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  await gradeRows(page);
  await expect(page.getByTestId('dataset-grader')).toContainText('Graded with “close to the city” (text_similarity)');
  await expect(page.getByTestId('dataset-progress')).toContainText('41 / 41 rows read: 40 graded, 1 skipped');

  const first = page.getByTestId('result-row').first();
  await expect(first.getByTestId('row-text')).toHaveText('The capital is Paris, number 0');
  const reward = first.getByTestId('row-reward');
  const full = await reward.getAttribute('title');
  expect(Number(full)).toBeGreaterThan(0);
  expect(Number(full)).toBeLessThan(1);
  expect(full!.length).toBeGreaterThan(8); // an unrounded float
  expect(await reward.textContent()).toBe(`${Number(Number(full).toFixed(4))}…`);
  expect(await first.getAttribute('data-reward')).toBe(full);

  // Axes: tick labels on both axes of every chart.
  for (const id of ['histogram', 'pass-curve', 'item-spread']) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('svg g[data-mark="y-axis tick label"] text').first()).toBeVisible();
  }
  await expect(page.getByTestId('histogram').locator('svg g[data-mark="x-axis tick label"] text')).not.toHaveCount(0);
  await expect(page.getByTestId('histogram').locator('svg')).toContainText('reward');

  // Editing the grader afterwards says the rewards are from the old one.
  await page.getByTestId('mode-playground').click();
  await setDoc(page, 'grader', { ...grader, name: 'changed' });
  await page.getByTestId('mode-dataset').click();
  await expect(page.getByTestId('dataset-grader-changed')).toBeVisible();
});

test('exports have a 1-based line column and the texts, probes included', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  await gradeRows(page);
  await page.getByTestId('probes-run').click();
  await expect(page.getByTestId('probes-summary')).toBeVisible();
  await page.getByTestId('probe-table').locator('summary').click();
  const empty = page.getByTestId('probe-row').and(page.locator('[data-probe="padded-reference"]')).first();
  await expect(empty).toContainText('Paris');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const lines = readFileSync((await (await download).path())!, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { line: number; row?: number; text: string; probe?: string });
  const real = lines.filter((l) => l.probe === undefined);
  expect(real).toHaveLength(40);
  expect(real[0]).toMatchObject({ line: 1, text: 'The capital is Paris, number 0' });
  // The broken line is line 6 of the file, so the 6th row is on line 7, as the table shows it.
  expect(real[5]).toMatchObject({ line: 7, text: 'Paris' });
  expect(real.every((l) => l.row === undefined)).toBe(true);
  const probes = lines.filter((l) => l.probe !== undefined);
  expect(probes.length).toBeGreaterThan(0);
  expect(probes.find((p) => p.probe === 'empty')?.text).toBe('');
  expect(probes.find((p) => p.probe === 'padded-reference')?.text).toMatch(/^Paris/);

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('line,sample_index,item_key,reward,errors,label,probe,advantage,text');
  expect(csv.split('\r\n')[1]).toMatch(/^1,0,0,[\d.]+,,,,[-+\d.e]*,"The capital is Paris, number 0"$/);
});

test('opening a row keeps your own sample and item, and one click brings them back (also after a reload)', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  await setDoc(page, 'sample', { output_text: 'my own answer' });
  await setDoc(page, 'item', { city: 'Lyon', mine: true });
  await gradeRows(page);
  await page.getByTestId('result-row').nth(3).click();
  await expect(page.getByTestId('opened-row')).toContainText('line 4, sample 0');
  expect(JSON.parse(await getDoc(page, 'item')).id).toBe(3);

  // The next row replaces the shown one; the stash stays the user's.
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('opened-row')).toContainText('line 5, sample 0');
  await page.waitForTimeout(700); // the workspace's own autosave
  await page.reload();
  await expect(page.getByTestId('opened-row')).toBeVisible();
  await page.getByTestId('back-to-sample').click();
  await expect(page.getByTestId('opened-row')).toHaveCount(0);
  expect(JSON.parse(await getDoc(page, 'sample'))).toEqual({ output_text: 'my own answer' });
  expect(JSON.parse(await getDoc(page, 'item'))).toEqual({ city: 'Lyon', mine: true });
});

test('the OpenAI export warns about output_json only when the grader reads it', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', { type: 'string_check', name: 'exact', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'eq' });
  await setDoc(page, 'sample', { output_text: 'Paris', output_json: { city: 'Paris' } });
  await setDoc(page, 'item', { city: 'Paris' });
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-code')).toBeVisible();
  await expect(page.getByTestId('export-warnings').filter({ hasText: 'output_json' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await setDoc(page, 'grader', { type: 'string_check', name: 'exact', input: '{{ sample.output_json.city }}', reference: '{{ item.city }}', operation: 'eq' });
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-warnings')).toContainText('OpenAI fills output_json only by parsing model_sample');
});
