import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, splitShellWords } from './shell.ts';

/** The words the system's POSIX shell makes of `text` (no `$` in test inputs, so nothing expands). */
function shWords(text: string): string[] {
  const out = execFileSync('sh', ['-c', `set -- ${text}\nfor a; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  return out === '' ? [] : out.slice(0, -1).split('\0');
}

const words = (text: string) => {
  const r = splitShellWords(text);
  if (!r.ok) throw new Error(r.message);
  return r.words;
};

describe('shellQuote', () => {
  const tricky = ["it's", "'''", '\\', 'a\nb\n', '$HOME `id` $(id) "x"', 'naïve 😀 日本', '', ' lead and trail ', '{"a": "it\'s"}', '!event', '\t*?[a]'];
  it('gives one word that sh reads back exactly', () => {
    for (const s of tricky) expect(shWords(shellQuote(s)), JSON.stringify(s)).toEqual([s]);
  });
  it("escapes a quote as '\\''", () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
  it('round-trips through our own splitter', () => {
    for (const s of tricky) expect(words(`curl ${shellQuote(s)}`)).toEqual(['curl', s]);
  });
});

describe('splitShellWords', () => {
  const cases = [
    `curl https://x/y \\\n  -H "Content-Type: application/json" \\\n  -d '{"a": 1}'`,
    `a"b"'c'd e\\ f`,
    `"double \\" quote" "back\\\\slash" "keep \\n as is" "\\\`tick"`,
    `'single \\ no escapes' "mixed 'inner'" 'x'"y"`,
    `"" '' empty`,
    `one\\\ntwo "multi\nline" 'also\nmulti'`,
    `"continued \\\nline"`,
    `tabs\tand   spaces`,
  ];
  for (const c of cases) {
    it(`agrees with sh on ${JSON.stringify(c).slice(0, 50)}`, () => {
      expect(words(c)).toEqual(shWords(c));
    });
  }

  it("reads bash's $'…' strings, with bytes as UTF-8", () => {
    expect(words(`$'a\\nb' $'it\\'s' $'caf\\xc3\\xa9' $'\\u00e9\\U0001F600' $'\\101\\x42' $'tab\\there' $'q\\"'`)).toEqual([
      'a\nb',
      "it's",
      'café',
      'é😀',
      'AB',
      'tab\there',
      'q"',
    ]);
  });

  it('skips comments and stops at pipes and redirections', () => {
    const r = splitShellWords("# a comment\ncurl -s 'x#y' # trailing\n | jq .");
    expect(r).toEqual({ ok: true, words: ['curl', '-s', 'x#y'], rest: '| jq .' });
    expect(splitShellWords('curl a > out.json')).toEqual({ ok: true, words: ['curl', 'a'], rest: '> out.json' });
  });

  it('says when a quote is never closed', () => {
    for (const bad of [`curl -d '{"a": 1}`, 'curl -d "abc', "curl $'abc"]) {
      const r = splitShellWords(bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(/never closed.*cut off/);
    }
  });

  it('handles Windows line ends in continuations', () => {
    expect(words('curl a \\\r\n  -d b')).toEqual(['curl', 'a', '-d', 'b']);
  });
});
