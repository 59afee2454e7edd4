/**
 * A line diff of two texts (the grader JSON of two versions): longest common subsequence of lines, as a list of
 * kept / removed / added lines. Quadratic in lines, which is fine for graders (hundreds of lines); longer texts
 * are compared by their common head and tail only, so it never stalls.
 */
export type DiffLine = { op: ' ' | '-' | '+'; text: string };

const MAX_CELLS = 4_000_000;

export function lineDiff(a: string, b: string): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const out: DiffLine[] = x.slice(0, head).map((text) => ({ op: ' ', text }));
  if (xs.length * ys.length > MAX_CELLS) {
    out.push(...xs.map((text) => ({ op: '-' as const, text })), ...ys.map((text) => ({ op: '+' as const, text })));
  } else {
    const n = xs.length;
    const m = ys.length;
    const L = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = xs[i] === ys[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        out.push({ op: ' ', text: xs[i]! });
        i++;
        j++;
      } else if (j < m && (i === n || L[i]![j + 1]! > L[i + 1]![j]!)) out.push({ op: '+', text: ys[j++]! });
      else out.push({ op: '-', text: xs[i++]! });
    }
  }
  out.push(...x.slice(x.length - tail).map((text) => ({ op: ' ' as const, text })));
  return out;
}

/** Pretty JSON (2 spaces) of a grader text, so formatting does not show as a change; the text when it does not parse. */
export function prettyGrader(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
