import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deflateRaw, fromBase64Url, inflate, sniffWrapper, toBase64Url } from './bytes.ts';

describe('base64url', () => {
  it('agrees with Node for any bytes, without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const ours = toBase64Url(bytes);
        expect(ours).toBe(Buffer.from(bytes).toString('base64url'));
        const back = fromBase64Url(ours);
        expect(back.ok && Array.from(back.bytes)).toEqual(Array.from(bytes));
        // Padded, standard-alphabet input reads the same.
        const std = fromBase64Url(Buffer.from(bytes).toString('base64'));
        expect(std.ok && Array.from(std.bytes)).toEqual(Array.from(bytes));
      }),
      { numRuns: 300 },
    );
  });
  it('names the first character outside the alphabet', () => {
    expect(fromBase64Url('abc.def')).toEqual({ ok: false, position: 3, char: '.' });
    expect(fromBase64Url('ab😀')).toEqual({ ok: false, position: 2, char: '😀' });
  });
});

describe('inflate', () => {
  it('inverts deflateRaw', async () => {
    const text = new TextEncoder().encode('grader '.repeat(1000) + '😀');
    const back = await inflate(await deflateRaw(text), 'deflate-raw', 1 << 20);
    expect(back.ok && new TextDecoder().decode(back.bytes)).toBe(new TextDecoder().decode(text));
  });
  it('tells a cut stream from a damaged one (Node codes)', async () => {
    const z = deflateRawSync(Buffer.from('x'.repeat(10_000) + 'y'.repeat(10_000)));
    expect(await inflate(z.subarray(0, z.length - 3), 'deflate-raw', 1 << 20)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(await inflate(Buffer.from([0xff, 0xff, 0xff, 0xff]), 'deflate-raw', 1 << 20)).toMatchObject({ ok: false, reason: 'corrupt' });
  });
  it('stops at the cap', async () => {
    const r = await inflate(deflateRawSync(Buffer.alloc(2_000_000)), 'deflate-raw', 1_000_000);
    expect(r).toMatchObject({ ok: false, reason: 'too_large' });
  });
  it('sniffs zlib and gzip headers, and not raw DEFLATE', () => {
    expect(sniffWrapper(deflateSync(Buffer.from('{"a":1}')))).toBe('deflate');
    expect(sniffWrapper(deflateSync(Buffer.from('{"a":1}'), { level: 1 }))).toBe('deflate');
    expect(sniffWrapper(gzipSync(Buffer.from('{"a":1}')))).toBe('gzip');
    expect(sniffWrapper(deflateRawSync(Buffer.from('{"grader": {}}')))).toBe(null);
    expect(sniffWrapper(new Uint8Array([0x78]))).toBe(null);
  });
});

describe('inflate, with a browser-like DecompressionStream (errors without zlib codes)', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** Like Chromium: bad data rejects the write of its chunk; a stream that stops early fails only on flush. */
  class BrowserLikeDecompressionStream extends TransformStream<Uint8Array, Uint8Array> {
    constructor(_format: string, flushMessage: string) {
      super({
        transform(chunk) {
          if (chunk[0] === 0xff) throw new TypeError('The compressed data was not valid.');
        },
        flush() {
          throw new TypeError(flushMessage);
        },
      });
    }
  }
  const stub = (flushMessage: string) =>
    vi.stubGlobal(
      'DecompressionStream',
      class extends BrowserLikeDecompressionStream {
        constructor(format: string) {
          super(format, flushMessage);
        }
      },
    );

  it('reads a failure at the final flush as truncation, whatever the message says', async () => {
    stub('Failed to decode.');
    expect(await inflate(new Uint8Array([1, 2, 3]), 'deflate-raw', 100)).toMatchObject({ ok: false, reason: 'truncated' });
  });
  it("knows Chromium's and Firefox's words for it", async () => {
    for (const m of ['Compressed input was truncated.', 'The input is ended without reaching the stream end']) {
      stub(m);
      expect(await inflate(new Uint8Array([1]), 'deflate-raw', 100)).toMatchObject({ ok: false, reason: 'truncated', detail: m });
    }
  });
  it('reads a rejected chunk as damage', async () => {
    stub('Failed to decode.');
    expect(await inflate(new Uint8Array([0xff, 1]), 'deflate-raw', 100)).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
