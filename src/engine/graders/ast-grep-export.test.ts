/**
 * "Export as python grader" for ast_grep: the Python twin of the code-block rules finds exactly the blocks
 * ast/blocks.ts finds (hand-picked and generated answers), and the exported python grader gives the same
 * reward as the ast_grep grader on several graders and samples (both run here: ast_grep_py in Pyodide).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCodeBlocks } from '../ast/blocks.ts';
import { createAstEngine } from '../ast/engine.ts';
import { nodeAstAssets } from '../ast/node-assets.ts';
import { createNodePythonRuntime } from '../python/node.ts';
import type { SupervisedPythonRuntime } from '../python/supervisor.ts';
import { runGrader } from '../run.ts';
import type { EngineRuntime } from '../runtime.ts';
import type { AstGrepGrader } from '../types.ts';
import { exportAstGrepAsPython, pythonCodeBlocks, pythonLiteral } from './ast-grep-export.ts';

let python: SupervisedPythonRuntime;
let runtime: EngineRuntime;

beforeAll(async () => {
  python = createNodePythonRuntime();
  await python.prepare();
  runtime = { ast: createAstEngine(nodeAstAssets), python };
}, 180_000);

afterAll(() => python.close());

const HAND_PICKED = [
  'Intro\n```ts\nconst a = 1;\n```\nand\n~~~python\nprint(1)\n~~~\n',
  '```ts title="src/pay.ts"\nx\n```',
  "```python filename='app/main.py'\nx\n```",
  '```typescript:src/pay.ts\nx\n```\n```js src/a.js\ny\n```\n```src/pay.tsx\nz\n```',
  '**src/pay.ts**\n\n```\nconst a = 1\n```\n### `lib/x.rb`\n```\nputs 1\n```\nCreate `a/b.py`:\n```\nx\n```',
  'File: src/pay.ts\n```\nx\n```\n- tests/t.py\n```\ny\n```\n> q.go\n```\nz\n```\nEdit `a.ts` and `b.ts`:\n```\nw\n```',
  '```\nsrc/x.ts\n```\n```js\ny\n```',
  '```\n// src/pay.ts\nconst a = 1\n```\n```py\n# file: tools/run.py\nx = 1\n```\n```\n/* s.css */\na{}\n```',
  '```Python3\nx\n```\n```sh\nls\n```\n```JSX\n<a/>\n```\n```text\nhi\n```\n```constructor\nx\n```\n```a.toString\ny\n```',
  '````md\n```js\nx\n```\n````',
  '```js\nlet a\nlet b',
  '```a`b```',
  '```js\r\nx\r\n```\r\n',
  'def f():\n    return 1\n',
  '   \n',
  '',
  '```\u2028js\nx\n```\n```js\u2028\ny\n```',
  'Path: lib/x.rb:\n```\nputs 1\n```\n1. `src/ü.ts`\n```\nx\n```\n😀 a.ts\n```\nb\n```',
];

const LINES = [
  '```', '```ts', '```python', '~~~', '~~~js', '````', '   ```rust', '    ```go', '```ts title="src/a.ts"', '```js:lib/b.js',
  '```text notes.md', '**src/c.py**', '`x/y.go`:', 'File: d.rb', '// e.ts', '# f.py', 'let a = 1;', 'print("hi")', '',
  '  ', 'Here is the code:', '- item.ts', '```C#', '```PY3', '\r', '```\r', 'x = "😀"', 'Édité `é.ts`:',
];

async function pythonBlocks(texts: string[]): Promise<unknown[]> {
  const source = `import json\nimport re\n\n${pythonCodeBlocks()}\n\ndef grade(sample, item):\n    print(json.dumps([code_blocks(t) for t in item["texts"]]))\n    return 1.0\n`;
  const r = await python.run({ source, sampleJson: '{}', itemJson: JSON.stringify({ texts }), timeoutMs: 60_000 });
  if (r.status !== 'ok') throw new Error(`${r.errorType}: ${r.details}`);
  return JSON.parse(r.stdout!.trim()) as unknown[];
}

const tsBlocks = (text: string) => findCodeBlocks(text).map((b) => ({ lang: b.lang, path: b.path, code: b.code }));

