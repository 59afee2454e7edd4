import { expect, test } from '@playwright/test';
import { openApp, setDoc } from './helpers.ts';

// Issue 12: a dataset whose rows all fail with a 1 MB message completes, keeps every result, and the page keeps
// only a capped head of each message (bench/dataset-heap.ts runs the 100,000-row case and reports the heap).
// Here 250 rows: were the messages kept whole, they alone would be 250 MB of heap.
test.use({ trace: 'off' });

test('rows that all fail with 1 MB messages complete, keep their results, and keep the heap small', async ({ page }) => {
  test.setTimeout(300_000);
  const ROWS = 250;
  await openApp(page);
  await setDoc(page, 'grader', { type: 'python', name: 'raises', source: 'def grade(sample, item):\n    raise ValueError("x" * 1_000_000)\n' });
  await page.getByTestId('mode-dataset').click();
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const jsonl = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => JSON.stringify({ item: { id: i }, sample: { output_text: `answer ${i}` } })).join('\n'));
  const run = async (n: number) => {
    await page.getByTestId('dataset-file').setInputFiles({ name: `fails-${n}.jsonl`, mimeType: 'text/plain', buffer: jsonl(n) });
    await page.getByTestId('dataset-run').click();
    await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done', { timeout: 280_000 });
    await expect(page.getByTestId('results-table')).toHaveAttribute('data-count', String(n));
  };
  // A first, small run loads whatever code and views a run needs once (on a slow machine some of it is still
  // loading when the page first shows a score), so the heap compared below differs only by rows kept.
  const WARM = 25;
  await run(WARM);
  const warm = await heap();
  await run(ROWS);

  // Every result is kept, each with its error flag and the head of its message.
  await expect(page.getByTestId('dataset-flag-filter').locator('option', { hasText: 'python_grader_runtime_error' })).toHaveText(`python_grader_runtime_error (${ROWS})`);
  const first = page.getByTestId('result-row').first();
  await expect(first).toContainText('ValueError');
  await expect(first).toContainText(/[\d,]+ more characters: open the row to see all/);
  const shown = (await first.locator('[role="gridcell"]').last().textContent()) ?? '';
  expect(shown.length).toBeLessThan(2000);

  // The heap grew by a few KB per row, not by the messages (1 MB each).
  const perRow = ((await heap()) - warm) / (ROWS - WARM);
  test.info().annotations.push({ type: 'heap per row (bytes, after GC)', description: String(Math.round(perRow)) });
  expect(perRow).toBeLessThan(20_000);

  // Opening a row runs it in the editors, where the whole message is available (capped on screen).
  await first.click();
  await expect(page.getByTestId('error-details-more')).toBeVisible({ timeout: 60_000 });
  const more = Number(await page.getByTestId('error-details-more').getAttribute('data-more'));
  expect(more).toBeGreaterThan(900_000);
});
