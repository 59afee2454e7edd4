/**
 * The dry run against a fake OpenAI-compatible server started here (never a real service): estimate and consent
 * before any request, sampling with a 429 and a malformed reply, grading as rows complete, the GO / NO-GO verdict
 * with an adjustable threshold, export and the Dataset view, cancel + reload + resume, and import of a TRL log.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chatCompletion, startFakeOpenAI, type FakeHandler, type FakeServer } from '../src/cli/fake-openai.ts';
import { setDoc } from './helpers.ts';

/** openApp with a longer wait: the first run can take long on a loaded machine. */
async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 60_000 });
}

// Sampling, grading on the pool and a reload: several steps that each take seconds on a loaded 2-core machine.
test.describe.configure({ timeout: 240_000 });

const grader = { type: 'string_check', name: 'exact', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' };
const rows = [
  { messages: [{ role: 'user', content: 'Capital of France?' }], answer: 'Paris' },
  { messages: [{ role: 'user', content: 'Capital of Norway?' }], answer: 'Oslo' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const question = (body: unknown) => (body as { messages: { content: string }[] }).messages[0]!.content;

async function setUp(page: Page, handler: FakeHandler): Promise<FakeServer> {
  const server = await startFakeOpenAI(handler, { cors: true });
  await openApp(page);
  await setDoc(page, 'grader', grader);
  await page.getByTestId('settings-button').click();
  await page.getByTestId('endpoint-url').fill(server.url);
  await page.getByTestId('endpoint-key').fill('sk-dry-run-secret');
  await page.getByTestId('mode-dryrun').click();
  return server;
}

async function loadRows(page: Page) {
  await page.getByTestId('dryrun-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(rows) });
  await expect(page.getByTestId('dryrun-rows')).toContainText('2 rows');
  await page.getByTestId('dryrun-model').fill('base-model');
  await page.getByTestId('dryrun-k').fill('4');
}

test('estimate, consent, sampling with retries, grading as rows complete, verdict, export', async ({ page }) => {
  let france = 0;
  let first = true;
  const server = await setUp(page, (req) => {
    if (first) {
      first = false;
      return { status: 429, headers: { 'retry-after': '0' }, json: { error: { message: 'rate limited' } } };
    }
    // France: right half the time (spread); Norway: always right (zero spread), one malformed reply.
    if (question(req.body).includes('France')) return { json: chatCompletion(france++ % 2 === 0 ? 'Paris' : 'Lyon') };
    return { json: chatCompletion('Oslo') };
  });
  try {
    await loadRows(page);
    await page.getByTestId('dryrun-price-in').fill('1');
    await page.getByTestId('dryrun-price-out').fill('2');
    await expect(page.getByTestId('dryrun-requests')).toHaveAttribute('data-value', '8');
    await expect(page.getByTestId('dryrun-estimate')).toContainText('at most $0.02');
    // Nothing is sent before the user agrees.
    await expect(page.getByTestId('dryrun-start')).toBeDisabled();
    expect(server.requests).toHaveLength(0);
    await page.getByTestId('dryrun-consent').check();
    await page.getByTestId('dryrun-start').click();

    const progress = page.getByTestId('dryrun-progress');
    await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(progress).toHaveAttribute('data-sampled', '8');
    await expect(progress).toHaveAttribute('data-graded', '8');
    expect(server.requests).toHaveLength(9); // one 429, then 8
    expect(server.requests[1]!.headers.authorization).toBe('Bearer sk-dry-run-secret');
    expect(server.requests[1]!.body).toMatchObject({ model: 'base-model', temperature: 1 });

    // Norway's group has no spread: half the groups, above the 20% default → NO-GO, until the threshold moves.
    await expect(page.getByTestId('dryrun-zero-spread')).toHaveAttribute('data-value', '0.5');
    await expect(page.getByTestId('dryrun-verdict')).toHaveAttribute('data-verdict', 'NO-GO');
    await expect(page.locator('[data-check="zero-spread"]')).toHaveAttribute('data-pass', 'false');
    await page.getByTestId('dryrun-threshold-zero-spread').fill('0.5');
    await expect(page.getByTestId('dryrun-verdict')).toHaveAttribute('data-verdict', 'GO');
    await expect(page.getByTestId('dryrun-lowest')).toContainText('Lyon');
    await expect(page.getByTestId('dryrun-highest')).toContainText('Paris');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page }).include('[data-testid="dryrun"]').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme}: ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    }

    // The key is in no stored completion.
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('grader-playground-rollouts');
          open.onsuccess = () => {
            const all = open.result.transaction(['runs', 'samples']).objectStore('samples').getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
          };
        }),
    );
    expect(stored).toContain('Lyon');
    expect(stored).not.toContain('sk-dry-run');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dryrun-export').click()]);
    const exported = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(exported.map((r) => r.answer)).toEqual(['Paris', 'Oslo']);
    expect(exported[0].samples).toHaveLength(4);
    expect(exported[0].samples[0]).toMatchObject({ output_tools: [] });

    // Re-gradable: the Dataset view loads the rollouts and grades them.
    await page.getByTestId('dryrun-to-dataset').click();
    await expect(page.getByTestId('dataset-name')).toContainText('2 rows');
    await page.getByTestId('dataset-run').click();
    await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  } finally {
    await server.close();
  }
});

