import { describe, expect, it } from 'vitest';
import { ROW_MESSAGE_LIMIT, rowMessage } from './row-message.ts';

describe('rowMessage', () => {
  it('keeps a short message whole', () => {
    expect(rowMessage('ValueError: bad')).toBe('ValueError: bad');
  });

  it('keeps the head of a 1 MB message and says how much was left out', () => {
    const m = rowMessage('ValueError: ' + 'x'.repeat(1_000_000));
    expect(m.length).toBeLessThan(ROW_MESSAGE_LIMIT + 80);
    expect(m).toBe(`ValueError: ${'x'.repeat(ROW_MESSAGE_LIMIT - 12)}… [1,000,012 more characters: open the row to see all]`.replace('1,000,012', (1_000_012 - ROW_MESSAGE_LIMIT).toLocaleString('en-US')));
  });
});
