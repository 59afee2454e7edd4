/**
 * POSIX shell quoting, both ways, for the curl commands we write and read: `shellQuote` makes one argument
 * safe in single quotes; `splitShellWords` splits a pasted command into its words as bash would (single and
 * double quotes, `$'…'`, backslashes, line continuations, comments), without expanding anything: `$VAR` stays
 * `$VAR`. It never runs anything and stops at the first `|`, `;`, `&`, redirection or subshell.
 */

/** One shell word in single quotes; a `'` inside becomes `'\''` (close, escaped quote, reopen). */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export type SplitResult = { ok: true; words: string[]; rest: string } | { ok: false; message: string };

const CONTROL_ESCAPES: Record<string, number> = { a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63 };

/**
 * The body of a `$'…'` string starting at `i` (after `$'`): bash's escapes, where `\xHH` and octal escapes are
 * bytes, so `$'caf\xc3\xa9'` is "café" as in a UTF-8 terminal.
 */
function readAnsiC(text: string, i: number): { value: string; end: number } | null {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const pushText = (s: string) => bytes.push(...enc.encode(s));
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return { value: new TextDecoder().decode(new Uint8Array(bytes)), end: i + 1 };
    if (c !== '\\' || i + 1 >= text.length) {
      const cp = text.codePointAt(i)!;
      pushText(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = text[i + 1]!;
    i += 2;
    if (e in CONTROL_ESCAPES) {
      bytes.push(CONTROL_ESCAPES[e]!);
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{0,2}/.exec(text.slice(i))![0];
      bytes.push(parseInt(e + m, 8) & 0xff);
      i += m.length;
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i));
      if (m) {
        bytes.push(parseInt(m[0], 16));
        i += m[0].length;
      } else pushText('\\x');
    } else if (e === 'u' || e === 'U') {
      const m = (e === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(text.slice(i));
      const cp = m ? parseInt(m[0], 16) : NaN;
      if (m && cp <= 0x10ffff) {
        pushText(String.fromCodePoint(cp));
        i += m[0].length;
      } else pushText('\\' + e);
    } else if (e === 'c' && i < text.length) {
      bytes.push(text.charCodeAt(i) & 0x1f);
      i += 1;
    } else {
      pushText('\\' + e);
    }
  }
  return null;
}

/** Split a command line into words; `rest` is whatever followed an unquoted `|`, `;`, `&`, `<`, `>`, `(` or `)`. */
export function splitShellWords(text: string): SplitResult {
  const words: string[] = [];
  let word: string | null = null;
  const end = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
      i++;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2;
      else if (next === '\r' && text[i + 2] === '\n') i += 3;
      else if (next === undefined) i++;
      else {
        word = (word ?? '') + next;
        i += 2;
      }
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return { ok: false, message: 'A single quote (\') is never closed, so the command is incomplete. Was it cut off?' };
      word = (word ?? '') + text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"' || (c === '$' && text[i + 1] === '"')) {
      let j = c === '"' ? i + 1 : i + 2;
      let s = '';
      for (;;) {
        if (j >= text.length) return { ok: false, message: 'A double quote (") is never closed, so the command is incomplete. Was it cut off?' };
        const d = text[j]!;
        if (d === '"') break;
        if (d === '\\' && j + 1 < text.length) {
          const e = text[j + 1]!;
          if (e === '\n') j += 2;
          else if ('$`"\\'.includes(e)) {
            s += e;
            j += 2;
          } else {
            s += d;
            j += 1;
          }
          continue;
        }
        s += d;
        j++;
      }
      word = (word ?? '') + s;
      i = j + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const r = readAnsiC(text, i + 2);
      if (!r) return { ok: false, message: "A $'…' string is never closed, so the command is incomplete. Was it cut off?" };
      word = (word ?? '') + r.value;
      i = r.end;
    } else if (c === '#' && word === null) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ('|;&<>()'.includes(c)) {
      end();
      return { ok: true, words, rest: text.slice(i) };
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  end();
  return { ok: true, words, rest: '' };
}
