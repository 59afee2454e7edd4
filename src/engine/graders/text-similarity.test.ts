import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeDataRuntime } from '../node-data.ts';
import { runGrader } from '../run.ts';
import type { EngineRuntime } from '../runtime.ts';
import type { EngineSettings, JsonValue } from '../types.ts';

interface Vector {
  id: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}
const vectors: Vector[] = JSON.parse(readFileSync(new URL('../../../test/fixtures/text-metrics.json', import.meta.url), 'utf8')).vectors;

function grader(metric: string, extra: Record<string, unknown> = {}) {
  return { type: 'text_similarity', name: 'sim', input: '{{sample.output_text}}', reference: '{{item.answer}}', evaluation_metric: metric, ...extra };
}

const runtime: EngineRuntime = { data: nodeDataRuntime() };

async function run(metric: string, input: string, reference: string, settings: Partial<EngineSettings> = {}, rt: EngineRuntime = runtime) {
  const sample: JsonValue = { output_text: input };
  const item: JsonValue = { answer: reference };
  return runGrader(grader(metric), sample, item, { settings, runtime: rt });
}

function expectClose(actual: number, expected: number) {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

/** A few golden vectors per metric, end to end: rendering, sides, reward, scores. */
function goldenThroughGrader(fixtureMetric: string, graderMetric: string, settings: Partial<EngineSettings> = {}, scale = 1) {
  const cases = ['identical', 'bleu_paper', 'stems', 'unicode_spaces', 'random_3', 'empty_input', 'subset_tokens', 'wordnet_synonym', 'underscore_digits', 'short_in_long'];
  const mine = vectors.filter((x) => x.metric === fixtureMetric && cases.includes(x.id.split(':')[0]!));
  it(`${fixtureMetric}: ${cases.length} vectors found`, () => expect(mine.length).toBe(cases.length));
  for (const v of mine) {
    it(`${v.id} through runGrader`, async () => {
      const r = await run(graderMetric, v.input, v.reference, settings);
      expect(r.metadata.errors.other_error).toBe(false);
      expectClose(r.reward, v.expected / scale);
      expect(r.metadata.scores).toEqual({ [graderMetric]: r.reward });
    });
  }
}

describe('text_similarity grader: golden vectors end to end', () => {
  goldenThroughGrader('bleu', 'bleu');
  goldenThroughGrader('gleu', 'gleu');
  for (const m of ['rouge_1', 'rouge_2', 'rouge_3', 'rouge_4', 'rouge_5', 'rouge_l']) goldenThroughGrader(m, m);
  goldenThroughGrader('rouge_1[stemmer]', 'rouge_1', { rougeStemming: true });
  goldenThroughGrader('rouge_l[stemmer]', 'rouge_l', { rougeStemming: true });
  goldenThroughGrader('meteor', 'meteor');
  // fuzzy_match defaults: WRatio with utils.default_process, scaled to 0..1.
  goldenThroughGrader('WRatio[default_process]', 'fuzzy_match', {}, 100);
  goldenThroughGrader('ratio', 'fuzzy_match', { fuzzyScorer: 'ratio', fuzzyDefaultProcess: false }, 100);
  goldenThroughGrader('ratio[default_process]', 'fuzzy_match', { fuzzyScorer: 'ratio' }, 100);
  goldenThroughGrader('token_set_ratio', 'fuzzy_match', { fuzzyScorer: 'token_set_ratio', fuzzyDefaultProcess: false }, 100);
  goldenThroughGrader('partial_ratio', 'fuzzy_match', { fuzzyScorer: 'partial_ratio', fuzzyDefaultProcess: false }, 100);
});

describe('text_similarity grader: fuzzy_match', () => {
  it('defaults to WRatio with default_process and says so, with the settings that change it', async () => {
    const r = await run('fuzzy_match', 'Hello World!', 'hello world');
    expect(r.reward).toBe(1);
    const d = r.explain!.details as { kind: string; scorer: string; processor: boolean; metric: string };
    expect([d.kind, d.scorer, d.processor, d.metric]).toEqual(['fuzzy', 'WRatio', true, 'fuzzy_match']);
    expect(r.explain!.assumptions.map((a) => [a.id, a.setting])).toEqual([
      ['fuzzy-scorer', 'fuzzyScorer'],
      ['fuzzy-process', 'fuzzyDefaultProcess'],
    ]);
    expect(r.metadata.scores).toEqual({ fuzzy_match: 1 });
  });

  it('switching default_process off changes the score', async () => {
    const r = await run('fuzzy_match', 'Hello World!', 'hello world', { fuzzyDefaultProcess: false });
    expect(r.reward).toBeLessThan(1);
    expect((r.explain!.details as { processor: boolean }).processor).toBe(false);
  });

  it('the scorer setting picks the rapidfuzz scorer', async () => {
    const a = await run('fuzzy_match', 'new york mets', 'new york mets vs atlanta braves', { fuzzyScorer: 'partial_ratio' });
    const b = await run('fuzzy_match', 'new york mets', 'new york mets vs atlanta braves', { fuzzyScorer: 'ratio' });
    expect(a.reward).toBe(1);
    expect(b.reward).toBeLessThan(1);
    expect(a.explain!.summary).toContain('partial_ratio');
  });
});

describe('text_similarity grader: meteor', () => {
  it('matches by synonym and explains the alignment', async () => {
    const r = await run('meteor', 'he is a big man', 'he is a great man');
    const d = r.explain!.details as { kind: string; alignment: { stage: string }[] };
    expect(d.kind).toBe('meteor');
    expect(d.alignment.map((m) => m.stage)).toContain('synonym');
    expect(r.explain!.assumptions.map((a) => a.id)).toEqual(['split-tokens', 'meteor-nltk']);
  });

  it('without a data runtime it fails clearly instead of scoring without synonyms', async () => {
    const r = await run('meteor', 'a b', 'a b', {}, {});
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.other_error).toBe(true);
    expect(r.explain!.summary).toContain('WordNet');
    expect(r.explain!.rendered.length).toBe(2);
  });
});

