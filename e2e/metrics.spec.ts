import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, setDoc } from './helpers.ts';

interface Vector {
  case: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}
const golden = JSON.parse(readFileSync('test/fixtures/text-metrics.json', 'utf8')) as { vectors: Vector[] };
const vector = (caseName: string, metric: string): Vector => {
  const v = golden.vectors.find((x) => x.case === caseName && x.metric === metric);
  if (!v) throw new Error(`no golden vector ${caseName}:${metric}`);
  return v;
};

async function grade(page: Page, metric: string, v: Vector) {
  await setDoc(page, 'grader', {
    type: 'text_similarity',
    name: metric,
    input: '{{ sample.output_text }}',
    reference: '{{ item.reference }}',
    evaluation_metric: metric,
  });
  await setDoc(page, 'sample', { output_text: v.input });
  await setDoc(page, 'item', { reference: v.reference });
}

async function expectReward(page: Page, expected: number) {
  await expect
    .poll(async () => Number(await page.getByTestId('reward').getAttribute('data-value')), { timeout: 30_000 })
    .toBeCloseTo(expected, 12);
}

// Each metric picked in the UI gives the reference library's score (golden vectors) and explains it.
const cases: [metric: string, goldenMetric: string, caseName: string, explainId: string, scale: number][] = [
  ['fuzzy_match', 'WRatio[default_process]', 'typo', 'explain-fuzzy', 100],
  ['bleu', 'bleu', 'bleu_paper', 'explain-bleu', 1],
  ['gleu', 'gleu', 'bleu_paper', 'explain-gleu', 1],
  ['meteor', 'meteor', 'wordnet_synonym', 'explain-meteor', 1],
  ['rouge_1', 'rouge_1', 'word_order', 'explain-rouge', 1],
  ['rouge_2', 'rouge_2', 'bleu_paper', 'explain-rouge', 1],
  ['rouge_5', 'rouge_5', 'bleu_paper', 'explain-rouge', 1],
  ['rouge_l', 'rouge_l', 'word_order', 'explain-rouge', 1],
];

test.describe('text_similarity metrics in the UI', () => {
  for (const [metric, goldenMetric, caseName, explainId, scale] of cases) {
    test(`${metric} matches the reference and explains itself`, async ({ page }) => {
      await openApp(page);
      const v = vector(caseName, goldenMetric);
      await grade(page, metric, v);
      await expectReward(page, v.expected / scale);
      await expect(page.getByTestId(explainId)).toBeVisible();
      await expect(page.getByTestId('assumptions')).toBeVisible();
    });
  }

  test('the fuzzy explanation highlights the matched characters and names the winning scorer', async ({ page }) => {
    await openApp(page);
    await grade(page, 'fuzzy_match', vector('typo', 'WRatio[default_process]'));
    await expect(page.getByTestId('fuzzy-input').locator('mark').first()).toBeVisible();
    await expect(page.getByTestId('fuzzy-steps')).not.toBeEmpty();
  });

  test('BLEU shows its n-gram table and brevity penalty; ROUGE-L its LCS; METEOR its alignment stages', async ({ page }) => {
    await openApp(page);
    await grade(page, 'bleu', vector('bleu_paper', 'bleu'));
    await expect(page.getByTestId('ngram-table').locator('tbody tr')).toHaveCount(4);
    await expect(page.getByTestId('brevity-penalty')).toContainText('Brevity penalty');
    await grade(page, 'rouge_l', vector('word_order', 'rouge_l'));
    await expect(page.getByTestId('rouge-lcs').locator('.hit').first()).toBeVisible();
    await expect(page.getByTestId('rouge-prf')).toContainText('F-measure');
    await grade(page, 'meteor', vector('wordnet_synonym', 'meteor'));
    await expect(page.getByTestId('meteor-alignment')).toContainText('synonym');
  });

  test('settings switch the fuzzy scorer and ROUGE stemming, each matching its reference', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('settings-button').click();
    const ratio = vector('typo', 'ratio');
    await grade(page, 'fuzzy_match', ratio);
    await page.getByTestId('setting-fuzzyScorer').selectOption('ratio');
    await page.getByTestId('setting-fuzzyDefaultProcess').uncheck();
    await expectReward(page, ratio.expected / 100);
    const stem = vector('stems', 'rouge_1[stemmer]');
    await grade(page, 'rouge_1', stem);
    await page.getByTestId('setting-rougeStemming').check();
    await expectReward(page, stem.expected);
    const plain = vector('stems', 'rouge_1');
    await page.getByTestId('setting-rougeStemming').uncheck();
    await expectReward(page, plain.expected);
  });
});
