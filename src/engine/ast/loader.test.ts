import { describe, expect, it } from 'vitest';
import { createAstEngine } from './engine.ts';
import { collectTrees, deleteTrees, withTreeCleanup } from './trees.ts';
import type { AstAssets } from './loader.ts';
import { nodeAstAssets } from './node-assets.ts';

/** Node's assets, counting how often each grammar is asked for. */
function countingAssets(): { assets: AstAssets; asked: Map<string, number> } {
  const asked = new Map<string, number>();
  const assets: AstAssets = {
    ...nodeAstAssets,
    grammar: (language) => {
      asked.set(language.name, (asked.get(language.name) ?? 0) + 1);
      return nodeAstAssets.grammar(language);
    },
  };
  return { assets, asked };
}

describe('loading', () => {
  it('loads a grammar once, on first use, whatever alias or casing asks for it', async () => {
    const { assets, asked } = countingAssets();
    const engine = createAstEngine(assets);
    expect(asked.size).toBe(0);
    const results = await Promise.all([
      engine.findAll('python', 'print(1)', 'print($A)'),
      engine.findAll('py', 'print(2)', 'print($A)'),
      engine.findAll('PY', 'print(3)', 'print($A)'),
    ]);
    expect(results.map((r) => 'matches' in r && r.matches[0]?.single.A?.text)).toEqual(['1', '2', '3']);
    expect([...asked]).toEqual([['python', 1]]);
    await engine.findAll('ts', 'let a: number = 1', 'let $A: $T = $V');
    expect([...asked]).toEqual([['python', 1], ['typescript', 1]]);
  });

  it('reports a grammar that cannot load, and lets a later call retry', async () => {
    const broken = createAstEngine({ ...nodeAstAssets, grammar: () => '/nonexistent/tree-sitter-rust.wasm' });
    const failed = await broken.findAll('rust', 'fn main() {}', 'fn $F() {}');
    expect('error' in failed && failed.error.message).toContain('Could not load the rust grammar');
    const fixed = await createAstEngine(nodeAstAssets).findAll('rust', 'fn main() {}', 'fn $F() {}');
    expect('matches' in fixed && fixed.matches.map((m) => m.single.F?.text)).toEqual(['main']);
  });

  it('gives low-level users the loaded @ast-grep/wasm API under the canonical name', async () => {
    const ready = await createAstEngine(nodeAstAssets).load('JSX');
    if ('error' in ready) throw new Error(ready.error.message);
    expect(ready.language.name).toBe('javascript');
    const { wasm, language } = ready;
    // A long-lived root: its tree is collected at parse time and deleted when the root is done with.
    const { value: root, trees } = collectTrees(() => wasm.parse(language.name, 'a.b(c)'));
    expect(trees.length).toBe(1);
    const top = root.root();
    const y = withTreeCleanup(() => top.find('$X.b($Y)')?.getMatch('Y')?.text());
    expect(y).toBe('c');
    top.free();
    root.free();
    deleteTrees(trees);
  });
});

describe('findAll inputs', () => {
  const engine = createAstEngine(nodeAstAssets);

  it('takes a full config: rule, constraints, utils and transform', async () => {
    const got = await engine.findAll('js', 'f(1); f("s"); g(2);', {
      rule: { matches: 'call-with-arg' },
      constraints: { A: { kind: 'number' } },
      utils: { 'call-with-arg': { pattern: '$F($A)' } },
      transform: { NAME: { substring: { source: '$F', startChar: 0, endChar: 1 } } },
    });
    expect('matches' in got && got.matches.map((m) => [m.text, m.single.F?.text, m.transformed])).toEqual([
      ['f(1)', 'f', { NAME: 'f' }],
      ['g(2)', 'g', { NAME: 'g' }],
    ]);
  });

  it('refuses a bare rule without the `rule` key with a hint', async () => {
    const got = await engine.findAll('js', 'f(1)', { pattern: 'f($A)' } as never);
    expect('error' in got && got.error.message).toContain('needs a `rule` key');
  });

  it('reports a malformed rule as an error value, not an exception', async () => {
    const got = await engine.findAll('js', 'f(1)', { rule: { pattern: 'f($A)', inside: { pattern: 'g($$$)', stopBy: 3 } } });
    expect('error' in got && got.error.message).toContain('expected `neighbor`, `end` or a rule object');
    const empty = await engine.findAll('js', 'f(1)', { rule: {} });
    expect('error' in empty && empty.error.message).toContain('Rule must have one positive matcher');
  });

  it('finds nothing in an empty source', async () => {
    expect(await engine.findAll('py', '', 'print($A)')).toStrictEqual({ matches: [] });
  });

  it('deletes the source and pattern trees @ast-grep/wasm leaves behind', async () => {
    // ~0.7 MB of web-tree-sitter heap per 10 KB parsed stayed allocated before; 300 parses of 10 KB must
    // not grow the process by anything like the 200 MB that adds up to.
    const src = 'console.log("value", v1, items[1].name);\nconst v2 = compute(v3, [1, 2].map((n) => n + 4));\n'.repeat(100);
    const run = () => engine.findAll('js', src, 'console.log($$$ARGS)');
    await run();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 300; i++) {
      const got = await run();
      expect('matches' in got && got.matches.length).toBe(100);
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(100e6);
  });
});
