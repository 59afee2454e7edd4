import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataRuntime } from '../node-data.ts';
import { meteorFromStrings, meteorScore } from './meteor.ts';
import { pySplit } from './tokenize.ts';
import { loadWordNet, type WordNet } from './wordnet.ts';

interface Vector {
  id: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}
const vectors: Vector[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/text-metrics.json', import.meta.url), 'utf8'),
).vectors;
/** 400 random sentence pairs scored by NLTK 3.8 with and without WordNet (scripts/gen-nltk-fixtures.py). */
const random: { cases: Array<[string, string, number, number]> } = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/meteor-nltk.json', import.meta.url), 'utf8'),
);

const runtime = { data: nodeDataRuntime() };
let wn: WordNet;
beforeAll(async () => {
  wn = await loadWordNet(runtime);
});

function expectClose(actual: number, expected: number): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12);
}

describe('meteor golden vectors (NLTK 3.8 meteor_score on str.split tokens, WordNet 3.0)', () => {
  const mine = vectors.filter((v) => v.metric === 'meteor');
  it('has the 35 vectors', () => expect(mine.length).toBe(35));
  for (const v of mine) {
    it(v.id, async () => expectClose((await meteorFromStrings(v.reference, v.input, runtime)).score, v.expected));
  }
});

describe('meteor[no_wordnet] golden vectors (a WordNet whose synsets() is empty)', () => {
  const mine = vectors.filter((v) => v.metric === 'meteor[no_wordnet]');
  it('has the 35 vectors', () => expect(mine.length).toBe(35));
  for (const v of mine) {
    it(v.id, async () => {
      expectClose((await meteorFromStrings(v.reference, v.input, undefined, { wordnet: false })).score, v.expected);
      expectClose(meteorScore(pySplit(v.reference), pySplit(v.input), null).score, v.expected);
    });
  }
});

describe('meteor on random sentences against NLTK', () => {
  it('matches all 400 pairs with and without WordNet', () => {
    expect(random.cases.length).toBe(400);
    const synonymCases = random.cases.filter((c) => c[2] !== c[3]).length;
    expect(synonymCases).toBeGreaterThan(20);
    for (const [ref, hyp, withWn, withoutWn] of random.cases) {
      expectClose(meteorScore(pySplit(ref), pySplit(hyp), wn).score, withWn);
      expectClose(meteorScore(pySplit(ref), pySplit(hyp), null).score, withoutWn);
    }
  });
});

describe('meteor details', () => {
  it('explains the alignment with the stage of each match', () => {
    // NLTK: align_words -> [(0,0),(1,1),(2,2),(4,4),...,(8,8)], single_meteor_score = 0.8819444444444444.
    const r = meteorScore(pySplit('the dog runs and he is a great man'), pySplit('The dogs ran , he is a big man'), wn);
    expect(r.details.kind).toBe('meteor');
    const byHyp = Object.fromEntries(r.details.alignment.map((a) => [a.hypWord, [a.refWord, a.stage]]));
    expect(byHyp['The']).toEqual(['the', 'exact']);
    expect(byHyp['dogs']).toEqual(['dog', 'stem']);
    // The synonym stage sees stems: 'ran' (a WordNet exception form of 'run') meets 'runs' -> 'run'.
    expect(byHyp['ran']).toEqual(['runs', 'synonym']);
    expect(byHyp['big']).toEqual(['great', 'synonym']);
    expect(r.details.alignment.map((a) => [a.hyp, a.ref])).toEqual([0, 1, 2, 4, 5, 6, 7, 8].map((i) => [i, i]));
    expect(r.details.unmatchedHyp).toEqual([{ index: 3, word: ',' }]);
    expect(r.details.unmatchedRef).toEqual([{ index: 3, word: 'and' }]);
    expect(r.details.matches).toBe(8);
    expect(r.details.chunks).toBe(2);
    expectClose(r.score, 0.8819444444444444);
    expect(r.details.score).toBe(r.score);
    expect(JSON.parse(JSON.stringify(r.details))).toEqual(r.details);
  });
  it('takes the last matching reference word, scanning the hypothesis from its end', () => {
    const r = meteorScore(['a', 'x', 'a'], ['a', 'a'], null);
    expect(r.details.alignment.map((a) => [a.hyp, a.ref])).toEqual([
      [0, 0],
      [1, 2],
    ]);
  });
  it('gives 0 with finite details when a side is empty or nothing matches', () => {
    for (const [ref, hyp] of [[[], []], [['a'], []], [[], ['a']], [['a'], ['b']]] as const) {
      const r = meteorScore(ref, hyp, null);
      expect(r.score).toBe(0);
      expect(Object.values(r.details).every((v) => typeof v !== 'number' || Number.isFinite(v))).toBe(true);
    }
  });
  it('honours alpha, beta and gamma', () => {
    const ref = pySplit('fuzzy wuzzy was a bear');
    const hyp = pySplit('wuzzy fuzzy was a bear');
    const base = meteorScore(ref, hyp, null).details;
    const custom = meteorScore(ref, hyp, null, { alpha: 0.5, beta: 2, gamma: 0.25 }).details;
    expect(custom.fmean).toBe(1);
    expect(custom.penalty).toBe(0.25 * (3 / 5) ** 2);
    expect(base.penalty).toBe(0.5 * (3 / 5) ** 3);
  });
  it('works with any WordNet that only implements synonyms()', () => {
    const plain: WordNet = { synonyms: (w) => wn.synonyms(w) };
    for (const [ref, hyp, withWn] of random.cases.slice(0, 100)) {
      expectClose(meteorScore(pySplit(ref), pySplit(hyp), plain).score, withWn);
    }
  });
  it('needs a data runtime when WordNet is wanted', async () => {
    await expect(meteorFromStrings('a', 'a', {})).rejects.toThrow(/WordNet/);
  });
});
