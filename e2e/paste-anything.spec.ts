/**
 * Paste anything: Python from OpenAI's guide into the grader editor or Import, a model's plain answer into the
 * sample; a title that follows the grader until named; python graders open on their source; stale results
 * are marked as such.
 */
import { expect, test, type Page } from '@playwright/test';
import { getDoc, openApp, setDoc, waitForMonaco, type Doc } from './helpers.ts';

// The first python grader of OpenAI's RFT guide, verbatim.
const GUIDE_PYTHON = `from rapidfuzz import fuzz, utils

def grade(sample, item) -> float:
    output_text = sample["output_text"]
    reference_answer = item["reference_answer"]
    return fuzz.WRatio(output_text, reference_answer, processor=utils.default_process) / 100.0
`;

/** Paste `text` over the whole document, as Ctrl/Cmd+A then Ctrl/Cmd+V would. */
async function pasteOver(page: Page, doc: Doc, text: string) {
  await waitForMonaco(page, doc);
  await page.getByTestId(`editor-${doc}`).locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test('Python pasted into the grader editor becomes a python grader, on its source tab, titled after it; Undo keeps the text', async ({ page }) => {
  // Python's cold start (seconds, more on a loaded machine), as in python.spec.ts.
  test.setTimeout(180_000);
  await openApp(page);
  await setDoc(page, 'item', '{"reference_answer": "Paris"}');
  await setDoc(page, 'sample', '{"output_text": "Paris"}');
  await expect(page.getByTestId('workspace-title')).toHaveValue('Exact answer (string_check)');
  await pasteOver(page, 'grader', GUIDE_PYTHON);
  await expect(page.getByTestId('paste-notice')).toContainText('became a python grader');
  // It opens on the source, not on the JSON with the source as one escaped string.
  await expect(page.getByTestId('tab-python-source')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('editor-python')).toBeVisible();
  const grader = JSON.parse(await getDoc(page, 'grader')) as { type: string; source: string };
  expect(grader.type).toBe('python');
  expect(grader.source).toBe(GUIDE_PYTHON);
  // While Python starts, the previous (string_check) result is marked as from before the edit.
  await expect(page.getByTestId('stale-label')).toBeVisible();
  await expect(page.locator('[data-testid="explain"][data-kind="python"]')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('stale-label')).toHaveCount(0);
  // The title follows the grader: the old "Exact answer (string_check)" would be wrong now.
  await expect(page.getByTestId('workspace-title')).toHaveValue('python_grader (python)');

  await page.getByTestId('paste-undo').click();
  expect(await getDoc(page, 'grader')).toBe(GUIDE_PYTHON);
  await expect(page.getByTestId('outdated')).toContainText('not for what the editors hold now');
  // The dimmed last result does not present itself as the current grader's explanation.
  await expect(page.getByTestId('current-explain')).toHaveCount(0);
  await expect(page.getByTestId('outdated-explain')).not.toHaveAttribute('open', '');
});

test('a title the user typed stays when the grader changes', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('workspace-title').fill('My capital check');
  await setDoc(page, 'grader', { type: 'string_check', name: 'other', input: '{{ sample.output_text }}', reference: 'x', operation: 'like' });
  await expect(page.getByTestId('summary')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('workspace-title')).toHaveValue('My capital check');
});

test('plain text pasted as the sample becomes output_text, and JSON text also output_json', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'item', '{"reference_answer": "Paris"}');
  await pasteOver(page, 'sample', 'Paris');
  await expect(page.getByTestId('paste-notice')).toContainText("became the sample's output_text");
  await expect.poll(async () => JSON.parse(await getDoc(page, 'sample')).output_text).toBe('Paris');
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');

  await pasteOver(page, 'sample', '{"city": "Paris", "confidence": 0.9}');
  await expect(page.getByTestId('paste-notice')).toContainText('output_json');
  const sample = JSON.parse(await getDoc(page, 'sample')) as { output_text: string; output_json: unknown };
  expect(sample.output_text).toBe('{"city": "Paris", "confidence": 0.9}');
  expect(sample.output_json).toEqual({ city: 'Paris', confidence: 0.9 });

  // A sample pasted as a sample stays as it is.
  await pasteOver(page, 'sample', '{"output_text": "Rome"}');
  await expect.poll(() => getDoc(page, 'sample')).toBe('{"output_text": "Rome"}');
});

test('Import takes raw Python and Evals testing_criteria', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('export-button').click();
  await page.getByTestId('import-tab').click();
  await page.getByTestId('import-text').fill(GUIDE_PYTHON);
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-message')).toContainText('python source');
  expect((JSON.parse(await getDoc(page, 'grader')) as { source: string }).source).toBe(GUIDE_PYTHON);

  await page.getByTestId('import-text').fill(
    JSON.stringify({ name: 'e', testing_criteria: [{ type: 'string_check', name: 'exact', input: '{{ sample.output_text }}', reference: '{{ item.reference_answer }}', operation: 'eq' }] }),
  );
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-message')).toContainText('evals criteria');
  expect((JSON.parse(await getDoc(page, 'grader')) as { name: string }).name).toBe('exact');
});

test('a python grader from the gallery opens on its source', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-gallery').click();
  await page.locator('[data-testid="gallery-card"][data-example="math-tolerance"]').click();
  await page.getByTestId('gallery-open-sample').first().click();
  await expect(page.getByTestId('tab-python-source')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('editor-python')).toBeVisible();
});
