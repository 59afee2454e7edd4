import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDoc, setDoc } from './helpers.ts';

/** A fake OpenAI-compatible judge (CORS) that records the prompts it is sent and gives every answer 0.5. */
async function fakeJudge() {
  const prompts: string[] = [];
  const server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Allow-Methods': 'POST' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      prompts.push(JSON.stringify((JSON.parse(raw) as { messages?: unknown }).messages));
      const content = '{"result": 0.5, "steps": [{"description": "half", "conclusion": "half"}]}';
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(
        JSON.stringify({ id: 'x', object: 'chat.completion', model: 'judge', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, prompts, close: () => server.close() };
}

/** As helpers' openApp, with room for a loaded machine (the first worker can take long to start). */
async function openApp(page: import('@playwright/test').Page) {
  await page.goto('/');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 60_000 });
}

const grader = {
  type: 'string_check',
  name: 'capital',
  input: '{{ sample.output_text }}',
  reference: '{{ item.city }}',
  operation: 'eq',
  pass_threshold: 1,
};

test.describe('tests for a grader', () => {
  test.setTimeout(180_000);
  test('cases added from the sample re-check on every grader edit, open in the editors, and travel in a link', async ({ page, browser }) => {
    await openApp(page);
    await setDoc(page, 'grader', grader);
    await setDoc(page, 'item', { city: 'Paris' });
    await setDoc(page, 'sample', { output_text: 'Paris' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    const summary = page.getByTestId('tests-summary');
    await expect(summary).toHaveText('no tests');

    // One click pins the current sample at the reward it gets now.
    await page.getByTestId('test-name').fill('right answer');
    await page.getByTestId('test-add').click();
    await expect(summary).toHaveText('1/1 tests pass');

    await setDoc(page, 'sample', { output_text: 'Lyon' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    await page.getByTestId('test-name').fill('wrong city');
    await page.getByTestId('test-kind').selectOption('fails');
    await page.getByTestId('test-add').click();
    await expect(summary).toHaveText('2/2 tests pass');
    await expect(page.getByTestId('test-case')).toHaveCount(2);

    // Break the grader: the verdicts follow the edit.
    await setDoc(page, 'grader', { ...grader, operation: 'ne' });
    await expect(summary).toHaveText('0/2 tests pass');
    const first = page.getByTestId('test-case').first();
    await expect(first).toHaveAttribute('data-verdict', 'fail');
    await expect(first.getByTestId('test-reason')).toHaveText('expected reward 1, got reward 0');

    // Half-fix it: 1 of 2.
    await setDoc(page, 'grader', { ...grader, operation: 'like' });
    await expect(summary).toHaveText('2/2 tests pass');
    await setDoc(page, 'grader', { ...grader, reference: 'Lyon' });
    await expect(summary).toHaveText('0/2 tests pass');
    await setDoc(page, 'grader', grader);
    await expect(summary).toHaveText('2/2 tests pass');

    // The failing case is one click away in the editors.
    await page.getByTestId('test-open').first().click();
    expect(JSON.parse(await getDoc(page, 'sample'))).toEqual({ output_text: 'Paris' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');

    // Kept across a reload (IndexedDB), and carried by a share link.
    await page.reload();
    await expect(page.getByTestId('tests-summary')).toHaveText('2/2 tests pass');
    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.getByTestId('share-link')).toHaveValue(/#v1\.[A-Za-z0-9_-]+$/);
    const link = await page.getByTestId('share-link').inputValue();
    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    // A linked workspace runs in workers of its own, started now: room for a loaded machine.
    await expect(other.getByTestId('tests-summary')).toHaveText('2/2 tests pass', { timeout: 60_000 });
    await expect(other.getByTestId('test-case')).toHaveText([/right answer/, /wrong city/]);

    // Removing a case.
    await page.getByTestId('test-remove').last().click();
    await expect(summary).toHaveText('1/1 tests pass');
  });

  test('a case whose expectation fails names the reason; "below" compares two cases', async ({ page }) => {
    await openApp(page);
    await setDoc(page, 'grader', { type: 'text_similarity', name: 'sim', input: '{{ sample.output_text }}', reference: '{{ item.city }}', evaluation_metric: 'fuzzy_match' });
    await setDoc(page, 'item', { city: 'Paris' });
    await setDoc(page, 'sample', { output_text: 'Paris' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await page.getByTestId('test-name').fill('good');
    await page.getByTestId('test-add').click();
    await setDoc(page, 'sample', { output_text: 'Pari' });
    await expect(page.getByTestId('reward')).not.toHaveAttribute('data-value', '1');
    await page.getByTestId('test-name').fill('typo');
    await page.getByTestId('test-kind').selectOption('below');
    await page.getByLabel('Case it must score below').selectOption('good');
    await page.getByTestId('test-add').click();
    await expect(page.getByTestId('tests-summary')).toHaveText('2/2 tests pass');
    // A grader that cannot tell them apart fails "below".
    await setDoc(page, 'grader', { type: 'string_check', name: 'any', input: 'x', reference: 'x', operation: 'eq' });
    await expect(page.getByTestId('tests-summary')).toHaveText('1/2 tests pass');
    await expect(page.getByTestId('test-reason')).toHaveText('expected scores below "good", got reward 1 vs 1');
  });

  test("a probe's finding becomes a test case in one click, failing until the grader is fixed", async ({ page }) => {
    await openApp(page);
    // "like" (contains) is fooled by the reference followed by padding.
    await setDoc(page, 'grader', { ...grader, operation: 'like' });
    const cities = ['Paris', 'Rome', 'Oslo'];
    const rows = cities.map((city) => JSON.stringify({ item: { city }, samples: [{ output_text: city }, { output_text: 'Nowhere' }] }));
    await page.getByTestId('mode-dataset').click();
    await page.getByTestId('dataset-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'text/plain', buffer: Buffer.from(rows.join('\n') + '\n') });
    await page.getByTestId('dataset-run').click();
    await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await page.getByTestId('probes-run').click();
    await expect(page.getByTestId('probes-summary')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('probe-table').locator('summary').click();
    const padded = page.locator('[data-testid="probe-row"][data-probe="padded-reference"]').first();
    await expect(padded).toHaveClass(/danger/);
    await padded.getByTestId('probe-add-test').click();
    await expect(padded.getByTestId('probe-test-added')).toBeVisible();
    await expect(page.getByTestId('probe-test-message')).toContainText('stays below the threshold');

    // In the playground the case fails while the grader is fooled; its sample is the probe's own.
    await page.getByTestId('mode-playground').click();
    const summary = page.getByTestId('tests-summary');
    await expect(summary).toHaveText('0/1 tests pass', { timeout: 60_000 });
    await expect(page.getByTestId('test-case')).toHaveText(/probe: padded-reference, line 1/);
    await page.getByTestId('test-open').click();
    const opened = JSON.parse(await getDoc(page, 'sample')) as { output_text: string };
    expect(opened.output_text.startsWith('Paris\n\n')).toBe(true);
    expect(JSON.parse(await getDoc(page, 'item'))).toEqual({ city: 'Paris' });
    // Fixed grader: the case passes.
    await setDoc(page, 'grader', grader);
    await expect(summary).toHaveText('1/1 tests pass');
  });

  test('model-graded cases cost calls only when asked, or once after a pause when opted in, and never for a link without consent', async ({ page }) => {
    const judge = await fakeJudge();
    const caseCalls = () => judge.prompts.filter((p) => p.includes('case answer')).length;
    const judgeGrader = (system: string) => ({
      type: 'score_model',
      name: 'judge',
      model: 'judge',
      input: [{ role: 'system', content: system }, { role: 'user', content: 'Reference: {{ item.city }}\nAnswer: {{ sample.output_text }}' }],
      range: [0, 1],
    });
    try {
      await openApp(page);
      await page.getByTestId('settings-button').click();
      await page.getByTestId('endpoint-url').fill(judge.url);
      await page.getByTestId('endpoint-key').fill('sk-test');
      await page.getByTestId('settings-button').click();
      await setDoc(page, 'item', { city: 'Paris' });
      await setDoc(page, 'sample', { output_text: 'case answer' });
      await setDoc(page, 'grader', judgeGrader('Grade it.'));
      await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
      await page.getByTestId('test-name').fill('judged');
      await page.getByTestId('test-add').click();
      // The live run goes on with another sample; the case's own calls carry "case answer".
      await setDoc(page, 'sample', { output_text: 'live answer' });
      const summary = page.getByTestId('tests-summary');
      await expect(summary).toHaveText('not checked');
      await expect(page.getByTestId('tests-model')).toContainText('a check costs 1 model call');
      const before = caseCalls();
      for (const system of ['Grade it!', 'Grade it well.', 'Grade it.']) {
        await setDoc(page, 'grader', judgeGrader(system));
        await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
      }
      await page.waitForTimeout(500);
      expect(caseCalls()).toBe(before);

      // Asked: one call, and the verdict.
      await page.getByTestId('tests-model-check').click();
      await expect(summary).toHaveText('1/1 tests pass');
      expect(caseCalls()).toBe(before + 1);
      // An edit leaves the verdict marked as from before it, and calls nothing.
      await setDoc(page, 'grader', judgeGrader('Grade it, again.'));
      await expect(summary).toHaveText('1/1 tests pass (before the last edit)');
      await page.waitForTimeout(500);
      expect(caseCalls()).toBe(before + 1);

      // Opted in: a burst of edits is re-checked once, after the pause.
      await page.getByTestId('tests-model-auto').check();
      for (const system of ['A', 'AB', 'ABC', 'ABCD']) await setDoc(page, 'grader', judgeGrader(system));
      await expect(summary).toHaveText('1/1 tests pass', { timeout: 15_000 });
      await page.waitForTimeout(2500);
      expect(caseCalls()).toBe(before + 2);

      // A colleague's link (made elsewhere) with such a case, in the same tab (the endpoint is still set): not
      // allowed to call the endpoint, so its cases are not checked.
      const { encodeShare } = await import('../src/share/codec.ts');
      const theirs = await encodeShare({
        grader: JSON.stringify(judgeGrader('Grade it.')),
        sample: '{"output_text": "live answer"}',
        item: '{"city": "Paris"}',
        tests: [{ name: 'theirs', sample: '{"output_text": "case answer"}', expect: { kind: 'exact', reward: 0.5 } }],
      });
      if (!theirs.ok) throw new Error(theirs.error.message);
      await page.goto('about:blank');
      await page.goto(`/#${theirs.fragment}`);
      await expect(page.getByTestId('link-banner')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('tests-model')).toContainText('once this workspace may call your endpoint');
      await expect(page.getByTestId('tests-summary')).toHaveText('not checked');
      await page.waitForTimeout(2500);
      expect(caseCalls()).toBe(before + 2);
    } finally {
      judge.close();
    }
  });
});
