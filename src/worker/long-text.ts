/**
 * Long strings in a result, moved out of the structured clone: a grader can put 20 MB in an exception message.
 * The worker replaces every string longer than LONG_TEXT_HEAD by its head and sends the whole text once, as a
 * Blob: the worker encodes it, the structured clone carries only a handle, and the bytes live in the browser's
 * blob store, outside the app's JavaScript heap (an ArrayBuffer of them would count as the main thread's external
 * memory and set off its garbage collections, tens of milliseconds each). The app never decodes the whole text
 * to show it: copy and download hand the Blob itself to the browser.
 * Pure: no DOM, no worker globals (Blob is in every browser and in Node).
 */

/** Characters of a long string that stay in the result (as much as any view shows before reading the Blob). */
export const LONG_TEXT_HEAD = 200_000;

export interface LongText {
  /** What the result holds in place of the text. */
  head: string;
  /** The whole text's length (UTF-16 code units). */
  length: number;
  /** The whole text, UTF-8. */
  blob: Blob;
}

/** A copy of `value` with long strings cut to their heads, and the whole texts (each distinct text once). */
export function packLongStrings<T>(value: T, head = LONG_TEXT_HEAD): { value: T; texts: LongText[] } {
  const byText = new Map<string, LongText>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      if (v.length <= head) return v;
      let t = byText.get(v);
      if (!t) {
        // Never split a surrogate pair at the cut.
        const end = v.charCodeAt(head - 1) >= 0xd800 && v.charCodeAt(head - 1) <= 0xdbff ? head - 1 : head;
        t = { head: v.slice(0, end), length: v.length, blob: new Blob([v], { type: 'text/plain;charset=utf-8' }) };
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
