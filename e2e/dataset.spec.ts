import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDoc, openApp, setDoc } from './helpers.ts';

const grader = { type: 'string_check', name: 'city', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'ilike' };

/** A deterministic dataset: 60 items × 4 samples, some right, some wrong, one broken line, one row without samples. */
function dataset(): string {
  const cities = ['Paris', 'Lyon', 'Rome', 'Oslo'];
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) {
    const city = cities[i % 4]!;
    const samples = [0, 1, 2, 3].map((j) => ({ output_text: j <= i % 3 ? `It is ${city.toUpperCase()}.` : `It is ${cities[(i + 1) % 4]}.` }));
    lines.push(JSON.stringify({ item: { city, id: i }, samples }));
    if (i === 10) lines.push('{"item": {"city": "x"}, "samples": [');
    if (i === 20) lines.push('{"item": {"city": "x"}}');
  }
  return lines.join('\n') + '\n';
}

async function load(page: Page, text: string, name = 'rows.jsonl') {
  await page.getByTestId('mode-dataset').click();
  await page.getByTestId('dataset-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

test('a dataset is graded in the sandbox pool, bad rows are listed, and the rewards equal the CLI', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  const text = dataset();
  await load(page, text);
  await expect(page.getByTestId('dataset-name')).toContainText('62 rows');
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('row-errors')).toContainText('line 12: invalid JSON');
  await expect(page.getByTestId('row-errors')).toContainText('line 23: the row has no "sample" or "samples" to grade');
  await expect(page.getByTestId('readiness-report')).toBeVisible();

  // The UI's export, against the CLI on the same file.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const ui = readFileSync(await (await download).path()!, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { line: number; sample_index: number; reward: number })
    .sort((a, b) => a.line - b.line || a.sample_index - b.sample_index)
    // The UI writes the 1-based line the table shows; the CLI its documented 0-based row.
    .map((r) => [r.line - 1, r.sample_index, r.reward]);
  const dir = mkdtempSync(join(tmpdir(), 'gp-ds-'));
  writeFileSync(join(dir, 'g.json'), JSON.stringify(grader));
  writeFileSync(join(dir, 'rows.jsonl'), text);
  const cli = spawnSync(process.execPath, ['bin/grader-playground.js', 'run', '--grader', join(dir, 'g.json'), '--data', join(dir, 'rows.jsonl'), '--no-explain'], { encoding: 'utf8' });
  expect(cli.status).toBe(0);
  const fromCli = cli.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { row: number; sample_index: number; result: { reward: number } })
    .map((r) => [r.row, r.sample_index, r.result.reward]);
  expect(ui).toHaveLength(240);
  expect(ui).toEqual(fromCli);
});

test('sort, filter, open a row in the editors, and read the report', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  await load(page, dataset());
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('report-mean')).toHaveText('0.5000');
  await expect(page.getByTestId('report-no-signal')).not.toHaveText('—');

  await page.getByTestId('dataset-sort').selectOption('reward-desc');
  await expect(page.getByTestId('result-row').first()).toHaveAttribute('data-reward', '1');
  await page.getByTestId('dataset-sort').selectOption('reward-asc');
  await expect(page.getByTestId('result-row').first()).toHaveAttribute('data-reward', '0');
  await page.getByTestId('dataset-pass-filter').selectOption('pass');
  await expect(page.getByTestId('results-table')).toHaveAttribute('data-count', '120');

  const row = page.getByTestId('result-row').first();
  const line = Number(await row.getAttribute('data-row'));
  await row.click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
  expect(JSON.parse(await getDoc(page, 'item')).id).toBe(line >= 23 ? line - 2 : line >= 12 ? line - 1 : line);
});

test('probes flag a grader that rewards padding and hedging', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  await load(page, dataset());
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done');
  await page.getByTestId('probes-run').click();
  await expect(page.getByTestId('probes-summary')).toBeVisible();
  await expect(page.getByTestId('probe-warnings')).toContainText('padding');

  // An exact-match grader does not fall for them.
  await page.getByTestId('mode-playground').click();
  await setDoc(page, 'grader', { ...grader, input: '{{ sample.output_text }}', reference: 'It is {{ item.city }}.', operation: 'eq' });
  await page.getByTestId('mode-dataset').click();
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done');
  await page.getByTestId('probes-run').click();
  await expect(page.getByTestId('probes-ok')).toBeVisible();
});

