import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataRuntime } from '../node-data.ts';
import { CompactWordNet, decodeWordNet, loadWordNet, parseWordNet, WORDNET_DATA_FILE, type WordNet } from './wordnet.ts';

/** NLTK 3.8 on WordNet 3.0: word -> lemma names (no "_") of wordnet.synsets(word) (scripts/gen-nltk-fixtures.py). */
const fixture: { cases: Array<[string, string[]]> } = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/wordnet-nltk.json', import.meta.url), 'utf8'),
);

let wn: WordNet;
beforeAll(async () => {
  wn = await loadWordNet({ data: nodeDataRuntime() });
});

describe('WordNet synonyms against NLTK 3.8 + WordNet 3.0', () => {
  it('has a sample of thousands of words', () => expect(fixture.cases.length).toBeGreaterThan(5000));
  it('gives the same lemma names, in the same order, for every sampled word', () => {
    const wrong = fixture.cases.filter(([w, names]) => JSON.stringify(wn.synonyms(w)) !== JSON.stringify(names));
    expect(wrong.map(([w, names]) => [w, names, wn.synonyms(w)])).toEqual([]);
  });
  it('finds the synonyms the golden METEOR vectors rely on', () => {
    expect(wn.synonyms('big')).toContain('great');
    expect(wn.synonyms('kid')).toContain('child');
    // METEOR looks up stems: 'automobil' is no WordNet lemma, so 'car' cannot match it.
    expect(wn.synonyms('automobil')).toEqual([]);
  });
  it('lowercases the word and uses the exception lists, as synsets() does', () => {
    expect(wn.synonyms('BIG')).toEqual(wn.synonyms('big'));
    expect(wn.synonyms('geese')).toContain('goose');
    expect((wn as CompactWordNet).morphy('geese', 'n')).toEqual(['goose']);
    expect((wn as CompactWordNet).morphy('churches', 'n')).toEqual(['church']);
    expect((wn as CompactWordNet).morphy('running', 'v')).toEqual(['run']);
  });
  it('terminates quickly on words that make morphy branch', () => {
    // NLTK strips suffixes level by level until a level hits the index; here 'es' and 'ese' (noun) appear.
    const t0 = performance.now();
    expect(wn.synonyms('es'.repeat(40))).toEqual(['ESE', 'einsteinium', 'Es', 'E']);
    expect(wn.synonyms('s'.repeat(200))).toEqual(['SSS']);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('WordNet data loading', () => {
  it('is cached: later loads return the same object', async () => {
    expect(await loadWordNet({ data: nodeDataRuntime() })).toBe(wn);
  });
  it('reads the file as stored (gzip) and uncompressed', async () => {
    const small = 'wordnet-synonyms 1 wordnet-3.0 1 2 1 0 0 0\nkid child\nchild\t+\nkid\t0\nkids kid\n';
    const fromGzip = await decodeWordNet(gzipSync(small));
    const fromText = parseWordNet(new TextEncoder().encode(small));
    expect(fromGzip.synonyms('kids')).toEqual(['kid', 'child']);
    expect(fromText.synonyms('child')).toEqual(['kid', 'child']);
  });
  it('rejects gzip in the synchronous parser and malformed files', () => {
    expect(() => parseWordNet(gzipSync('x'))).toThrow(/gzip/);
    expect(() => parseWordNet(new TextEncoder().encode('hello\n'))).toThrow(/wordnet-synonyms/);
    expect(() => parseWordNet(new TextEncoder().encode('wordnet-synonyms 1 wordnet-3.0 2 0 0 0 0 0\na\n'))).toThrow();
  });
  it('the shipped file is the WordNet 3.0 build, under 3 MB', () => {
    const bytes = readFileSync(new URL(`../../../public/data/${WORDNET_DATA_FILE}`, import.meta.url));
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024);
  });
});