test('a malformed reply is reported per completion; cancel, reload and resume ask only for what is missing', async ({ page }) => {
  let slow = true;
  let malformedSent = false;
  const server = await setUp(page, (req) => {
    if (question(req.body).includes('France')) {
      if (!malformedSent) {
        malformedSent = true;
        return { text: '<html>proxy error</html>' };
      }
      return { json: chatCompletion('Paris') };
    }
    return slow ? { json: chatCompletion('Oslo'), delayMs: 30_000 } : { json: chatCompletion('Bergen') };
  });
  try {
    await loadRows(page);
    await page.getByTestId('dryrun-consent').check();
    await page.getByTestId('dryrun-start').click();
    const progress = page.getByTestId('dryrun-progress');
    await expect(progress).toHaveAttribute('data-sampled', '3', { timeout: 30_000 });
    await expect(progress).toHaveAttribute('data-failed', '1');
    await expect(page.getByTestId('dryrun-failures')).toContainText('malformed: the reply is not JSON: <html>proxy error</html>');
    await page.getByTestId('dryrun-cancel').click();
    await expect(progress).toHaveAttribute('data-status', 'cancelled');

    await page.reload();
    await page.getByTestId('mode-dryrun').click();
    await page.getByText('Saved dry runs').click();
    await page.getByTestId('dryrun-reopen').first().click();
    await expect(progress).toHaveAttribute('data-sampled', '3');
    // 8 asked for, 3 kept: 5 remain (the malformed one is asked again).
    await expect(page.getByTestId('dryrun-requests')).toHaveAttribute('data-value', '5');
    slow = false;
    const before = server.requests.length;
    await page.getByTestId('dryrun-consent').check();
    await page.getByTestId('dryrun-start').click();
    await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(progress).toHaveAttribute('data-sampled', '8');
    const asked = server.requests.slice(before).map((r) => question(r.body));
    expect(asked.filter((q) => q.includes('France'))).toHaveLength(1);
    expect(asked.filter((q) => q.includes('Norway'))).toHaveLength(4);
    await expect(page.getByTestId('dryrun-verdict')).toHaveAttribute('data-verdict', 'NO-GO');
  } finally {
    await server.close();
  }
});

test('a TRL completions log opens in the Dataset view as groups to grade', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', grader);
  await page.getByTestId('mode-dryrun').click();
  const table = { columns: ['step', 'prompt', 'completion', 'answer', 'advantage'], data: [['1', 'Capital of France?', 'Paris', 'Paris', 0.5], ['1', 'Capital of France?', 'Nice', 'Paris', -0.5]] };
  await page.getByTestId('dryrun-import').setInputFiles({ name: 'completions.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(table)) });
  await expect(page.getByTestId('dataset-name')).toContainText('1 rows');
  await page.getByTestId('dataset-run').click();
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
});
