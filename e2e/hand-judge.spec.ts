/**
 * Every grader type can be tried without a key: score_model and label_model judged by hand wherever they are
 * (top level or inside multi), cosine from a typed similarity or typed vectors; the result says so.
 */
import { expect, test } from '@playwright/test';
import { openApp, setDoc } from './helpers.ts';

const score = {
  type: 'score_model',
  name: 'quality',
  model: 'gpt-4.1-mini',
  input: [
    { role: 'system', content: 'You grade answers. '.repeat(80) },
    { role: 'user', content: 'Answer: {{ sample.output_text }}' },
  ],
  range: [0, 1],
};
const label = {
  type: 'label_model',
  name: 'tone',
  model: 'gpt-4.1-mini',
  input: [{ role: 'user', content: 'Tone of: {{ sample.output_text }}' }],
  labels: ['polite', 'rude'],
  passing_labels: ['polite'],
};
const cosine = { type: 'text_similarity', name: 'cos', input: '{{ sample.output_text }}', reference: '{{ item.reference_answer }}', evaluation_metric: 'cosine' };

test('score_model: the hand judge comes before the long request, and a typed reply is not an HTTP reply', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', score);
  const hand = page.getByTestId('hand-judge');
  await expect(hand).toBeVisible();
  const handBox = (await hand.boundingBox())!;
  const requestBox = (await page.getByTestId('judge-prompt').boundingBox())!;
  expect(handBox.y).toBeLessThan(requestBox.y);
  // Also above the rendered templates (the judge's prompt again), which are closed for a judge.
  const renderedBox = (await page.getByText('Rendered templates').boundingBox())!;
  expect(handBox.y).toBeLessThan(renderedBox.y);
  await page.getByTestId('hand-score').fill('0.75');
  await page.getByTestId('hand-score-submit').click();
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.75');
  await expect(page.getByTestId('judged-by-hand')).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('typed by hand');
  await expect(page.getByTestId('explain-judge')).not.toContainText('HTTP 200');
  await expect(page.getByTestId('explain-judge')).toContainText('Reply typed by hand');
  // The hand answer stays while the sample changes: the judge's verdict is re-read through the same parsing.
  await setDoc(page, 'sample', '{"output_text": "another answer"}');
  await expect(page.getByTestId('judged-by-hand')).toBeVisible();
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.75');
});

test('inside multi: pick a label, type a reply, type a similarity; each sub-grader is judged by hand', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'item', '{"reference_answer": "Thanks a lot"}');
  await setDoc(page, 'sample', '{"output_text": "Thank you!"}');
  await setDoc(page, 'grader', { type: 'multi', name: 'm', graders: { quality: score, tone: label, cos: cosine }, calculate_output: 'quality + tone + cos' });
  const judge = (key: string) => page.locator(`[data-testid="hand-judge"][data-pointer="/graders/${key}"]`);
  await expect(judge('tone')).toBeVisible();
  await judge('tone').locator('[data-testid="hand-label"][data-label="polite"]').click();
  await expect(page.getByTestId('judge-label')).toHaveText('polite');
  await judge('quality').getByTestId('hand-reply').fill('{"result": 0.5, "steps": [{"description": "ok", "conclusion": "half"}]}');
  await judge('quality').getByTestId('hand-submit').click();
  await judge('cos').getByTestId('hand-similarity').fill('0.25');
  await judge('cos').getByTestId('hand-similarity-submit').click();
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1.75');
  await expect(page.getByTestId('judged-by-hand')).toHaveCount(3);
});

test('cosine at the top level from two typed vectors', async ({ page }) => {
  await openApp(page);
  await setDoc(page, 'grader', cosine);
  await page.getByText('…or type the two embeddings').click();
  await page.getByTestId('hand-vector-a').fill('[3, 4]');
  await page.getByTestId('hand-vector-b').fill('4, 3');
  await page.getByTestId('hand-vectors-submit').click();
  await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.96');
  await expect(page.getByTestId('summary')).toContainText('judged by hand');
  await expect(page.getByTestId('judged-by-hand')).toBeVisible();
});
