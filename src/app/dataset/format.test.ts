import { describe, expect, it } from 'vitest';
import { roundReward } from './format.ts';

describe('roundReward', () => {
  it('keeps short values and marks rounded ones with an ellipsis', () => {
    expect(roundReward(1)).toBe('1');
    expect(roundReward(0.5)).toBe('0.5');
    expect(roundReward(0.1234)).toBe('0.1234');
    expect(roundReward(0.8164965809277261)).toBe('0.8165…');
    expect(roundReward(0.30000000000000004)).toBe('0.3…');
    expect(roundReward(0.99999999)).toBe('1…');
    expect(roundReward(NaN)).toBe('NaN');
  });
});
