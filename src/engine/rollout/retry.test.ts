import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_RETRY_AFTER_MS, retryable, serverDelayMs } from './retry.ts';

describe('retry rules', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503].filter(retryable)).toEqual([408, 409, 429, 500, 502, 503]);
  });
  it('reads retry-after-ms first, then Retry-After in seconds or as an HTTP date, capped', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(serverDelayMs('250', '9', now)).toBe(250);
    expect(serverDelayMs(null, '3', now)).toBe(3000);
    expect(serverDelayMs(null, 'Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(serverDelayMs(null, 'Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(serverDelayMs(null, '3600', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(serverDelayMs(null, 'soon', now)).toBeNull();
    expect(serverDelayMs(null, null, now)).toBeNull();
  });
  it('backs off exponentially from 0.5 s to 8 s, with up to 25% jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(1, () => 1)).toBe(375);
  });
});
