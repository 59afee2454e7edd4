import { describe, expect, it } from 'vitest';
import { capText, cappedJson, DEFAULT_CAP, formatCount, MAX_SHOWN, nextCap } from './cap.ts';

describe('capText', () => {
  it('keeps a short text whole', () => {
    expect(capText('short', 10)).toEqual({ shown: 'short', more: 0 });
    expect(capText('', 0)).toEqual({ shown: '', more: 0 });
  });

  it('shows the head and counts what is left out', () => {
    const text = 'a'.repeat(20_000_000) + 'END';
    const c = capText(text);
    expect(c.shown).toBe('a'.repeat(DEFAULT_CAP));
    expect(c.more).toBe(20_000_003 - DEFAULT_CAP);
    expect(c.shown.length + c.more).toBe(text.length);
  });

  it('never splits a surrogate pair', () => {
    const c = capText('ab😀cd', 3); // 'a', 'b', high surrogate | low surrogate
    expect(c).toEqual({ shown: 'ab', more: 4 });
    expect(capText('ab😀cd', 4)).toEqual({ shown: 'ab😀', more: 2 });
  });
});

describe('nextCap', () => {
  it('grows ten times each step, never past the text or MAX_SHOWN', () => {
    expect(nextCap(DEFAULT_CAP, 10_000_000)).toBe(DEFAULT_CAP * 10);
    expect(nextCap(DEFAULT_CAP * 10, 10_000_000)).toBe(MAX_SHOWN);
    expect(nextCap(DEFAULT_CAP, 5000)).toBe(5000);
  });
});

it('formatCount groups thousands', () => {
  expect(formatCount(19_996_000)).toBe('19,996,000');
  for (const n of [0, 7, 999, 1000, 12_345, 100_000, 999_999, 1_000_001, 123_456_789_012, -1, -1234, -1_234_567]) {
    expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  }
});

it('cappedJson cuts long strings and says how much is left out', () => {
  const json = cappedJson({ a: 'x'.repeat(10), b: ['y'.repeat(5000)] }, 8);
  expect(JSON.parse(json)).toEqual({ a: 'xxxxxxxx… [2 more characters]', b: ['yyyyyyyy… [4,992 more characters]'] });
});
