/**
 * Splitting code into runs for the AST panel's highlighted view: each run knows which matches cover it (nested
 * matches overlap) and whether it lies in a capture of the selected match or in the hovered tree node.
 * Offsets are UTF-16, as the engine reports them. Pure; the component only renders the runs.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Run {
  text: string;
  start: number;
  /** Indexes of the matches covering this run (outer first). */
  matches: number[];
  capture: boolean;
  hovered: boolean;
}

export function codeRuns(code: string, matches: readonly Span[], captures: readonly Span[], hovered: Span | null): Run[] {
  const cuts = new Set<number>([0, code.length]);
  const add = (s: Span) => {
    cuts.add(Math.max(0, Math.min(code.length, s.start)));
    cuts.add(Math.max(0, Math.min(code.length, s.end)));
  };
  matches.forEach(add);
  captures.forEach(add);
  if (hovered) add(hovered);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  const inside = (s: Span, a: number, b: number) => s.start <= a && b <= s.end && s.start < s.end;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (a === b) continue;
    runs.push({
      text: code.slice(a, b),
      start: a,
      matches: matches.flatMap((m, j) => (inside(m, a, b) ? [j] : [])),
      capture: captures.some((c) => inside(c, a, b)),
      hovered: hovered !== null && inside(hovered, a, b),
    });
  }
  return runs;
}