describe('text_similarity grader: sides and explanations', () => {
  it('BLEU: the input is the hypothesis, the reference the reference', async () => {
    const r = await run('bleu', 'the cat', 'the cat sat on the mat');
    const d = r.explain!.details as { kind: string; hypothesis: string[]; references: string[][]; metric: string };
    expect(d.kind).toBe('bleu');
    expect(d.metric).toBe('bleu');
    expect(d.hypothesis).toEqual(['the', 'cat']);
    expect(d.references).toEqual([['the', 'cat', 'sat', 'on', 'the', 'mat']]);
    expect(r.explain!.assumptions.map((a) => a.id)).toEqual(['split-tokens', 'bleu-nltk']);
  });

  it('BLEU explains the tiny non-zero value', async () => {
    const r = await run('bleu', 'the automobile is fast', 'the car is rapid');
    expect(r.reward).toBeGreaterThan(0);
    expect(r.reward).toBeLessThan(1e-200);
    expect(r.explain!.summary).toContain('2.2e-308');
  });

  it('ROUGE: precision is over the input, recall over the reference', async () => {
    const r = await run('rouge_1', 'new york', 'the new york mets beat the atlanta braves');
    const d = r.explain!.details as { kind: string; precision: number; recall: number };
    expect(d.kind).toBe('rouge');
    expect(d.precision).toBe(1);
    expect(d.recall).toBe(2 / 8);
  });

  it('ROUGE stemming follows the setting and says so', async () => {
    const off = await run('rouge_1', 'running dogs', 'run dog');
    const on = await run('rouge_1', 'running dogs', 'run dog', { rougeStemming: true });
    expect(off.reward).toBe(0);
    expect(on.reward).toBe(1);
    const a = on.explain!.assumptions.find((x) => x.id === 'rouge-stemming')!;
    expect(a.setting).toBe('rougeStemming');
    expect(a.text).toContain('Porter');
    expect(off.explain!.assumptions.map((x) => x.id)).toEqual(['rouge-tokenizer', 'rouge-stemming', 'rouge-fmeasure']);
  });

  it('GLEU reports the shared n-grams', async () => {
    const r = await run('gleu', 'a b c', 'a b');
    expect(r.reward).toBe(0.5);
    expect(r.explain!.summary).toContain('3 shared');
  });

  it('empty texts give 0 without an error', async () => {
    for (const m of ['bleu', 'gleu', 'rouge_1', 'rouge_l']) {
      const r = await run(m, '', '');
      expect(r.reward).toBe(0);
      expect(r.metadata.errors.other_error).toBe(false);
    }
  });

  it('a ROUGE side without tokens is named in the summary', async () => {
    const r = await run('rouge_l', '東京', 'tokyo');
    expect(r.reward).toBe(0);
    expect(r.explain!.summary).toContain('The input has no tokens');
  });

  it('details cross postMessage (plain JSON)', async () => {
    for (const m of ['bleu', 'gleu', 'rouge_2', 'rouge_l']) {
      const r = await run(m, 'the cat sat on the mat', 'the cat is on the mat');
      expect(structuredClone(r.explain!.details)).toEqual(r.explain!.details);
      expect(JSON.parse(JSON.stringify(r.explain!.details))).toEqual(r.explain!.details);
    }
  });

  it('records the rendered input and reference', async () => {
    const r = await run('rouge_1', 'x', 'y');
    expect(r.explain!.rendered.map((f) => [f.pointer, f.rendered])).toEqual([
      ['/input', 'x'],
      ['/reference', 'y'],
    ]);
  });

  it('a missing template variable is invalid_variable_error', async () => {
    const r = await runGrader(grader('bleu', { reference: '{{item.nope}}' }), { output_text: 'a' }, {});
    expect(r.metadata.errors.invalid_variable_error).toBe(true);
    expect(r.reward).toBe(0);
  });
});

