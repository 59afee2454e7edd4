/**
 * The whole texts behind long strings of the newest results (src/worker/long-text.ts): a result holds a
 * 200,000-character head, and a view that shows it looks the head up here to count the rest and to copy or
 * download the whole (a Blob: the text is never decoded on the main thread). Bounded:
 * the oldest entries go (a later result's texts replace an earlier one's).
 */
import type { LongText } from '../../worker/long-text.ts';

const MAX_ENTRIES = 64;
const byHead = new Map<string, LongText>();

export function registerLongTexts(texts: readonly LongText[] | undefined): void {
  for (const t of texts ?? []) {
    if (!t || typeof t.head !== 'string' || !(t.blob instanceof Blob) || !Number.isSafeInteger(t.length)) continue;
    byHead.delete(t.head);
    byHead.set(t.head, t);
    while (byHead.size > MAX_ENTRIES) byHead.delete(byHead.keys().next().value!);
  }
}

/** The whole text `head` stands for, if it is the head of a long text. */
export function longTextOf(head: string): LongText | undefined {
  return byHead.get(head);
}

/** The whole text as a plain-text Blob to copy or download (its own type, set in the sandbox, is not used). */
export function longTextBlob(t: LongText): Blob {
  return new Blob([t.blob], { type: 'text/plain;charset=utf-8' });
}
