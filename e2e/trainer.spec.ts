/**
 * Export to a trainer: the file for each trainer with its entry point, the contract view for the workspace's row,
 * a download, a parity run in the sandbox that shows every row giving the engine's reward (with the playground's
 * own nltk and rouge_score), and the target platform check (Azure AI Foundry refuses a judge it does not list).
 */
import { expect, test, type Page } from '@playwright/test';
import { setDoc } from './helpers.ts';

/** As openApp, with room for a loaded machine: the first run waits for the sandbox to start. */
async function open(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 90_000 });
}

const multi = {
  type: 'multi',
  name: 'Summary quality',
  graders: {
    overlap: { type: 'text_similarity', name: 'overlap', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'rouge_l' },
    bleu: { type: 'text_similarity', name: 'bleu', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'bleu' },
    label: { type: 'string_check', name: 'label', input: '{{ sample.output_text }}', reference: '{{ item.label }}', operation: 'ilike' },
  },
  calculate_output: '0.5 * overlap + 0.25 * bleu + 0.25 * label',
};

test.describe('export to a trainer', () => {
  test.describe.configure({ timeout: 240_000 });

  test('shows each trainer’s file and contract, downloads it, and proves parity row by row', async ({ page }) => {
    await open(page);
    await setDoc(page, 'grader', multi);
    await setDoc(page, 'item', { reference: 'the cat sat on the mat today', label: 'cat' });
    await setDoc(page, 'sample', { output_text: 'The cat sat on a mat today' });
    await page.getByTestId('trainer-button').click();
    const dialog = page.getByTestId('trainer-dialog');
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('trainer-code')).toContainText('def summary_quality_reward(prompts, completions, **kwargs):');
    await expect(page.getByTestId('trainer-code')).toContainText('REWARD_WEIGHTS = [0.5, 0.25, 0.25]');
    await expect(dialog).toContainText('Requirements: nltk==3.9.1 rouge-score==0.1.2');

    await page.getByTestId('trainer-target-verl').check();
    await expect(page.getByTestId('trainer-code')).toContainText('def compute_score(data_source, solution_str, ground_truth, extra_info=None):');
    await expect(page.getByTestId('trainer-call')).toContainText('"solution_str": "The cat sat on a mat today"');
    const download = page.waitForEvent('download');
    await page.getByTestId('trainer-download').click();
    expect((await download).suggestedFilename()).toBe('summary_quality_verl_reward.py');

    await page.getByTestId('trainer-target-verifiers').check();
    await expect(page.getByTestId('trainer-code')).toContainText('class PlaygroundTask(vf.Task[PlaygroundData]):');
    await expect(page.getByTestId('trainer-code')).toContainText('rubric = vf.Rubric(funcs=[summary_quality_reward], weights=[1.0])');

    await page.getByTestId('trainer-target-trl').check();
    await page.getByTestId('trainer-conversational').check();
    await expect(page.getByTestId('trainer-call')).toContainText('"role": "assistant"');
    await page.getByTestId('parity-rows').fill(
      [
        JSON.stringify({ item: { reference: 'a dog ran in the park', label: 'dog' }, sample: { output_text: 'A DOG ran in a park' } }),
        JSON.stringify({ item: { reference: 'rain is expected tomorrow', label: 'rain' }, output_text: 'sunny skies all week' }),
      ].join('\n'),
    );
    await page.getByTestId('parity-run').click();
    await expect(page.getByTestId('parity-summary')).toHaveAttribute('data-failed', '0', { timeout: 180_000 });
    await expect(page.getByTestId('parity-summary')).toHaveAttribute('data-passed', '3');
    await expect(page.getByTestId('parity-row')).toHaveCount(3);
    for (const row of await page.getByTestId('parity-row').all()) await expect(row).toHaveAttribute('data-ok', 'true');
    await page.screenshot({ path: test.info().outputPath('trainer-dialog.png'), fullPage: false });
  });

  test('the target platform setting reports what Azure AI Foundry refuses, and is remembered', async ({ page }) => {
    await open(page);
    await setDoc(page, 'grader', { type: 'score_model', name: 'judge', model: 'gpt-4.1', input: [{ role: 'user', content: 'Rate: {{ sample.output_text }}' }] });
    await setDoc(page, 'item', { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
    await page.getByTestId('trainer-button').click();
    await expect(page.getByTestId('platform-ok')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('platform-select').selectOption('foundry');
    const findings = page.getByTestId('platform-findings');
    await expect(findings.locator('[data-severity="error"]')).toHaveCount(2);
    await expect(findings).toContainText('/model: Judge model "gpt-4.1": Foundry lists gpt-4o-2024-08-06 and o3-mini-2025-01-31');
    await expect(findings).toContainText("Foundry's RFT data must end with a user message");
    await expect(findings).toContainText('how-to-reinforcement-fine-tuning-content.md');
    await page.reload();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', /done|error/, { timeout: 90_000 });
    await page.getByTestId('trainer-button').click();
    await expect(page.getByTestId('platform-select')).toHaveValue('foundry');
  });
});
