import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, setDoc } from './helpers.ts';

/** Serious and critical violations, described well enough to fix. */
async function scan(page: Page, what: string) {
  // Monaco's own DOM (hidden textareas, its minimap-free canvas) is a third-party widget with its own a11y model.
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('iframe[title="Grader sandbox"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(report).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('playground, settings, help, export dialog', async ({ page }) => {
      test.setTimeout(150_000); // four scans: as the tests below, room for a loaded 2-core machine
      await openApp(page);
      await scan(page, 'playground');
      await page.getByTestId('settings-button').click();
      await scan(page, 'settings');
      await page.getByTestId('help-button').click();
      await scan(page, 'help');
      await page.keyboard.press('Escape');
      await page.getByTestId('export-button').click();
      await scan(page, 'export dialog');
    });

    test('results with errors, python, judge by hand', async ({ page }) => {
      await openApp(page);
      await setDoc(page, 'grader', { type: 'string_check', name: 'n', input: '{{ sample.nope }}', reference: 'x', operation: 'eq' });
      await expect(page.getByTestId('errors').locator('[data-flag]')).toHaveCount(1);
      await scan(page, 'errors');
      await setDoc(page, 'grader', {
        type: 'score_model',
        name: 'j',
        model: 'gpt-4.1',
        input: [{ role: 'user', content: 'Grade {{ sample.output_text }}' }],
      });
      await expect(page.getByTestId('hand-judge')).toBeVisible();
      await scan(page, 'judge by hand');
    });

    test('dataset, gallery, AST views', async ({ page }) => {
      test.setTimeout(150_000); // seven scans; a loaded 2-core machine needs more than the default minute
      await openApp(page);
      await page.getByTestId('mode-dataset').click();
      const rows = Array.from({ length: 20 }, (_, i) => JSON.stringify({ item: { reference_answer: 'Paris' }, samples: [{ output_text: i % 2 ? 'Paris' : 'Rome' }, { output_text: 'Paris' }] })).join('\n');
      await page.getByTestId('dataset-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'text/plain', buffer: Buffer.from(rows) });
      await page.getByTestId('dataset-run').click();
      await expect(page.getByTestId('readiness-report')).toBeVisible();
      await scan(page, 'dataset');
      await page.getByTestId('mode-gallery').click();
      await scan(page, 'gallery');
      await page.getByTestId('gallery-card').first().click();
      await scan(page, 'gallery example');
      await page.getByTestId('mode-ast').click();
      // Scanned with its syntax tree shown (scanned before the tree arrived, a run once missed the tree's roles).
      await expect(page.getByTestId('ast-tree').getByRole('treeitem').first()).toBeVisible({ timeout: 30_000 });
      await scan(page, 'ast');
    });

    test('phone: each pane tab, the help dialog and the dataset view', async ({ page }) => {
      test.setTimeout(150_000);
      await page.setViewportSize({ width: 390, height: 844 });
      await openApp(page);
      await expect(page.getByTestId('panes')).toHaveAttribute('data-layout', 'phone');
      for (const tab of ['grader', 'sample', 'item', 'result'] as const) {
        await page.getByTestId(`pane-tab-${tab}`).click();
        await scan(page, `phone ${tab}`);
      }
      await page.getByTestId('help-button').click();
      await scan(page, 'phone help');
      await page.keyboard.press('Escape');
      await page.getByTestId('mode-dataset').click();
      const rows = Array.from({ length: 6 }, (_, i) => JSON.stringify({ item: { reference_answer: 'Paris' }, samples: [{ output_text: i % 2 ? 'Paris' : 'Rome' }] })).join('\n');
      await page.getByTestId('dataset-file').setInputFiles({ name: 'rows.jsonl', mimeType: 'text/plain', buffer: Buffer.from(rows) });
      await page.getByTestId('dataset-run').click();
      await expect(page.getByTestId('readiness-report')).toBeVisible();
      await expect(page.getByTestId('histogram').locator('svg')).toBeVisible();
      await scan(page, 'phone dataset');
    });

    test('tour and collapsed panes (desktop)', async ({ page }) => {
      await openApp(page);
      await page.getByTestId('tour-start').click();
      await expect(page.getByTestId('tour-ring')).toBeVisible();
      await scan(page, 'tour');
      await page.keyboard.press('Escape');
      await page.getByTestId('pane-fold-0').click();
      await scan(page, 'collapsed grader');
    });
  });
}