describe('text_similarity grader: cosine', () => {
  it('fails clearly without a model endpoint: it needs embeddings (model/cosine.test.ts covers the endpoint)', async () => {
    const r = await run('cosine', 'a', 'a');
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.model_grader_server_error).toBe(true);
    expect(r.explain!.summary).toContain('embeddings');
    expect(r.explain!.problems[0]!.pointer).toBe('/evaluation_metric');
  });
});

describe('brief runs (datasets)', () => {
  it('give the same reward without the fuzzy alignment', async () => {
    const g = { type: 'text_similarity', name: 'f', input: '{{ sample.output_text }}', reference: 'receive the package tomorrow', evaluation_metric: 'fuzzy_match' };
    const s = { output_text: 'recieve the pakage tomorow' };
    const full = await runGrader(g, s, {});
    const brief = await runGrader(g, s, {}, { explain: false });
    expect(brief.reward).toBe(full.reward);
    expect(full.explain?.details).toHaveProperty('matchedInput');
    expect(brief.explain?.details).not.toHaveProperty('matchedInput');
  });

  it('give the same BLEU reward and counts, with a fixed summary instead of the per-order sentence', async () => {
    const g = { type: 'text_similarity', name: 'b', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'bleu' };
    for (const [out, ref] of [
      ['the cat sat on the mat today', 'the cat sat on the mat'],
      ['a b c d e', 'a b x y z'],
      ['nothing shared here', 'at all'],
    ] as const) {
      const full = await runGrader(g, { output_text: out }, { reference: ref });
      const brief = await runGrader(g, { output_text: out }, { reference: ref }, { explain: false });
      expect(brief.reward).toBe(full.reward);
      expect(brief.metadata).toEqual({ ...full.metadata, execution_time: brief.metadata.execution_time });
      expect(full.explain!.summary).toMatch(/BLEU/);
      expect(brief.explain!.summary).toBe('BLEU: geometric mean of the 1–4-gram precisions × brevity penalty (a dataset run: no n-gram table).');
      const counts = (r: typeof full) => (r.explain!.details as { orders: { numerator: number; denominator: number }[] }).orders.map((o) => [o.numerator, o.denominator]);
      expect(counts(brief)).toEqual(counts(full));
    }
  });
});
