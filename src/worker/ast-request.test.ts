import { describe, expect, it } from 'vitest';
import { createAstEngine } from '../engine/ast/engine.ts';
import { LANGUAGES } from '../engine/ast/languages.ts';
import { nodeAstAssets } from '../engine/ast/node-assets.ts';
import { WORKER_GRAMMARS } from './ast-engine.ts';
import { answerAst, patternOf } from './ast-request.ts';

describe('the worker’s AST assets', () => {
  it('bundle a grammar for every language the engine knows', () => {
    expect(Object.keys(WORKER_GRAMMARS).sort()).toEqual(LANGUAGES.map((l) => l.name).sort());
    for (const l of LANGUAGES) expect(WORKER_GRAMMARS[l.name], l.name).toContain(l.grammarFile.replace('.wasm', ''));
  });
});

describe('answerAst (the AST panel’s request)', () => {
  const engine = createAstEngine(nodeAstAssets);

  it('returns matches, the syntax tree and the pattern’s structure', async () => {
    const r = await answerAst(engine, { lang: 'js', source: 'f(1); g(2)', query: 'f($A)', namedOnly: true });
    expect('matches' in r.result && r.result.matches.map((m) => m.single.A?.text)).toEqual(['1']);
    expect(r.tree && 'tree' in r.tree && r.tree.tree.root.kind).toBe('program');
    expect(r.pattern && 'pattern' in r.pattern && r.pattern.pattern.kind).toBe('call_expression');
  });

  it('takes rule objects and configs, and finds their top-level pattern', async () => {
    const r = await answerAst(engine, { lang: 'js', source: 'f(1); g(2)', query: { rule: { kind: 'call_expression', not: { pattern: 'f($$$)' } } }, tree: false });
    expect('matches' in r.result && r.result.matches.map((m) => m.text)).toEqual(['g(2)']);
    expect(r.tree).toBeUndefined();
    expect(r.pattern).toBeUndefined();
    expect(patternOf({ pattern: { context: 'class A { $M() {} }', selector: 'method_definition', strictness: 'ast' } })).toEqual({
      text: 'class A { $M() {} }',
      options: { selector: 'method_definition', strictness: 'ast' },
    });
  });

  it('reports errors as values', async () => {
    const r = await answerAst(engine, { lang: 'js', source: 'x', query: { kind: 'nope' } });
    expect('error' in r.result && r.result.error.message).toMatch(/Kind `nope` is invalid/);
    expect((await answerAst(undefined, { lang: 'js', source: 'x', query: 'x' })).result).toEqual({ error: { message: 'This worker has no AST engine.' } });
  });
});
