import { describe, expect, it } from 'vitest';
import { runGrader } from '../run.ts';
import { sqlLike } from './string-check.ts';

const grade = (operation: string, input: string, reference: string, settings = {}) =>
  runGrader(
    { type: 'string_check', name: 't', input: '{{ sample.output_text }}', reference: '{{ item.ref }}', operation },
    { output_text: input },
    { ref: reference },
    { settings },
  );

const cases: [string, string, string, number][] = [
  // eq / ne are exact and case-sensitive
  ['eq', 'Paris', 'Paris', 1],
  ['eq', 'Paris', 'paris', 0],
  ['eq', 'Paris ', 'Paris', 0],
  ['ne', 'Paris', 'paris', 1],
  ['ne', 'Paris', 'Paris', 0],
  // accents are not folded; composed and decomposed forms differ (no Unicode normalisation)
  ['eq', 'café', 'café', 1],
  ['eq', 'cafe\u0301', 'café', 0],
  ['ilike', 'CAFÉ au lait', 'café', 1],
  // like: input contains reference, case-sensitive; % and _ are literal
  ['like', 'The answer is 42.', '42', 1],
  ['like', 'The answer is 42.', 'Answer', 0],
  ['like', 'abc', 'a%c', 0],
  ['like', '100% sure', '100%', 1],
  ['like', 'a_b', '_', 1],
  ['like', 'anything', '', 1],
  // ilike: Python str.lower() on both sides
  ['ilike', 'The Answer Is 42', 'answer is', 1],
  // Turkish dotted capital I lowers to i + combining dot (U+0069 U+0307), not to plain i
  ['ilike', 'İstanbul', 'istanbul', 0],
  ['ilike', 'İstanbul', 'i̇stanbul', 1],
  ['ilike', 'ISTANBUL', 'istanbul', 1],
  // dotless ı stays dotless
  ['ilike', 'ı', 'i', 0],
  // German sharp s: lower() keeps ß; capital ẞ lowers to ß; no case folding to "ss"
  ['ilike', 'STRASSE', 'straße', 0],
  ['ilike', 'STRAẞE', 'straße', 1],
  ['ilike', 'Straße', 'STRASSE', 0],
  // Greek final sigma, as str.lower() does it
  ['ilike', 'ΟΔΟΣ', 'οδος', 1],
  // emoji and astral characters compare as they are
  ['eq', '👍🏽', '👍🏽', 1],
  ['eq', '👍🏽', '👍', 0],
  ['like', 'great 👍🏽 job', '👍', 1],
  ['ilike', '𝐀BC', '𝐀b', 1],
  // One Unicode version, the python graders' (CPython 3.14: Unicode 16), whatever the browser's: U+A7CE/U+A7CF
  // are a case pair only from Unicode 17 on; U+1C89 lower-cases to U+1C8A from Unicode 16 on.
  ['ilike', 'x\uA7CE', 'x\uA7CF', 0],
  ['ilike', '\u1C89', '\u1C8A', 1],
  ['ilike', 'ΣΑΣ\u0301 Σ', 'σας\u0301 σ', 1],
];

describe('string_check', () => {
  for (const [op, input, reference, expected] of cases) {
    it(`${op}(${JSON.stringify(input)}, ${JSON.stringify(reference)}) = ${expected}`, async () => {
      const r = await grade(op, input, reference);
      expect(r.reward).toBe(expected);
      expect(Object.values(r.metadata.errors).some((v) => v === true)).toBe(false);
    });
  }

  it('explains where eq first differs', async () => {
    const r = await grade('eq', 'Paris, France', 'Paris France');
    expect(r.explain?.details).toMatchObject({ kind: 'string_check', firstDifference: 5, passed: false });
  });

  it('explains where like matched, and says % and _ are literal', async () => {
    const r = await grade('like', 'it is 42', '42');
    expect(r.explain?.details).toMatchObject({ matchAt: 6 });
    expect(r.explain?.assumptions.map((a) => a.id)).toContain('like-literal');
  });

  it('treats % and _ as wildcards only when the SQL setting is on', async () => {
    expect((await grade('like', 'abc', 'a%c', { sqlLikeWildcards: true })).reward).toBe(1);
    expect((await grade('like', 'xabc', 'a%c', { sqlLikeWildcards: true })).reward).toBe(0);
    expect((await grade('ilike', 'ABC', 'a_c', { sqlLikeWildcards: true })).reward).toBe(1);
  });

  it('a missing variable gives reward 0 with invalid_variable_error naming the path', async () => {
    const r = await runGrader(
      { type: 'string_check', name: 't', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' },
      { output_text: 'x' },
      { ref: 'x' },
    );
    expect(r.reward).toBe(0);
    expect(r.metadata.errors.invalid_variable_error).toBe(true);
    expect(r.explain?.problems[0]).toMatchObject({ flag: 'invalid_variable_error', pointer: '/reference' });
    expect(r.explain?.problems[0]!.message).toContain('item.answer does not exist');
  });

  it('compares a rendered non-string value as its JSON text', async () => {
    const r = await runGrader(
      { type: 'string_check', name: 't', input: '{{ sample.output_json.n }}', reference: '1.0', operation: 'eq' },
      { output_json: { n: 1 } },
      {},
    );
    // A JS number 1 is an int; only the lossless parser keeps "1.0" as a float.
    expect(r.reward).toBe(0);
    expect(r.explain?.assumptions.map((a) => a.id)).toContain('template-json');
  });
});

describe('sqlLike', () => {
  it('anchors and escapes regex characters', () => {
    expect(sqlLike('a.c', 'a.c')).toBe(true);
    expect(sqlLike('abc', 'a.c')).toBe(false);
    expect(sqlLike('(x)', '(%)')).toBe(true);
    expect(sqlLike('😀', '_')).toBe(true);
  });
});
