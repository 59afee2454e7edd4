/**
 * Long strings in a result, moved out of the structured clone: a grader can put 20 MB in an exception message,
 * and the app's main thread would spend hundreds of milliseconds deserializing each copy of it. The worker
 * replaces every string longer than LONG_TEXT_HEAD by its head and sends the whole text once, as UTF-8 bytes
 * in a transferred ArrayBuffer (no copy, no parse); the app decodes it only when a reader asks for more.
 * Pure: no DOM, no worker globals.
 */

/** Characters of a long string that stay in the result (more than any view shows before "show more"). */
export const LONG_TEXT_HEAD = 200_000;

export interface LongText {
  /** What the result holds in place of the text. */
  head: string;
  /** The whole text's length (UTF-16 code units). */
  length: number;
  /** The whole text, UTF-8. */
  bytes: ArrayBuffer;
}

/** A copy of `value` with long strings cut to their heads, and the whole texts (each distinct text once). */
export function packLongStrings<T>(value: T, head = LONG_TEXT_HEAD): { value: T; texts: LongText[] } {
  const byText = new Map<string, LongText>();
  const encoder = new TextEncoder();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      if (v.length <= head) return v;
      let t = byText.get(v);
      if (!t) {
        // Never split a surrogate pair at the cut.
        const end = v.charCodeAt(head - 1) >= 0xd800 && v.charCodeAt(head - 1) <= 0xdbff ? head - 1 : head;
        t = { head: v.slice(0, end), length: v.length, bytes: encoder.encode(v).buffer as ArrayBuffer };
        byText.set(v, t);
      }
      return t.head;
    }
    if (typeof v !== 'object' || v === null || depth > 200) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1);
    return out;
  };
  const packed = walk(value, 0) as T;
  return { value: packed, texts: [...byText.values()] };
}
