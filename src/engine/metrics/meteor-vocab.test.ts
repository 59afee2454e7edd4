import { describe, expect, it } from 'vitest';
import { MeteorVocab } from './meteor-vocab.ts';
import { porterStem } from './porter.ts';
import type { WordNet } from './wordnet.ts';

const tinyWordNet: WordNet = { synonyms: (w) => (w === 'big' ? ['large', 'big', 'great'] : []) };

describe('MeteorVocab', () => {
  it('interns the lowercase and the Porter stem of each token', () => {
    const v = new MeteorVocab();
    const t = v.token('Running');
    expect(v.stringOf(t.lower)).toBe('running');
    expect(v.stringOf(t.stem)).toBe(porterStem('running'));
    expect(v.token('RUNNING').stem).toBe(t.stem);
    expect(v.token('run').stem).toBe(t.stem);
  });
  it('keeps synonym sets as interned ids, falling back to synonyms() when there is no synonymSet', () => {
    const v = new MeteorVocab();
    const ids = v.synonymIds(tinyWordNet, v.intern('big'));
    expect([...ids].map((id) => v.stringOf(id))).toEqual(['large', 'big', 'great']);
    expect(v.synonymIds(tinyWordNet, v.intern('big'))).toBe(ids);
  });
  it('starts over once past its limit, giving the same strings afterwards', () => {
    const v = new MeteorVocab(3);
    const before = v.stringOf(v.token('Dogs').stem);
    v.token('cats');
    v.trim();
    expect(v.intern('zebra')).toBe(0);
    expect(v.stringOf(v.token('Dogs').stem)).toBe(before);
  });
});
