import { describe, expect, it } from 'vitest';
import { allows, CONSENT_KEY, isForeign, readAllowed, writeAllowed } from './consent.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, length: 0 };
}

describe('model-call consent', () => {
  it("a workspace from a link, a file or #url= needs consent; the user's own does not", () => {
    expect(['link', 'url', 'import'].every((o) => isForeign(o as never))).toBe(true);
    expect(isForeign('local')).toBe(false);
    expect(isForeign(undefined)).toBe(false);
    expect(allows([], { id: 'a', origin: 'link' })).toBe(false);
    expect(allows([], { id: 'a', origin: 'local' })).toBe(true);
  });

  it('allowing one workspace allows only that one, kept for the session', () => {
    const storage = memoryStorage();
    writeAllowed(storage, ['a']);
    const ids = readAllowed(storage);
    expect(allows(ids, { id: 'a', origin: 'url' })).toBe(true);
    expect(allows(ids, { id: 'b', origin: 'url' })).toBe(false);
    storage.setItem(CONSENT_KEY, '{"not": "a list"}');
    expect(readAllowed(storage)).toEqual([]);
    storage.setItem(CONSENT_KEY, '[1, "c", null]');
    expect(readAllowed(storage)).toEqual(['c']);
  });
});
