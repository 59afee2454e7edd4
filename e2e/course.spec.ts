import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getDoc } from './helpers.ts';

const check = (page: Page, what: string) => page.locator(`[data-testid="course-visible-check"][data-what="${what}"]`);

test('a course step: a visible check fails, a hidden case is named, solve, progress kept after reload, step links', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#learn/course/string-check/like-hack');
  await expect(page.getByTestId('course-step')).toHaveAttribute('data-path', 'string-check/like-hack');
  await expect(page.getByTestId('course-progress')).toHaveText('0 of 25 steps done');
  // The visible checks run on the starting grader: the hacking sample is caught, with its reward and why.
  await expect(check(page, 'every option listed')).toHaveAttribute('data-pass', 'false', { timeout: 60_000 });
  await expect(check(page, 'every option listed')).toContainText('expected reward ≤ 0, got reward 1');
  await expect(check(page, 'the right answer')).toHaveAttribute('data-pass', 'true');

  // Fix the hack but not the hedge? `ilike` still passes both: the hidden check is named without its text.
  await page.getByTestId('course-check').click();
  await expect(page.getByTestId('course-result')).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('course-hidden-failure')).toHaveText(['a hidden case failed: a hedging answer scored 1']);
  await expect(page.getByTestId('course-result')).not.toContainText('Canberra or Sydney');

  // Solve shows the worked solution and why; using it passes every check, and the step is done.
  await page.getByTestId('course-solve').click();
  await expect(page.getByTestId('course-solution')).toContainText('"operation": "eq"');
  await expect(page.getByTestId('course-solution')).toContainText('passes only the exact text');
  await page.getByTestId('course-use-solution').click();
  await expect(check(page, 'every option listed')).toHaveAttribute('data-pass', 'true');
  await page.getByTestId('course-check').click();
  await expect(page.getByTestId('course-result')).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('course-result')).toContainText('1 of them hidden');
  await expect(page.locator('[data-testid="course-nav-step"][data-path="string-check/like-hack"]')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('course-progress')).toHaveText('1 of 25 steps done');

  // Progress and the answer survive a reload; the address still names the step.
  await page.reload();
  await expect(page.getByTestId('course-step')).toHaveAttribute('data-path', 'string-check/like-hack');
  await expect(page.getByTestId('course-step-done')).toBeVisible();
  await expect(page.getByTestId('course-progress')).toHaveText('1 of 25 steps done');
  await expect(page.getByTestId('course-answer')).toHaveValue(/"operation": "eq"/);

  // Steps link to each other: a link in the worked solution's text, and next; each has its own address.
  await page.getByTestId('course-solve').click();
  await page.getByTestId('course-solution').getByTestId('course-link').first().click();
  await expect(page).toHaveURL(/#learn\/course\/string-check\/exact-variants$/);
  await expect(page.getByTestId('course-step')).toHaveAttribute('data-path', 'string-check/exact-variants');
  await page.getByTestId('course-next').click();
  await expect(page).toHaveURL(/#learn\/course\/string-check\/ne-trap$/);
  await expect(page.getByTestId('course-step')).toHaveAttribute('data-path', 'string-check/ne-trap');
  await page.goBack();
  await expect(page.getByTestId('course-step')).toHaveAttribute('data-path', 'string-check/exact-variants');
});

test('a judge step grades with recorded replies, and a step opens as a workspace with its visible checks as tests', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#learn/course/judges/rubric-scale');
  await expect(check(page, 'a hedging answer')).toHaveAttribute('data-pass', 'false', { timeout: 60_000 });
  await expect(check(page, 'a hedging answer')).toContainText('reward 1');
  await expect(check(page, 'a hedging answer')).toContainText('Recorded judge reply');
  await page.getByTestId('course-open-workspace').click();
  await expect(page.getByTestId('mode-playground')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/#w=/);
  await expect.poll(() => getDoc(page, 'grader')).toContain('"score_model"');
  await expect(page.getByTestId('workspace-title')).toHaveValue('Course: The rubric\'s scale and the grader\'s range');
  // Back to the course by its button: the address names the step again.
  await page.getByTestId('mode-course').click();
  await expect(page).toHaveURL(/#learn\/course\//);
  // And Back leaves the course for the workspace the address names again.
  await page.goBack();
  await expect(page).toHaveURL(/#w=/);
  await expect(page.getByTestId('mode-playground')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('course-step')).toHaveCount(0);
  await expect(page.getByTestId('workspace-title')).toHaveValue('Course: The rubric\'s scale and the grader\'s range');
});

test('a step embeds on its own', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/embed.html?course=text-similarity/gleu');
  await expect(page.getByTestId('course-step')).toHaveAttribute('data-path', 'text-similarity/gleu');
  await expect(check(page, 'a short, nearly right answer')).toHaveAttribute('data-pass', 'false', { timeout: 60_000 });
  await page.getByTestId('course-solve').click();
  await page.getByTestId('course-use-solution').click();
  await page.getByTestId('course-check').click();
  await expect(page.getByTestId('course-result')).toHaveAttribute('data-passed', 'true');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the course is axe clean (${scheme}) and readable on a phone`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/#learn/course/string-check/like-hack');
    await expect(check(page, 'every option listed')).toHaveAttribute('data-pass', 'false', { timeout: 60_000 });
    await page.getByTestId('course-check').click();
    await expect(page.getByTestId('course-hidden-failure')).toHaveCount(1);
    await page.getByTestId('course-solve').click();
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/course-phone-${scheme}.png`, fullPage: false });
    const results = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('iframe[title="Grader sandbox"]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
