import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortcuts } from './shortcuts.ts';

/** Every .svelte and .ts file of the app (tests aside). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the shortcut table', () => {
  it('names every key that a keydown handler of the app compares against', () => {
    const keys = new Set<string>();
    for (const file of sources(join(__dirname))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bkey\s*===\s*(?:back|fwd|'([^']+)')/g)) keys.add(m[1] ?? 'Arrow');
      for (const m of readFileSync(file, 'utf8').matchAll(/'(Arrow(?:Up|Down|Left|Right))'/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(5);
    const listed = shortcuts('Ctrl')
      .map((s) => s.keys.toLowerCase())
      .join(' | ');
    for (const key of keys) {
      // A letter counts only as a combination's last key (`Ctrl+S`), not inside a word such as "Enter".
      const pattern = key.startsWith('Arrow') ? /arrow keys/ : /^[a-z]$/i.test(key) ? new RegExp(`\\+${key.toLowerCase()}(?![a-z])`) : null;
      if (pattern) expect(listed, `the key ${key} is handled but not in the help`).toMatch(pattern);
      else expect(listed, `the key ${key} is handled but not in the help`).toContain(key.toLowerCase());
    }
  });

  it('lists each combination once', () => {
    const all = shortcuts('Ctrl').map((s) => s.keys);
    expect(new Set(all).size).toBe(all.length);
  });
});
