import { describe, expect, it } from 'vitest';
import { findCodeBlocks, isPath, pathFromLine } from './blocks.ts';

const pick = (text: string) => findCodeBlocks(text).map((b) => ({ lang: b.lang, path: b.path, from: b.pathFrom, code: b.code }));

describe('findCodeBlocks', () => {
  it('finds fenced blocks with their language, exactly sliced code and offsets', () => {
    const text = 'Intro\n```ts\nconst a = 1;\n```\nand\n~~~python\nprint(1)\n~~~\n';
    const blocks = findCodeBlocks(text);
    expect(blocks.map((b) => [b.lang, b.code, b.line])).toEqual([
      ['typescript', 'const a = 1;\n', 2],
      ['python', 'print(1)\n', 6],
    ]);
    for (const b of blocks) expect(text.slice(b.start, b.start + b.code.length)).toBe(b.code);
  });

  it('reads paths from the info string', () => {
    expect(pick('```ts title="src/pay.ts"\nx\n```')[0]).toMatchObject({ lang: 'typescript', path: 'src/pay.ts', from: 'info' });
    expect(pick("```python filename='app/main.py'\nx\n```")[0]).toMatchObject({ lang: 'python', path: 'app/main.py' });
    expect(pick('```typescript:src/pay.ts\nx\n```')[0]).toMatchObject({ lang: 'typescript', path: 'src/pay.ts' });
    expect(pick('```js src/a.js\nx\n```')[0]).toMatchObject({ lang: 'javascript', path: 'src/a.js' });
    // A path alone: the extension gives the language.
    expect(pick('```src/pay.tsx\nx\n```')[0]).toMatchObject({ lang: 'tsx', path: 'src/pay.tsx' });
  });

  it('reads a path from the line above, stripped of Markdown', () => {
    for (const above of ['**src/pay.ts**', '### `src/pay.ts`', 'File: src/pay.ts', '`src/pay.ts`:', 'Create `src/pay.ts`:', '- src/pay.ts', '> src/pay.ts']) {
      expect(pick(`${above}\n\n\`\`\`\nconst a = 1\n\`\`\``)[0], above).toMatchObject({ lang: 'typescript', path: 'src/pay.ts', from: 'line-above' });
    }
    // Prose is not a path, and neither is a sentence with two file names.
    expect(pick('Here is the fix.\n```ts\nx\n```')[0]?.path).toBeNull();
    expect(pick('Edit `a.ts` and `b.ts`:\n```ts\nx\n```')[0]?.path).toBeNull();
  });

  it('never takes a path from inside the previous block', () => {
    const blocks = pick('```\nsrc/x.ts\n```\n```js\ny\n```');
    expect(blocks[1]?.path).toBeNull();
  });

  it('reads a path from a first-line comment', () => {
    expect(pick('```\n// src/pay.ts\nconst a = 1\n```')[0]).toMatchObject({ lang: 'typescript', path: 'src/pay.ts', from: 'comment' });
    expect(pick('```py\n# file: tools/run.py\nx = 1\n```')[0]).toMatchObject({ lang: 'python', path: 'tools/run.py' });
  });

  it('maps Markdown spellings and keeps unknown ones null', () => {
    expect(pick('```Python3\nx\n```\n```sh\nls\n```\n```JSX\n<a/>\n```\n```text\nhi\n```').map((b) => b.lang)).toEqual(['python', 'bash', 'javascript', null]);
  });

  it('follows CommonMark fences: longer closers, unclosed fences, backticks in the info', () => {
    expect(pick('````md\n```js\nx\n```\n````')[0]?.code).toBe('```js\nx\n```\n');
    expect(pick('```js\nlet a\nlet b')[0]?.code).toBe('let a\nlet b');
    // Backticks in a backtick fence's info string: not a fence (inline code), so the text is one unfenced block.
    expect(findCodeBlocks('```a`b```')[0]?.fenced).toBe(false);
    expect(pick('```js\r\nx\r\n```\r\n')[0]).toMatchObject({ lang: 'javascript', code: 'x\r\n' });
  });

  it('treats a text without fences as one unfenced block', () => {
    expect(findCodeBlocks('def f():\n    return 1\n')).toMatchObject([{ fenced: false, lang: null, code: 'def f():\n    return 1\n' }]);
    expect(findCodeBlocks('   \n')).toEqual([]);
  });
});

describe('paths', () => {
  it('needs an extension that starts with a letter', () => {
    expect(['a.ts', 'src/a.test.js', './x.py', '@scope/pkg/index.d.ts'].every(isPath)).toBe(true);
    expect(['1.2', 'e.g.', 'src/', 'hello world.ts', 'a'].some(isPath)).toBe(false);
    expect(pathFromLine('Path: lib/x.rb:')).toBe('lib/x.rb');
  });
});
