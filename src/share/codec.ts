/**
 * Share links: `#v1.<payload>`, payload = base64url (no padding) of raw DEFLATE (RFC 1951) of the UTF-8 JSON
 * `{"grader": {...}, "sample": {...}, "item": {...}, "title"?, "notes"?, "settings"?, "engine"?}`, and
 * `#url=<https URL>` for the same JSON hosted elsewhere.
 *
 * Links never rot. The format version is the `v1.` prefix; `"engine"` is the engine version that made the link
 * (src/engine/changelog.ts; links made before it was recorded, and by other tools, have none). Every format ever
 * published keeps decoding: test/fixtures/share/links-by-version.json holds links of each, tested forever. A
 * new format gets a new prefix (v2.) and v1 stays readable.
 *
 * The link carries JSON *values*, as the public contract says, so other tools can build links with zlib and
 * json.dumps. The app side is lossless: the editors' texts are parsed with lossless-json and embedded with their
 * number lexemes (`1.0` stays `1.0`), and decoding gives back pretty texts (2-space indent, lexemes kept).
 * Formatting and key duplicates of the original texts are not kept: a link restores values, not keystrokes.
 * `settings` holds only whitelisted engine settings that differ from the defaults; nothing else of the app
 * (API keys above all) can reach a link.
 *
 * Every failure is a value with a kind and a sentence for the user; nothing here throws on bad input.
 * No DOM: `location` and `fetch` are the caller's (fetch is passed in).
 */
import { ENGINE_VERSION } from '../engine/engine-version.ts';
import { losslessJsonText, parseJson } from '../engine/json.ts';
import { deflateRaw, fromBase64Url, inflate, readAll, sniffWrapper, toBase64Url } from './bytes.ts';
import { docsToValue, MAX_WORKSPACE_BYTES, workspaceFromValue, type DocName, type OpenResult, type ShareDoc } from './doc.ts';
import { workspaceFromFileValue } from './workspace-file.ts';

export type { OpenedWorkspace, OpenError, OpenErrorKind, OpenResult, ShareDoc } from './doc.ts';
export { MAX_WORKSPACE_BYTES } from './doc.ts';

export const SHARE_VERSION = 1;

/** A fragment longer than this cannot inflate to MAX_WORKSPACE_BYTES of sensible JSON; refuse before decoding. */
const MAX_FRAGMENT_CHARS = Math.ceil((MAX_WORKSPACE_BYTES * 4) / 3) + 1024;

export type EncodeResult =
  | { ok: true; fragment: string }
  | { ok: false; error: { doc: DocName | 'workspace'; message: string } };

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The fragment (`v1.…`, without `#`) for a workspace, or which document keeps it from going into a link. */
export async function encodeShare(doc: ShareDoc): Promise<EncodeResult> {
  const value = docsToValue(doc);
  if (!value.ok) return { ok: false, error: { doc: value.doc, message: value.message } };
  value.value.engine = ENGINE_VERSION;
  const bytes = new TextEncoder().encode(losslessJsonText(value.value));
  if (bytes.byteLength > MAX_WORKSPACE_BYTES) {
    return {
      ok: false,
      error: {
        doc: 'workspace',
        message: `This workspace is ${MB(bytes.byteLength)} of JSON; a link holds at most ${MB(MAX_WORKSPACE_BYTES)}. Export it as a file instead.`,
      },
    };
  }
  return { ok: true, fragment: `v${SHARE_VERSION}.${toBase64Url(await deflateRaw(bytes))}` };
}

/** `<app URL>#<fragment>`, replacing any fragment the app URL already has. */
export function shareLink(appUrl: string, fragment: string): string {
  const hash = appUrl.indexOf('#');
  return `${hash < 0 ? appUrl : appUrl.slice(0, hash)}#${fragment}`;
}

const fail = (kind: 'malformed' | 'truncated' | 'future_version' | 'too_large', message: string): OpenResult => ({
  ok: false,
  error: { kind, message },
});

