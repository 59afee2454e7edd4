/**
 * When to try a sampling request again, and after how long: 429 and 5xx (and 408, 409) are retried, as the
 * OpenAI SDKs do, after the server's own `retry-after-ms` / `Retry-After` (seconds or an HTTP date) when it gives
 * one (capped at 60 s), otherwise after an exponential backoff with jitter (0.5 s, 1 s, 2 s … up to 8 s, as the
 * SDKs). Other 4xx answers are final. Pure: the caller sleeps.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

export function retryable(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The wait the server asked for, in ms, or null when it asked for none we can read. */
export function serverDelayMs(retryAfterMs: string | null, retryAfter: string | null, now: number): number | null {
  if (retryAfterMs !== null && retryAfterMs.trim() !== '') {
    const ms = Number(retryAfterMs);
    if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  }
  if (retryAfter === null || retryAfter.trim() === '') return null;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(retryAfter);
  if (Number.isFinite(date)) return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
  return null;
}

/** Backoff before retry number `attempt` (1 for the first retry): 0.5 s · 2^(attempt−1), at most 8 s, less up to 25% jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** Math.max(0, attempt - 1), 8000);
  return base * (1 - 0.25 * random());
}
