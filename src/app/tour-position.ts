/**
 * Where a tour card goes so that it never covers what it describes: beside the target (right, left, below,
 * above, in that order of preference), the first side with room for the whole card inside the viewport.
 * When no side has room (a target as large as the screen), the card goes where it covers the least.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
export type Side = 'right' | 'left' | 'below' | 'above' | 'over';

const MARGIN = 8;

export function placeBeside(target: Box, card: { width: number; height: number }, viewport: { width: number; height: number }, gap = 12): { left: number; top: number; side: Side } {
  const clampX = (x: number) => Math.max(MARGIN, Math.min(viewport.width - card.width - MARGIN, x));
  const clampY = (y: number) => Math.max(MARGIN, Math.min(viewport.height - card.height - MARGIN, y));
  const right = target.left + target.width;
  const bottom = target.top + target.height;
  const candidates: { side: Side; left: number; top: number; fits: boolean }[] = [
    { side: 'right', left: right + gap, top: clampY(target.top), fits: right + gap + card.width + MARGIN <= viewport.width },
    { side: 'left', left: target.left - gap - card.width, top: clampY(target.top), fits: target.left - gap - card.width >= MARGIN },
    { side: 'below', left: clampX(target.left), top: bottom + gap, fits: bottom + gap + card.height + MARGIN <= viewport.height },
    { side: 'above', left: clampX(target.left), top: target.top - gap - card.height, fits: target.top - gap - card.height >= MARGIN },
  ];
  const fit = candidates.find((c) => c.fits);
  if (fit) return { left: fit.left, top: fit.top, side: fit.side };
  // Nothing fits beside it: the corner of the viewport farthest from the target's centre.
  const cx = target.left + target.width / 2;
  const cy = target.top + target.height / 2;
  return {
    left: cx > viewport.width / 2 ? MARGIN : clampX(viewport.width - card.width - MARGIN),
    top: cy > viewport.height / 2 ? MARGIN : clampY(viewport.height - card.height - MARGIN),
    side: 'over',
  };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