/** Open a share fragment (`#v1.…` or `v1.…`). */
export async function decodeShare(fragment: string): Promise<OpenResult> {
  let f = fragment.trim();
  if (f.length > MAX_FRAGMENT_CHARS) {
    return fail('too_large', `This link is ${MB(f.length)} long; links hold at most ${MB(MAX_WORKSPACE_BYTES)} of JSON. It was not opened.`);
  }
  // base64url never needs percent-encoding, but some apps escape a link anyway; line breaks come from mail.
  if (f.includes('%')) {
    try {
      f = decodeURIComponent(f);
    } catch {
      // Left as is: the base64 check below names the bad character.
    }
  }
  f = f.replace(/\s+/g, '');
  if (f.startsWith('#')) f = f.slice(1);
  const m = /^v(\d+)\./.exec(f);
  if (!m) {
    return fail('malformed', 'This is not a Grader Playground link: the part after "#" should start with "v1." followed by the workspace data.');
  }
  const version = Number(m[1]);
  if (version > SHARE_VERSION) {
    return fail(
      'future_version',
      `This link was made by a newer version of Grader Playground (link format v${m[1]}; this version opens v${SHARE_VERSION} links). Reload the page to get the newest version.`,
    );
  }
  if (version !== SHARE_VERSION) return fail('malformed', `This link has the unknown format "v${m[1]}"; this version opens v${SHARE_VERSION} links.`);
  const payload = f.slice(m[0].length);
  if (payload === '') return fail('truncated', `This link ends right after "v${SHARE_VERSION}.": the workspace data is missing. Was the link cut off?`);

  const decoded = fromBase64Url(payload);
  if (!decoded.ok) {
    return fail(
      'malformed',
      `This link contains ${JSON.stringify(decoded.char)} (character ${decoded.position + 1} of its data), which a share link never has. It was probably changed by the app it was sent through; copy the original link again.`,
    );
  }
  const warnings: string[] = [];
  let inflated = await inflate(decoded.bytes, 'deflate-raw', MAX_WORKSPACE_BYTES);
  const wrapper = sniffWrapper(decoded.bytes);
  if (!inflated.ok && inflated.reason !== 'too_large' && wrapper) {
    // zlib.compress() instead of a raw compressobj(-15) is the usual slip of hand-built links: open it, say so.
    const second = await inflate(decoded.bytes, wrapper, MAX_WORKSPACE_BYTES);
    if (second.ok || second.reason === 'too_large') {
      inflated = second;
      warnings.push(
        `This link's data has a ${wrapper === 'gzip' ? 'gzip' : 'zlib'} header; share links use raw DEFLATE (zlib.compressobj(9, zlib.DEFLATED, -15) in Python). It was opened anyway.`,
      );
    }
  }
  if (!inflated.ok) {
    if (inflated.reason === 'too_large') {
      return fail(
        'too_large',
        `This link expands to more than ${MB(MAX_WORKSPACE_BYTES)}, far more than any workspace needs, so it was not opened (it may be built to exhaust memory).`,
      );
    }
    if (inflated.reason === 'truncated') {
      return fail(
        'truncated',
        'This link is incomplete: its compressed data stops in the middle. It was probably cut off when it was copied or sent (some apps shorten long links). Ask for the whole link, or for the workspace as a file.',
      );
    }
    return fail('malformed', `This link is damaged: its data is not raw DEFLATE (${inflated.detail}). Copy the original link again.`);
  }

  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(inflated.bytes);
  } catch {
    return fail('malformed', 'This link decompressed to bytes that are not UTF-8 text, so it holds no workspace.');
  }
  const parsed = parseJson(json);
  if (!parsed.ok) {
    const e = parsed.error;
    return fail('malformed', `This link decompressed, but its content is not JSON (line ${e.line}, column ${e.column}: ${e.message}).`);
  }
  const opened = workspaceFromValue(parsed.value, 'This link');
  if (opened.ok) opened.doc.warnings.unshift(...warnings);
  return opened;
}

