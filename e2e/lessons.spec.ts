import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { flags, getDoc, openApp, reward, setDoc } from './helpers.ts';

test.describe('lessons', () => {
  test('a lesson loads a step, sees the task done, goes on, and remembers progress over a reload', async ({ page }) => {
    await openApp(page);
    const before = await getDoc(page, 'grader');
    await page.getByTestId('lessons-button').click();
    const panel = page.getByTestId('lessons-panel');
    await expect(panel.getByRole('heading', { name: 'Lessons', exact: true })).toBeVisible();
    await panel.getByTestId('lesson-open-what-a-grader-sees').click();

    const step = page.getByTestId('lesson-step');
    const check = page.getByTestId('lesson-check');
    await expect(step).toHaveAttribute('data-step', '0');
    await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 4');
    await expect(step.getByRole('heading', { name: 'Three documents' })).toBeFocused();
    // The step's documents are in the editors, as 2-space JSON, and the live run judges them.
    expect(await getDoc(page, 'sample')).toBe('{\n  "output_text": "Lyon"\n}');
    expect(await reward(page)).toBe(0);
    await expect(check).toHaveAttribute('data-done', 'false');
    await expect(check).toHaveText('Not done yet.');

    await setDoc(page, 'sample', { output_text: 'Paris' });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await expect(check).toHaveAttribute('data-done', 'true');
    await expect(check).toContainText('✓ Done');

    await page.getByTestId('lesson-next').click();
    await expect(step).toHaveAttribute('data-step', '1');
    await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 4');
    await expect(step.getByRole('heading', { name: 'Templates pick the fields' })).toBeFocused();
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    expect(await flags(page)).toEqual(['invalid_variable_error']);
    await expect(check).toHaveAttribute('data-done', 'false');

    const grader = JSON.parse(await getDoc(page, 'grader')) as Record<string, unknown>;
    await setDoc(page, 'grader', { ...grader, reference: '{{ item.reference.city }}' });
    await expect(check).toHaveAttribute('data-done', 'true');
    expect(await flags(page)).toEqual([]);

    // Step 1 is marked done in the step list; after a reload the panel reopens on the same step.
    await expect(page.getByRole('button', { name: 'Step 1: Three documents (done)' })).toBeVisible();
    // The workspace saves its documents 300 ms after an edit.
    await page.waitForTimeout(800);
    await page.reload();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    await page.getByTestId('lessons-button').click();
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
    await expect(page.getByRole('button', { name: 'Step 2: Templates pick the fields (done)' })).toBeVisible();
    await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true');

    // Back to the list: the lesson shows its progress, and the user's own documents come back on request.
    await page.getByTestId('lesson-list').click();
    await expect(page.getByTestId('lesson-open-what-a-grader-sees')).toContainText('2 of 4 steps done');
    await page.getByTestId('lesson-restore').click();
    await expect.poll(() => getDoc(page, 'grader')).toBe(before);
    await expect(page.getByTestId('lesson-restore')).toHaveCount(0);

    await page.getByTestId('lessons-close').click();
    await expect(page.getByTestId('lessons-panel')).toHaveCount(0);
  });

  test('the advantages table follows the live reward, and "Show me" does the task', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('lessons-button').click();
    await page.getByTestId('lesson-open-group-advantages').click();
    const you = page.getByTestId('advantage-you');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0');
    // Rewards 0 (yours), 0, 0, 1: yours is pushed down by about half a standard deviation.
    await expect(page.getByTestId('advantages-table')).toHaveAttribute('data-pending', 'false');
    await expect(you).toContainText('−0.50');
    await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'false');

    await setDoc(page, 'sample', { output_text: 'Canberra' });
    await expect(you).toContainText('+0.87');
    await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true');

    // Step 2: all four right, so every advantage is 0; the solution button makes yours wrong.
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('advantages-table')).toContainText('every advantage is 0');
    await page.getByTestId('lesson-solution').click();
    await expect(you).toContainText('−1.50');
    await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true');

    // Keyboard: the step buttons are reachable and open a step.
    await page.getByRole('button', { name: 'Step 1: A group of answers (done)' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '0');
    await expect(page.getByTestId('lesson-check')).toHaveText('Not done now (you did this step before).');
  });
});

async function scanPanel(page: Page, what: string) {
  // axe fails outright when the panel it is told to include is not there yet.
  await expect(page.getByTestId('lessons-panel')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-testid="lessons-panel"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`lesson panel has no serious accessibility problems (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await page.getByTestId('lessons-button').click();
    await scanPanel(page, 'list');
    await page.getByTestId('lesson-open-group-advantages').click();
    await expect(page.getByTestId('advantages-table')).toHaveAttribute('data-pending', 'false');
    await scanPanel(page, 'step with table');
    await page.getByTestId('lesson-solution').click();
    await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-done', 'true');
    await scanPanel(page, 'step done');
  });
}
