/**
 * The byte layer of share links: base64url without padding, and raw DEFLATE through the platform's
 * CompressionStream / DecompressionStream (browsers and Node 20 have both; no library). Inflating is capped,
 * because a link is untrusted input and a few kilobytes can inflate to gigabytes. Knows nothing of JSON.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
// Standard base64 letters too: a tool that used b64encode instead of urlsafe_b64encode still opens.
DECODE['+'.charCodeAt(0)] = 62;
DECODE['/'.charCodeAt(0)] = 63;

/** base64url without `=` padding: chat apps and mail clients drop or mangle a trailing `=`. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; position: number; char: string };

/**
 * Decode base64url (padding optional, `+`/`/` accepted). Bits left over after the last whole byte are ignored:
 * a cut link then fails at the inflate step, which can say "truncated" rather than "bad character".
 */
export function fromBase64Url(text: string): Base64Result {
  const end = text.replace(/=+$/, '').length;
  const bytes = new Uint8Array(Math.floor((end * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) return { ok: false, position: i, char: String.fromCodePoint(text.codePointAt(i)!) };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}

/** Read a stream to the end, giving up (and cancelling it) past `maxBytes`. */
export async function readAll(readable: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | 'too_large'> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the inflater at once instead of letting it fill memory.
      await reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Feed all bytes, then close. Resolves with the step that failed, if any (errors also surface on the readable). */
function pump(writable: WritableStream<BufferSource>, bytes: Uint8Array): Promise<'closed' | 'write_failed' | 'close_failed'> {
  const writer = writable.getWriter();
  return writer.write(bytes as Uint8Array<ArrayBuffer>).then(
    () => writer.close().then(() => 'closed' as const, () => 'close_failed' as const),
    () => 'write_failed' as const,
  );
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const cs = new CompressionStream('deflate-raw');
  void pump(cs.writable, bytes);
  const out = await readAll(cs.readable, Number.MAX_SAFE_INTEGER);
  if (out === 'too_large') throw new Error('unreachable');
  return out;
}

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'truncated' | 'corrupt' | 'too_large'; detail: string };

/**
 * Inflate with a cap on the output. A link cut short and a damaged link fail differently: Node's zlib says
 * Z_BUF_ERROR vs Z_DATA_ERROR; browsers reject the write of a chunk that holds bad data, and only the final
 * flush of a stream that stops early (their messages, "…truncated", "…without reaching the stream end", vary).
 */
export async function inflate(bytes: Uint8Array, format: CompressionFormat, maxBytes: number): Promise<InflateResult> {
  const ds = new DecompressionStream(format);
  const pumped = pump(ds.writable, bytes);
  try {
    const out = await readAll(ds.readable, maxBytes);
    if (out === 'too_large') return { ok: false, reason: 'too_large', detail: `more than ${maxBytes} bytes` };
    return { ok: true, bytes: out };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: unknown })?.code;
    let truncated: boolean;
    if (typeof code === 'string' && code.startsWith('Z_')) truncated = code === 'Z_BUF_ERROR';
    else truncated = /unexpected end|truncat|incomplete|stream end|ended/i.test(detail) || (await pumped) === 'close_failed';
    return { ok: false, reason: truncated ? 'truncated' : 'corrupt', detail };
  }
}

/** The stream format a compressed payload most likely uses, from its first bytes (zlib and gzip have headers). */
export function sniffWrapper(bytes: Uint8Array): 'deflate' | 'gzip' | null {
  const a = bytes[0];
  const b = bytes[1];
  if (a === undefined || b === undefined) return null;
  if (a === 0x1f && b === 0x8b) return 'gzip';
  // zlib header: compression method 8, window <= 32K, header checksum divisible by 31 (RFC 1950).
  if ((a & 0x0f) === 8 && a >> 4 <= 7 && ((a << 8) | b) % 31 === 0) return 'deflate';
  return null;
}
