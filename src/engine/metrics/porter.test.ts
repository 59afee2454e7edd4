import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { porterStem, type PorterMode } from './porter.ts';

/** NLTK 3.8's PorterStemmer(mode).stem(word) on ~6,900 words (see scripts/gen-nltk-fixtures.py). */
const fixture: { columns: string[]; cases: string[][] } = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/porter-nltk.json', import.meta.url), 'utf8'),
);
const MODES = fixture.columns.slice(1) as PorterMode[];

describe('porterStem against NLTK 3.8', () => {
  it('covers the three modes and thousands of words', () => {
    expect(MODES).toEqual(['NLTK_EXTENSIONS', 'MARTIN_EXTENSIONS', 'ORIGINAL_ALGORITHM']);
    expect(fixture.cases.length).toBeGreaterThan(6500);
  });
  MODES.forEach((mode, k) => {
    it(`${mode}: every word stems as NLTK does`, () => {
      const wrong = fixture.cases
        .filter((c) => porterStem(c[0] as string, mode) !== c[k + 1])
        .map((c) => [c[0], c[k + 1], porterStem(c[0] as string, mode)]);
      expect(wrong).toEqual([]);
    });
  });
});

describe('porterStem quirks kept from NLTK', () => {
  it('defaults to NLTK_EXTENSIONS, as PorterStemmer() does', () => {
    expect(porterStem('generalli')).toBe(porterStem('generalli', 'NLTK_EXTENSIONS'));
    expect(porterStem('dying')).toBe('die');
    expect(porterStem('dying', 'MARTIN_EXTENSIONS')).toBe('dy');
  });
  it('looks the irregular forms up before lowercasing', () => {
    expect(porterStem('skies')).toBe('sky');
    expect(porterStem('Skies')).toBe('ski');
  });
  it('leaves words of up to two characters alone except in the original algorithm', () => {
    expect(porterStem('IS')).toBe('is');
    expect(porterStem('is', 'ORIGINAL_ALGORITHM')).toBe('i');
  });
  it('treats a literal "*d" as the double-consonant rule', () => {
    expect(porterStem('ab*ded')).toBe('abd');
  });
  it('counts code points, not UTF-16 units', () => {
    // 😀😀 is a double consonant to Python, so the doubled letter is dropped before -ing.
    expect(porterStem('a😀😀ing')).toBe('a😀');
    expect(porterStem('😀s')).toBe('😀s');
  });
  it('returns the memoised value on repeated calls', () => {
    expect(porterStem('relational')).toBe('relat');
    expect(porterStem('relational')).toBe('relat');
  });
});