test('cancel stops a long run and keeps what was graded', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', { type: 'python', name: 'slow', source: 'import time\n\ndef grade(sample, item):\n    time.sleep(0.05)\n    return 1.0\n' });
  const rows = Array.from({ length: 400 }, (_, i) => JSON.stringify({ item: { i }, sample: { output_text: 'x' } })).join('\n');
  await load(page, rows);
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-progress')).toContainText(/[1-9]\d* \/ 400 rows/, { timeout: 60_000 });
  await page.getByTestId('dataset-cancel').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'cancelled');
  const count = Number(await page.getByTestId('results-table').getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(400);
});

test('a line that runs past its limit is counted as an error and the rest still run', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await setDoc(page, 'grader', {
    type: 'python',
    name: 'hangs on one',
    source: 'def grade(sample, item):\n    while item["i"] == 3:\n        pass\n    return 1.0\n',
  });
  const rows = Array.from({ length: 8 }, (_, i) => JSON.stringify({ item: { i }, sample: { output_text: 'x' } })).join('\n');
  await load(page, rows);
  // 10 s, not less: a fresh worker's first python line also pays Pyodide's first-call warm-up (lazy wasm compiles),
  // which on a busy 2-core machine took over 3 s and was counted as that line's time (a CI rehearsal, NOTES).
  await page.locator('label', { hasText: 'line time limit' }).locator('input').fill('10');
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await page.getByTestId('dataset-flag-filter').selectOption('__errors');
  // Each error row with its message: were another line counted as an error, the failure says which and why.
  const errorRows = () => page.getByTestId('result-row').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-row')}: ${e.textContent}`));
  await expect.poll(errorRows).toEqual([expect.stringMatching(/^3: .*did not finish within 10 s/)]);
  await expect(page.getByTestId('results-table')).toHaveAttribute('data-count', '1');
  await page.getByTestId('dataset-flag-filter').selectOption('');
  await expect(page.getByTestId('results-table')).toHaveAttribute('data-count', '8');
});

test('pasted rows and an empty file get clear messages', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-dataset').click();
  await page.getByTestId('dataset-file').setInputFiles({ name: 'empty.jsonl', mimeType: 'text/plain', buffer: Buffer.from('\n\n') });
  await expect(page.getByTestId('dataset-message')).toContainText('no rows');
  await page.getByText('or paste rows').click();
  await page.getByTestId('dataset-paste').fill('{"item": {"city": "Paris"}, "sample": {"output_text": "Paris"}}');
  await page.getByRole('button', { name: 'Use these rows' }).click();
  await expect(page.getByTestId('dataset-name')).toContainText('1 rows');
});

test('samples from a second file join by an id key, and human scores give the agreement', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  const rows = ['{"id": "q1", "messages": [], "city": "Paris"}', '{"id": "q2", "messages": [], "city": "Rome"}'].join('\n');
  const samples = [
    '{"id": "q2", "samples": [{"output_text": "Rome", "human_score": 1}, {"output_text": "Oslo", "human_score": 0}]}',
    '{"id": "q1", "samples": [{"output_text": "paris!", "human_score": 0.9}, {"output_text": "Lyon", "human_score": 0.2}]}',
  ].join('\n');
  await load(page, rows, 'train.jsonl');
  await page.getByText('Samples in a second file?').click();
  await page.getByLabel('Join samples by').selectOption('key');
  await page.getByTestId('samples-file').setInputFiles({ name: 'samples.jsonl', mimeType: 'text/plain', buffer: Buffer.from(samples) });
  await expect(page.getByTestId('join-message')).toContainText('joined to 2 rows');
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('results-table')).toHaveAttribute('data-count', '4');
  await expect(page.getByTestId('human-agreement')).toContainText('4 samples');
  await expect(page.getByTestId('human-agreement')).toContainText('mean absolute error 0.075');
});
