/**
 * The playground's nltk.translate and rouge_score, run for real in Pyodide: a python grader calling them gets the
 * engine's metrics to the last bit (they are the same code), with NLTK's and rouge-score's signatures; what the
 * engine does not implement raises NotImplementedError instead of a silently different score.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bleu } from '../metrics/bleu.ts';
import { gleu } from '../metrics/gleu.ts';
import { meteorFromStrings } from '../metrics/meteor.ts';
import { porterStem } from '../metrics/porter.ts';
import { rougeL, rougeN } from '../metrics/rouge.ts';
import { nodeDataRuntime } from '../node-data.ts';
import { createNodePythonRuntime } from './node.ts';
import type { SupervisedPythonRuntime } from './supervisor.ts';

let rt: SupervisedPythonRuntime;
beforeAll(async () => {
  rt = createNodePythonRuntime({ startupTimeoutMs: 120_000 });
  await rt.prepare();
}, 180_000);
afterAll(() => rt.close());

const REF = 'the quick brown fox jumps over the lazy dog';
const HYP = 'the fast brown foxes jumped over a lazy dog';

async function value(body: string): Promise<number> {
  const source = `def grade(sample, item):\n${body.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
  const r = await rt.run({ source, sampleJson: JSON.stringify({ output_text: HYP }), itemJson: JSON.stringify({ ref: REF }), timeoutMs: 60_000 });
  if (r.status !== 'ok') throw new Error(r.details ?? r.status);
  return r.value!;
}

describe('nltk.translate in python graders', () => {
  it('sentence_bleu, sentence_gleu and meteor_score give the engine’s scores', async () => {
    expect(await value('from nltk.translate.bleu_score import sentence_bleu\nreturn sentence_bleu([item["ref"].split()], sample["output_text"].split())')).toBe(bleu(REF, HYP).score);
    expect(await value('from nltk.translate.gleu_score import sentence_gleu\nreturn sentence_gleu([item["ref"].split()], sample["output_text"].split())')).toBe(gleu(REF, HYP).score);
    const meteor = await meteorFromStrings(REF, HYP, { data: nodeDataRuntime() });
    expect(await value('from nltk.translate.meteor_score import meteor_score\nreturn meteor_score([item["ref"].split()], sample["output_text"].split())')).toBe(meteor.score);
  }, 120_000);

  it('keeps NLTK’s int 0 when no unigram matches, and refuses what it does not implement', async () => {
    expect(await value('from nltk.translate.bleu_score import sentence_bleu\nr = sentence_bleu([["a"]], ["b"])\nreturn 5 if type(r) is int and r == 0 else -1')).toBe(5);
    const s = 'from nltk.translate.bleu_score import sentence_bleu\ntry:\n    sentence_bleu([["a"]], ["a"], smoothing_function=lambda p, **k: p)\nexcept NotImplementedError:\n    return 7\nreturn 0';
    expect(await value(s)).toBe(7);
    expect(await value('from nltk.translate.meteor_score import meteor_score\ntry:\n    meteor_score(["a b"], "a b")\nexcept TypeError:\n    return 3\nreturn 0')).toBe(3);
  }, 120_000);
});

describe('rouge_score in python graders', () => {
  it('RougeScorer(...).score(target, prediction) gives precision, recall and F-measure, with and without stemming', async () => {
    const body = (types: string, stem: boolean, key: string, field: string) =>
      `from rouge_score import rouge_scorer\ns = rouge_scorer.RougeScorer([${types}], use_stemmer=${stem ? 'True' : 'False'})\nreturn s.score(item["ref"], sample["output_text"])["${key}"].${field}`;
    expect(await value(body('"rouge1", "rougeL"', false, 'rouge1', 'fmeasure'))).toBe(rougeN(REF, HYP, 1).score);
    expect(await value(body('"rouge2"', false, 'rouge2', 'precision'))).toBe(rougeN(REF, HYP, 2).details.precision);
    expect(await value(body('"rougeL"', true, 'rougeL', 'recall'))).toBe(rougeL(REF, HYP, { stemmer: (t) => porterStem(t) }).details.recall);
    expect(await value('from rouge_score import rouge_scorer\ntry:\n    rouge_scorer.RougeScorer(["rougeLsum"])\nexcept NotImplementedError:\n    return 9\nreturn 0')).toBe(9);
  }, 120_000);
});
