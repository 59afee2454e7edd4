/**
 * The playground's pane sizes and which panes are collapsed, as plain data kept in localStorage: the three
 * columns' shares of the width (grader, documents, result, in percent), the sample's share of the documents
 * column, and a collapsed flag per column. Parsing is forgiving: anything odd falls back to the defaults.
 */
export type Column = 0 | 1 | 2;

export interface PaneLayout {
  /** Percent of the width of each column; they sum to 100. */
  widths: [number, number, number];
  /** Percent of the documents column given to the sample (the item has the rest). */
  split: number;
  collapsed: [boolean, boolean, boolean];
}

export const DEFAULT_LAYOUT: PaneLayout = { widths: [37, 31, 32], split: 50, collapsed: [false, false, false] };
export const MIN_WIDTH = 12;
export const MIN_SPLIT = 15;
export const LAYOUT_KEY = 'gp.layout.v1';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function parseLayout(text: string | null): PaneLayout {
  try {
    const v = JSON.parse(text ?? 'null') as Partial<PaneLayout> | null;
    if (!v || typeof v !== 'object') return structuredClone(DEFAULT_LAYOUT);
    const w = v.widths;
    const widths =
      Array.isArray(w) && w.length === 3 && w.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= MIN_WIDTH) && Math.abs(w[0]! + w[1]! + w[2]! - 100) < 0.5
        ? ([w[0], w[1], w[2]] as [number, number, number])
        : ([...DEFAULT_LAYOUT.widths] as [number, number, number]);
    const split = typeof v.split === 'number' && Number.isFinite(v.split) ? clamp(v.split, MIN_SPLIT, 100 - MIN_SPLIT) : DEFAULT_LAYOUT.split;
    const c = v.collapsed;
    const collapsed = Array.isArray(c) && c.length === 3 ? (c.map((x) => x === true) as [boolean, boolean, boolean]) : ([false, false, false] as [boolean, boolean, boolean]);
    // Never all three collapsed: nothing would be left to show.
    if (collapsed.every(Boolean)) collapsed[0] = false;
    return { widths, split, collapsed };
  } catch {
    return structuredClone(DEFAULT_LAYOUT);
  }
}

/**
 * Move the border between column `left` and column `left + 1` by `delta` percent of the width; the two
 * neighbours trade width and neither goes below MIN_WIDTH. The other column keeps its width.
 */
export function moveBorder(widths: [number, number, number], left: 0 | 1, delta: number): [number, number, number] {
  const out: [number, number, number] = [...widths];
  const a = widths[left];
  const b = widths[left + 1]!;
  const d = clamp(delta, MIN_WIDTH - a, b - MIN_WIDTH);
  out[left] = a + d;
  out[left + 1] = b - d;
  return out;
}

export function moveSplit(split: number, delta: number): number {
  return clamp(split + delta, MIN_SPLIT, 100 - MIN_SPLIT);
}
