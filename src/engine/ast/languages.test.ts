import { parse as napiParse, Lang, type SgNode as NapiNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { createAstEngine } from './engine.ts';
import { findLanguage, LANGUAGES, languageNames } from './languages.ts';
import { nodeAstAssets } from './node-assets.ts';
import type { AstCapture, AstFindResult, AstMatch, AstQuery } from './types.ts';

const engine = createAstEngine(nodeAstAssets);

describe('language names (ast-grep impl_aliases!, ASCII case-insensitive)', () => {
  it.each([
    ['javascript', 'javascript'], ['JS', 'javascript'], ['jsx', 'javascript'], ['TypeScript', 'typescript'],
    ['ts', 'typescript'], ['TSX', 'tsx'], ['py', 'python'], ['Python', 'python'], ['c++', 'cpp'], ['CXX', 'cpp'],
    ['cs', 'csharp'], ['golang', 'go'], ['rs', 'rust'], ['rb', 'ruby'], ['yml', 'yaml'],
  ])('%s -> %s', (alias, name) => expect(findLanguage(alias)?.name).toBe(name));

  it('rejects unknown names and non-ASCII look-alikes', () => {
    expect(findLanguage('cobol')).toBeUndefined();
    expect(findLanguage('')).toBeUndefined();
    // U+212A KELVIN SIGN lowercases to "k" in JS but not under Rust's eq_ignore_ascii_case.
    expect(findLanguage('\u212At')).toBeUndefined();
  });

  it('lists every alias once', () => {
    const names = languageNames();
    expect(new Set(names).size).toBe(names.length);
  });

  it('answers an unknown language with an error value', async () => {
    const got = await engine.findAll('cobol', 'x', 'x');
    expect(got).toHaveProperty('error');
    expect('error' in got && got.error.message).toContain('Unknown language `cobol`');
  });
});

type Brief = [text: string, single: Record<string, string>, multi: Record<string, string[]>];
/** Match texts and capture texts, for readable per-language expectations. */
function brief(result: AstFindResult): Brief[] | { error: string } {
  if ('error' in result) return { error: result.error.message };
  const texts = (captures: Record<string, AstCapture>) => Object.fromEntries(Object.entries(captures).map(([k, v]) => [k, v.text]));
  return result.matches.map((m: AstMatch) => [
    m.text,
    texts(m.single),
    Object.fromEntries(Object.entries(m.multi).map(([k, v]) => [k, v.map((c) => c.text)])),
  ]);
}

interface LanguageCase {
  lang: string;
  source: string;
  query: AstQuery;
  expected: Brief[];
  kind: string;
}

// One pattern per added grammar, checked against what ast-grep's documented semantics give (same-name
// captures, `$$$` lists with their punctuation, the language's expando character at work).
const cases: LanguageCase[] = [
  { lang: 'bash', source: 'echo hello\nrm -rf /tmp/x\nrm a\n', query: 'rm $$$ARGS', kind: 'command',
    expected: [['rm -rf /tmp/x', {}, { ARGS: ['-rf', '/tmp/x'] }], ['rm a', {}, { ARGS: ['a'] }]] },
  { lang: 'c', source: 'int main() { printf("%d", x); printf("hi"); return 0; }', query: 'printf($FMT, $$$REST)',
    kind: 'call_expression', expected: [['printf("%d", x)', { FMT: '"%d"' }, { REST: ['x'] }]] },
  { lang: 'cpp', source: 'int main() { std::vector<int> v; v.push_back(1); v.push_back(x + 1); }',
    query: '$V.push_back($X)', kind: 'call_expression',
    expected: [['v.push_back(1)', { V: 'v', X: '1' }, {}], ['v.push_back(x + 1)', { V: 'v', X: 'x + 1' }, {}]] },
  { lang: 'csharp', source: 'class A { void F() { Console.WriteLine(x); Console.WriteLine("y"); } }',
    query: 'Console.WriteLine($X)', kind: 'invocation_expression',
    expected: [['Console.WriteLine(x)', { X: 'x' }, {}], ['Console.WriteLine("y")', { X: '"y"' }, {}]] },
  { lang: 'css', source: 'a { color: red; margin: 0 }\np { color: #fff }', kind: 'declaration',
    query: { rule: { pattern: { context: 'a { color: $V }', selector: 'declaration' } } },
    expected: [['color: red;', { V: 'red' }, {}], ['color: #fff', { V: '#fff' }, {}]] },
  // A one-argument `fmt.Println(x)` pattern parses as a type conversion in Go; a function body as context
  // makes it a call, as ast-grep's docs advise.
  { lang: 'go', source: 'package main\nfunc main() { fmt.Println("hi", 1); fmt.Println(x) }\n', kind: 'call_expression',
    query: { rule: { pattern: { context: 'func f() { fmt.Println($$$A) }', selector: 'call_expression' } } },
    expected: [['fmt.Println("hi", 1)', {}, { A: ['"hi"', ',', '1'] }], ['fmt.Println(x)', {}, { A: ['x'] }]] },
  { lang: 'html', source: '<div class="a"><p>hi</p><p id="x">there</p></div>', query: '<p $$$ATTRS>$$$KIDS</p>',
    kind: 'element', expected: [['<p>hi</p>', {}, { ATTRS: [], KIDS: ['hi'] }], ['<p id="x">there</p>', {}, { ATTRS: ['id="x"'], KIDS: ['there'] }]] },
  { lang: 'java', source: 'class A { void f() { System.out.println(x); System.err.println(y); } }',
    query: 'System.$S.println($X)', kind: 'method_invocation',
    expected: [['System.out.println(x)', { S: 'out', X: 'x' }, {}], ['System.err.println(y)', { S: 'err', X: 'y' }, {}]] },
  // `$A` is not JSON, so JSON patterns are literal; rules do the work.
  { lang: 'json', source: '{"a": [1, 2], "b": {"c": true, "d": null}}', kind: 'pair',
    query: { rule: { kind: 'pair', has: { field: 'key', regex: '^"c"$' } } }, expected: [['"c": true', {}, {}]] },
  { lang: 'lua', source: 'local x = 1\nprint(x)\nprint("a", 2)\n', query: 'print($$$ARGS)', kind: 'function_call',
    expected: [['print(x)', {}, { ARGS: ['x'] }], ['print("a", 2)', {}, { ARGS: ['"a"', ',', '2'] }]] },
  // PHP's own `$x` variables stay variables: only `$` + capital letter is a metavariable (expando µ).
  { lang: 'php', source: '<?php\necho foo(1);\n$y = foo($x);\n', query: 'foo($A)', kind: 'function_call_expression',
    expected: [['foo(1)', { A: '1' }, {}], ['foo($x)', { A: '$x' }, {}]] },
  { lang: 'ruby', source: 'puts "hi"\nfoo(1, 2)\n', query: 'foo($$$ARGS)', kind: 'call',
    expected: [['foo(1, 2)', {}, { ARGS: ['1', ',', '2'] }]] },
  { lang: 'rust', source: 'fn main() { let v = foo(1, 2); let w = v.unwrap(); x.unwrap(); }', query: '$E.unwrap()',
    kind: 'call_expression', expected: [['v.unwrap()', { E: 'v' }, {}], ['x.unwrap()', { E: 'x' }, {}]] },
  { lang: 'yaml', source: 'name: ci\njobs:\n  build:\n    runs-on: ubuntu\n', query: 'runs-on: $OS',
    kind: 'block_mapping_pair', expected: [['runs-on: ubuntu', { OS: 'ubuntu' }, {}]] },
];

describe('added grammars parse and match', () => {
  it('covers every language beyond the corpus', () => {
    const covered = new Set(['javascript', 'typescript', 'tsx', 'python', ...cases.map((c) => c.lang)]);
    expect(LANGUAGES.map((l) => l.name).filter((n) => !covered.has(n))).toEqual([]);
  });
  for (const c of cases) {
    it(c.lang, async () => {
      const got = await engine.findAll(c.lang, c.source, c.query);
      expect(brief(got)).toStrictEqual(c.expected);
      if ('matches' in got) for (const m of got.matches) expect(m.kind).toBe(c.kind);
    });
  }

  it('C metavariables survive an astral expando character and astral source text', async () => {
    const got = await engine.findAll('c', 'int main() { char* s = "😀"; printf("%d😀", x); }', 'printf($A, $$$R)');
    expect(brief(got)).toStrictEqual([['printf("%d😀", x)', { A: '"%d😀"' }, { R: ['x'] }]]);
    // "int main() { char* s = \"" is 24 units, the emoji 2, then `"; `: printf starts at UTF-16 index 29.
    expect('matches' in got && got.matches[0]?.range.start).toStrictEqual({ line: 0, column: 29, index: 29 });
  });
});

// napi has CSS, HTML, JS, TS and TSX built in: compare full results live, ranges and captures included.
function napiFind(lang: Lang, source: string, query: AstQuery, single: string[], multi: string[]): AstMatch[] {
  const capture = (n: NapiNode): AstCapture => ({ text: n.text(), kind: String(n.kind()), named: n.isNamed(), range: n.range() });
  return napiParse(lang, source)
    .root()
    .findAll(query as string)
    .map((n) => ({
      text: n.text(),
      kind: String(n.kind()),
      range: n.range(),
      single: Object.fromEntries(single.flatMap((s) => { const m = n.getMatch(s); return m ? [[s, capture(m)]] : []; })),
      multi: Object.fromEntries(multi.map((s) => [s, n.getMultipleMatches(s).map(capture)])),
    }));
}

describe('agreement with @ast-grep/napi on its built-in CSS and HTML', () => {
  const live: [string, Lang, string, AstQuery, string[], string[]][] = [
    ['css', Lang.Css, 'a { color: red; margin: 0 }\n.b > p { color: #fff; }', { rule: { pattern: { context: 'a { color: $V }', selector: 'declaration' } } }, ['V'], []],
    ['css', Lang.Css, 'a, b { x: 1 } c { y: 2 }', { rule: { kind: 'rule_set', has: { kind: 'tag_name', regex: '^c$', stopBy: 'end' } } }, [], []],
    ['html', Lang.Html, '<ul><li class="x">a</li><li>b</li></ul>\n<li>c</li>', '<li $$$A>$$$K</li>', [], ['A', 'K']],
    ['html', Lang.Html, '<a href="/x">go</a> <a href="/y">stay</a>', '<a href=$H>$T</a>', ['H', 'T'], []],
  ];
  for (const [lang, napiLang, source, query, single, multi] of live) {
    it(`${lang} ${JSON.stringify(query)}`, async () => {
      const mine = await engine.findAll(lang, source, query);
      const theirs = napiFind(napiLang, source, query, single, multi);
      expect(theirs.length).toBeGreaterThan(0);
      expect(mine).toStrictEqual({ matches: theirs });
    });
  }
});
