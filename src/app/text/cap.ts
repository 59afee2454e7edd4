/**
 * Capping text that came from the sandbox (tracebacks, stdout, judge replies, dataset messages) before it is
 * shown: a grader can return 50 MB, and laying that out freezes the page. Pure and O(limit): it never scans the
 * whole text (no line counting, no code-point counting), so a huge string costs nothing until someone asks for
 * all of it. Lengths are UTF-16 code units, the unit of `String.length`.
 */

/** Characters shown before the reader asks for more. */
export const DEFAULT_CAP = 4000;
/** The most characters ever laid out in the page; past this, copy or download the whole text. */
export const MAX_SHOWN = 200_000;

export interface Capped {
  /** The head of the text that is shown. */
  shown: string;
  /** How many characters are not shown (0 when the whole text is). */
  more: number;
}

/** The first `limit` characters of `text` (a surrogate pair is never split) and how many are left out. */
export function capText(text: string, limit: number = DEFAULT_CAP): Capped {
  const n = Math.max(0, Math.floor(limit));
  if (text.length <= n) return { shown: text, more: 0 };
  let end = n;
  // A high surrogate at the cut would leave half a character: cut before it.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { shown: text.slice(0, end), more: text.length - end };
}

/** The next, larger cap when the reader asks to see more: ten times as much, up to MAX_SHOWN. */
export function nextCap(current: number, length: number): number {
  return Math.min(length, MAX_SHOWN, Math.max(current * 10, DEFAULT_CAP));
}

/**
 * "1,234,567". Not `toLocaleString`: its first call sets up ICU's number formatting, several milliseconds on the
 * main thread at the moment a long text is first shown.
 */
export function formatCount(n: number): string {
  const s = String(Math.trunc(n));
  const digits = s.startsWith('-') ? s.slice(1) : s;
  return (s.startsWith('-') ? '-' : '') + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * JSON of a value for display, with each string longer than `limit` cut to its head and a note of how many
 * characters were left out: the replacer sees each string once and keeps O(limit) of it.
 */
export function cappedJson(value: unknown, limit: number = DEFAULT_CAP, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v !== 'string' || v.length <= limit) return v;
      const c = capText(v, limit);
      return `${c.shown}… [${formatCount(c.more)} more characters]`;
    },
    indent,
  );
}

/** A one-piece message (an editor marker, a tooltip) cut to `limit` characters with the count of the rest. */
export function cappedMessage(text: string, limit = 1000): string {
  const c = capText(text, limit);
  return c.more ? `${c.shown}… [${formatCount(c.more)} more characters]` : c.shown;
}
