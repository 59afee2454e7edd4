/**
 * The course texts' markup: `code` spans and `[label](chapter/step)` links to other steps. Split into runs the
 * components render as text nodes and anchors (never as HTML, so a text cannot inject markup).
 */
import { inlineRuns } from '../lessons/markup.ts';

export type CourseRun = { kind: 'text' | 'code'; text: string } | { kind: 'link'; text: string; path: string };

export function courseRuns(text: string): CourseRun[] {
  const out: CourseRun[] = [];
  const re = /\[([^\]]+)\]\(([a-z0-9-]+\/[a-z0-9-]+)\)/g;
  let last = 0;
  const plain = (s: string) => {
    for (const r of inlineRuns(s)) out.push({ kind: r.code ? 'code' : 'text', text: r.text });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) plain(text.slice(last, m.index));
    out.push({ kind: 'link', text: m[1]!, path: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) plain(text.slice(last));
  return out;
}
