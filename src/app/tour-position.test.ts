import { describe, expect, it } from 'vitest';
import { overlaps, placeBeside } from './tour-position.ts';

const card = { width: 320, height: 160 };
const vp = { width: 1440, height: 900 };

describe('placeBeside', () => {
  it('puts the card to the right of a target that leaves room there, without covering it', () => {
    const target = { left: 0, top: 60, width: 500, height: 800 };
    const p = placeBeside(target, card, vp);
    expect(p.side).toBe('right');
    expect(overlaps({ ...p, ...card }, target)).toBe(false);
  });

  it('uses the left, then below, then above when the right has no room', () => {
    expect(placeBeside({ left: 1000, top: 60, width: 440, height: 800 }, card, vp).side).toBe('left');
    const wide = { left: 0, top: 0, width: 1440, height: 40 };
    const p = placeBeside(wide, card, vp);
    expect(p.side).toBe('below');
    expect(overlaps({ ...p, ...card }, wide)).toBe(false);
    expect(placeBeside({ left: 0, top: 700, width: 1440, height: 200 }, card, vp).side).toBe('above');
  });

  it('keeps the card inside the viewport', () => {
    const p = placeBeside({ left: 10, top: 880, width: 40, height: 20 }, card, vp);
    expect(p.top + card.height).toBeLessThanOrEqual(vp.height);
    expect(p.left).toBeGreaterThanOrEqual(0);
  });

  it('goes to the far corner when no side has room (a target as large as a phone screen)', () => {
    const phone = { width: 390, height: 844 };
    const p = placeBeside({ left: 0, top: 100, width: 390, height: 700 }, card, phone);
    expect(p.side).toBe('over');
    expect(p.top).toBe(8); // the target's centre is in the lower half, so the card goes to the top
    expect(p.left + card.width).toBeLessThanOrEqual(phone.width);
  });
});
