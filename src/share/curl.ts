/**
 * Reads a pasted curl command (as our export writes it, as OpenAI's docs print it, or as a browser's
 * "Copy as cURL (bash)" gives it): the URL, the method, the headers and the JSON body. It understands curl's
 * option syntax well enough to skip options it does not need, and says so when the body is not in the command
 * (`@file`, `@-`, `-F`). It never runs, fetches or keeps anything; a literal API key in a header is reported so
 * the user can revoke it, and dropped.
 */
import { splitShellWords } from './shell.ts';

export interface CurlRequest {
  url: string | null;
  method: string;
  headers: [string, string][];
  /** The request body as curl would send it (several -d joined with `&`, as curl does), or null. */
  body: string | null;
  notes: string[];
}

export type CurlResult = { ok: true; request: CurlRequest } | { ok: false; message: string };

const DATA = new Set(['-d', '--data', '--data-ascii', '--data-binary', '--data-raw', '--json']);
// Options whose next word is their value (so it is not mistaken for the URL).
const WITH_VALUE = new Set([
  '-X', '--request', '-H', '--header', '-u', '--user', '-o', '--output', '-A', '--user-agent', '-e', '--referer',
  '-b', '--cookie', '-c', '--cookie-jar', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '-x',
  '--proxy', '-F', '--form', '--form-string', '-T', '--upload-file', '--url', '-K', '--config', '--retry',
  '--retry-delay', '--retry-max-time', '-r', '--range', '-E', '--cert', '--cacert', '--key', '--limit-rate', '-y',
  '--speed-time', '-Y', '--speed-limit', '--resolve', '--interface', '--max-redirs', '-z', '--time-cond',
  '--oauth2-bearer', '--aws-sigv4', '--netrc-file', '--proto', '--proto-redir', '--data-urlencode', '--url-query',
  '--variable', '--expand-data', '--trace', '--trace-ascii', '--stderr', '--dump-header', '-D', '--unix-socket',
  '--capath', '--ciphers', '--cert-type', '--key-type', '--pass', '--hostpubmd5', '--keepalive-time', '--local-port',
  ...DATA,
]);
const SHORT_WITH_VALUE = new Set([...WITH_VALUE].filter((o) => /^-[A-Za-z]$/.test(o)).map((o) => o[1]!));

function looksLikeKey(value: string): boolean {
  return !value.includes('$') && /\b(sk-[A-Za-z0-9_-]{8,}|Bearer\s+[A-Za-z0-9._-]{16,})/.test(value);
}

export function parseCurl(text: string): CurlResult {
  const split = splitShellWords(text.trim().replace(/^\$\s+/, ''));
  if (!split.ok) return { ok: false, message: `This curl command cannot be read: ${split.message}` };
  const words = split.words;
  if (!/^curl(\.exe)?$/.test(words[0] ?? '')) return { ok: false, message: 'This is not a curl command: it should start with "curl".' };
  const req: CurlRequest = { url: null, method: '', headers: [], body: null, notes: [] };
  const data: string[] = [];
  let keyFound = false;

  const take = (opt: string, value: string | undefined): string | null => {
    if (value === undefined) return null;
    switch (opt) {
      case '-X':
      case '--request':
        req.method = value.toUpperCase();
        break;
      case '-H':
      case '--header': {
        const colon = value.indexOf(':');
        const name = colon < 0 ? value.trim() : value.slice(0, colon).trim();
        const v = colon < 0 ? '' : value.slice(colon + 1).trim();
        if (looksLikeKey(v)) keyFound = true;
        else req.headers.push([name, v]);
        break;
      }
      case '--oauth2-bearer':
      case '-u':
      case '--user':
        if (looksLikeKey(value) || /^sk-/.test(value)) keyFound = true;
        break;
      case '--url':
        req.url = value;
        break;
      case '-F':
      case '--form':
      case '--form-string':
        return 'This curl command sends a multipart form (-F), not a JSON body; nothing here takes a form.';
      case '-T':
      case '--upload-file':
        return `This curl command uploads the file ${value} (-T) as its body; paste the JSON itself, or the command with -d '<json>'.`;
      case '--data-urlencode':
        return 'This curl command url-encodes its data (--data-urlencode); the graders endpoints take a JSON body: use -d.';
      default:
        if (!DATA.has(opt)) break;
        if (opt !== '--data-raw' && value.startsWith('@')) {
          return value === '@-'
            ? 'This curl command reads its body from standard input (@-), which a pasted command does not include. Paste the JSON body itself.'
            : `This curl command reads its body from the file ${value.slice(1)} (${opt} ${value}); the file is not in the command. Paste the JSON body itself.`;
        }
        data.push(value);
        if (opt === '--json') req.headers.push(['Content-Type', 'application/json']);
    }
    return null;
  };

  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    let problem: string | null = null;
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const opt = eq > 0 ? w.slice(0, eq) : w;
      if (WITH_VALUE.has(opt)) problem = take(opt, eq > 0 ? w.slice(eq + 1) : words[++i]);
      else if (opt === '--get') req.notes.push('The command uses --get, which sends the data in the URL; it was read as a body.');
    } else if (w.startsWith('-') && w.length > 1) {
      // Grouped short options (-sS, -sSL, -XPOST, -d'{...}'): the first one that takes a value ends the group.
      for (let j = 1; j < w.length; j++) {
        const letter = w[j]!;
        if (SHORT_WITH_VALUE.has(letter)) {
          const rest = w.slice(j + 1);
          problem = take(`-${letter}`, rest !== '' ? rest : words[++i]);
          break;
        }
      }
    } else if (req.url === null) {
      req.url = w;
    }
    if (problem) return { ok: false, message: problem };
  }
  if (data.length > 0) req.body = data.join('&');
  req.method ||= req.body === null ? 'GET' : 'POST';
  if (keyFound) {
    req.notes.push('The command contains what looks like an API key; it was not kept. If you shared this command, revoke that key. Our exports read $OPENAI_API_KEY instead.');
  }
  if (split.rest.trim() !== '') req.notes.push(`Ignored what follows the curl command: ${JSON.stringify(split.rest.trim().slice(0, 40))}.`);
  return { ok: true, request: req };
}
