import { describe, expect, it } from 'vitest';
import { packLongStrings } from './long-text.ts';

describe('packLongStrings', () => {
  it('cuts long strings to their head and sends each distinct text once, whole, as a UTF-8 Blob', async () => {
    const big = 'é'.repeat(30) + 'END';
    const { value, texts } = packLongStrings({ a: big, b: [big, 'short'], c: { d: 'x'.repeat(11), n: 1, z: null } }, 10);
    expect(value).toEqual({ a: 'é'.repeat(10), b: ['é'.repeat(10), 'short'], c: { d: 'x'.repeat(10), n: 1, z: null } });
    expect(texts).toHaveLength(2);
    expect(texts[0]!.blob).toBeInstanceOf(Blob);
    expect(texts[0]!.blob.size).toBe(new TextEncoder().encode(big).length);
    expect(await texts[0]!.blob.text()).toBe(big);
    expect(await texts[1]!.blob.text()).toBe('x'.repeat(11));
    expect(texts[0]).toMatchObject({ head: 'é'.repeat(10), length: 33 });
  });

  it('leaves a value without long strings equal, and never cuts a surrogate pair', () => {
    expect(packLongStrings({ a: 'ok', b: [1, true] }, 10)).toEqual({ value: { a: 'ok', b: [1, true] }, texts: [] });
    const { value } = packLongStrings('ab😀cd', 3);
    expect(value).toBe('ab');
  });
});
