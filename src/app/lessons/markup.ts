/**
 * The lessons' only markup: `code` spans inside a paragraph. Splits text into plain and code runs for the
 * panel to render as text nodes (never as HTML, so a lesson text cannot inject markup).
 */
export interface Run {
  code: boolean;
  text: string;
}

/** Backtick pairs become code runs; an unpaired backtick is kept as a literal character. */
export function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ code: false, text: text.slice(last, m.index) });
    runs.push({ code: true, text: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ code: false, text: text.slice(last) });
  return runs;
}
