import { describe, expect, it } from 'vitest';
import { linkFingerprint, plainFingerprint } from './store.ts';

describe('link fingerprints', () => {
  it('are the same for the same link, with or without its #, and differ between links', async () => {
    expect(await linkFingerprint('#v1.abc')).toBe(await linkFingerprint('v1.abc'));
    expect(await linkFingerprint('v1.abc')).not.toBe(await linkFingerprint('v1.abd'));
    expect(await linkFingerprint('v1.abc')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('have a plain form for pages without SubtleCrypto (insecure contexts), stable and spread', () => {
    expect(plainFingerprint('v1.abc')).toBe(plainFingerprint('v1.abc'));
    expect(plainFingerprint('v1.abc')).toMatch(/^p[0-9a-f]{32}$/);
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => plainFingerprint(`v1.${i}`)));
    expect(seen.size).toBe(2000);
  });
});