export type FragmentKind =
  | { kind: 'share'; fragment: string }
  | { kind: 'url'; url: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'none' };

/** An address a workspace may be loaded from: https, or http on this machine for local testing. */
export function checkWorkspaceUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `"${raw}" is not a web address; #url= needs an https:// address of a JSON file.` };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return { ok: true, url: url.href };
  return {
    ok: false,
    message: `#url= loads only https:// addresses (and http://localhost for local testing), not ${url.protocol.replace(/:$/, '')}: addresses.`,
  };
}

/** What the page's `location.hash` asks for. */
export function parseUrlFragment(hash: string): FragmentKind {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (/^v\d+\./.test(h.trim())) return { kind: 'share', fragment: h };
  if (h.startsWith('url=')) {
    let raw = h.slice(4);
    if (raw.includes('%')) {
      try {
        raw = decodeURIComponent(raw);
      } catch {
        return { kind: 'invalid', message: 'The address after #url= is not correctly percent-encoded.' };
      }
    }
    const checked = checkWorkspaceUrl(raw.trim());
    return checked.ok ? { kind: 'url', url: checked.url } : { kind: 'invalid', message: checked.message };
  }
  return { kind: 'none' };
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

const FETCH_TIMEOUT_MS = 20_000;

async function readCapped(res: Response): Promise<string | null> {
  if (!res.body) {
    const t = await res.text();
    return t.length > MAX_WORKSPACE_BYTES ? null : t;
  }
  const bytes = await readAll(res.body, MAX_WORKSPACE_BYTES);
  if (bytes === 'too_large') return null;
  return new TextDecoder().decode(bytes);
}

/**
 * Load a workspace hosted at `url` (the `#url=` form): a workspace file, the bare JSON a link carries, or a
 * `v1.…` fragment in a text file. Cookies are never sent: the address is someone else's.
 */
export async function loadWorkspaceFromUrl(url: string, fetchImpl: FetchLike = (u, i) => globalThis.fetch(u, i)): Promise<OpenResult> {
  const checked = checkWorkspaceUrl(url);
  if (!checked.ok) return fail('malformed', checked.message);
  const where = checked.url;
  let res: Response;
  try {
    const init: RequestInit = { credentials: 'omit', redirect: 'follow' };
    if (typeof AbortSignal !== 'undefined' && 'timeout' in AbortSignal) init.signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    res = await fetchImpl(where, init);
  } catch (e) {
    const name = (e as { name?: unknown })?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { ok: false, error: { kind: 'unreachable', message: `${where} did not answer within ${FETCH_TIMEOUT_MS / 1000} s.` } };
    }
    return {
      ok: false,
      error: {
        kind: 'unreachable',
        message: `Could not load ${where}: the request failed. Either the address cannot be reached, or its server does not let other sites read it (CORS: it must send "Access-Control-Allow-Origin"). Raw GitHub files (raw.githubusercontent.com) and gists allow it.`,
      },
    };
  }
  if (!res.ok) {
    return {
      ok: false,
      error: { kind: 'unreachable', message: `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${where}, not the workspace.` },
    };
  }
  const declared = Number(res.headers.get('content-length'));
  const text = declared > MAX_WORKSPACE_BYTES ? null : await readCapped(res);
  if (text === null) return fail('too_large', `${where} is larger than ${MB(MAX_WORKSPACE_BYTES)}, more than any workspace needs; it was not loaded.`);
  const trimmed = text.trim();
  if (/^#?v\d+\./.test(trimmed)) return decodeShare(trimmed);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const e = parsed.error;
    const html = trimmed.startsWith('<');
    return fail(
      'malformed',
      html
        ? `${where} is a web page, not JSON. Link to the raw file (on GitHub: the "Raw" button).`
        : `${where} is not JSON (line ${e.line}, column ${e.column}: ${e.message}).`,
    );
  }
  return workspaceFromFileValue(parsed.value, `The JSON at ${where}`);
}