describe('the exported code-block rules (Python twin of ast/blocks.ts)', () => {
  it('find the same blocks, languages and paths on hand-picked answers', async () => {
    const got = await pythonBlocks(HAND_PICKED);
    HAND_PICKED.forEach((text, i) => expect(got[i], JSON.stringify(text)).toEqual(tsBlocks(text)));
  }, 60_000);

  it('find the same blocks on 400 generated answers', async () => {
    const texts = fc.sample(fc.array(fc.constantFrom(...LINES), { maxLength: 14 }).map((ls) => ls.join('\n')), { numRuns: 400, seed: 7 });
    const got = await pythonBlocks(texts);
    texts.forEach((text, i) => expect(got[i], JSON.stringify(text)).toEqual(tsBlocks(text)));
  }, 60_000);
});

describe('exportAstGrepAsPython', () => {
  const graders: AstGrepGrader[] = [
    {
      type: 'ast_grep',
      name: 'fetch with error handling',
      checks: [
        { lang: 'ts', rule: 'await fetch($$$ARGS)', name: 'uses fetch' },
        { lang: 'typescript', rule: { kind: 'try_statement', has: { pattern: 'await $E', stopBy: 'end' } } },
        { rule: { rule: { pattern: 'function $F($$$) { $$$ }' }, constraints: { F: { regex: '^handle' } } } },
      ],
      pass_threshold: 0.5,
    },
    { type: 'ast_grep', name: 'python tests', checks: [{ path_prefix: 'tests/', rule: 'def $T(): $$$' }, { lang: 'py', rule: 'assert $A == $B' }, { rule: 'print($$$)' }] },
    { type: 'ast_grep', name: 'bad rule', checks: [{ lang: 'js', rule: { kind: 'no_such_kind' } }] },
  ];
  const samples = [
    '**src/pay.ts**\n```ts\nasync function handlePay() {\n  try {\n    await fetch("/pay");\n  } catch (e) {}\n}\n```',
    'Use:\n```typescript\nconst r = await fetch(url, { method: "POST" });\n```\n```python title="tests/test_a.py"\ndef test_a():\n    assert f(1) == 2\n```',
    '```\nconst r = await fetch(url)\n```',
    'No code here, sorry.',
    '```py\n# tests/test_b.py\ndef test_b():\n    print("x")\n```\n```rust\nfn main() {}\n```',
    'def test_c():\n    assert 1 == 1\n',
    '```ts\nfunction handleClick() { console.log(1) }\n```\nand `src/x.ts`:\n```\nlet 😀 = await fetch(a, b)\n```',
  ];

  it('writes a python grader that names the checks and keeps pass_threshold', () => {
    const g = exportAstGrepAsPython(graders[0]!);
    expect(g).toMatchObject({ type: 'python', name: 'fetch with error handling', pass_threshold: 0.5 });
    expect(g.source).toContain('from ast_grep_py import SgRoot');
    expect(g.source).toContain('"lang": "typescript"');
    expect(g.source).toMatch(/^def grade\(sample, item\):$/m);
  });

  it('gives the ast_grep grader’s reward on every sample', async () => {
    let compared = 0;
    for (const grader of graders) {
      const exported = exportAstGrepAsPython(grader);
      for (const output_text of samples) {
        const a = await runGrader(grader, { output_text }, {}, { runtime });
        const p = await runGrader(exported, { output_text }, {}, { runtime });
        expect(p.reward, `${grader.name} on ${JSON.stringify(output_text)}: ${p.explain?.summary}`).toBe(a.reward);
        const aFailed = Object.values(a.metadata.errors).some((v) => v === true);
        const pFailed = Object.values(p.metadata.errors).some((v) => v === true);
        expect(pFailed, `${grader.name}: both fail or neither`).toBe(aFailed);
        compared++;
      }
    }
    expect(compared).toBe(21);
    // The samples exercise more than all-or-nothing rewards.
    const rewards = await Promise.all(samples.map(async (output_text) => (await runGrader(graders[0]!, { output_text }, {}, { runtime })).reward));
    expect(new Set(rewards).size).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('pythonLiteral', () => {
  it('writes JSON as Python', () => {
    expect(pythonLiteral({ a: [1, 2.5, true, false, null], 'b"': 'x\ny' })).toBe('{\n    "a": [\n        1,\n        2.5,\n        True,\n        False,\n        None,\n    ],\n    "b\\"": "x\\ny",\n}');
  });
});
