import { describe, expect, it } from 'vitest';
import type { AstTreeNode } from './dump.ts';
import { createAstEngine } from './engine.ts';
import { nodeAstAssets } from './node-assets.ts';

const engine = createAstEngine(nodeAstAssets);

/** `kind[field]` in pre-order, for compact expectations. */
function outline(node: AstTreeNode): string[] {
  return [`${node.field ? node.field + ':' : ''}${node.kind}`, ...node.children.flatMap(outline)];
}

describe('dumpTree', () => {
  it('gives kinds, fields, named flags, leaf texts and UTF-16 ranges', async () => {
    const got = await engine.dumpTree('js', 'foo(1)');
    if (!('tree' in got)) throw new Error(got.error.message);
    expect(outline(got.tree.root)).toEqual([
      'program', 'expression_statement', 'call_expression', 'function:identifier', 'arguments:arguments', '(', 'number', ')',
    ]);
    const call = got.tree.root.children[0]?.children[0];
    expect(call?.children[0]).toStrictEqual({
      kind: 'identifier', named: true, field: 'function',
      range: { start: { line: 0, column: 0, index: 0 }, end: { line: 0, column: 3, index: 3 } }, text: 'foo', children: [],
    });
    expect(call?.children[1]?.children[0]).toMatchObject({ kind: '(', named: false, text: '(' });
    expect(got.tree).toMatchObject({ nodeCount: 8, truncated: false, hasError: false });
  });

  it('shows error recovery: ERROR and MISSING nodes', async () => {
    const broken = await engine.dumpTree('js', 'foo(1');
    expect('tree' in broken && broken.tree.hasError).toBe(true);
    expect('tree' in broken && outline(broken.tree.root)).toContain('ERROR');
    const missing = await engine.dumpTree('js', 'if (a) {');
    const inserted = 'tree' in missing ? flatten(missing.tree.root).filter((n) => n.missing) : [];
    expect(inserted.map((n) => [n.kind, n.range.start.index, n.range.end.index])).toEqual([['}', 8, 8]]);
  });

  it('uses UTF-16 columns after astral characters, like match ranges', async () => {
    const got = await engine.dumpTree('py', 's = "😀"; t = 1\n', { namedOnly: true });
    const t = 'tree' in got ? flatten(got.tree.root).find((n) => n.text === 't') : undefined;
    expect(t?.range.start).toStrictEqual({ line: 0, column: 10, index: 10 });
  });

  it('leaves out unnamed nodes on request and stops at maxNodes', async () => {
    const named = await engine.dumpTree('js', 'foo(1, 2)', { namedOnly: true });
    expect('tree' in named && flatten(named.tree.root).every((n) => n.named)).toBe(true);
    const small = await engine.dumpTree('js', 'a; b; c; d; e;', { maxNodes: 4 });
    expect('tree' in small && small.tree).toMatchObject({ nodeCount: 4, truncated: true });
    expect('tree' in small && flatten(small.tree.root).length).toBe(4);
  });

  it('reports an unknown language as an error value', async () => {
    expect(await engine.dumpTree('klingon', 'x')).toHaveProperty('error');
  });
});

describe('dumpPattern (ast-grep reads the pattern)', () => {
  it('marks metavariables, terminals and internal nodes; shows `$` even where the expando is µ', async () => {
    const got = await engine.dumpPattern('python', 'print($A, $$$R)');
    if (!('pattern' in got)) throw new Error(got.error.message);
    const args = got.pattern.children[1];
    expect(got.pattern).toMatchObject({ kind: 'call', role: 'internal' });
    expect(got.pattern.children[0]).toMatchObject({ kind: 'identifier', role: 'terminal', text: 'print' });
    expect(args?.children.map((c) => [c.kind, c.role, c.text])).toEqual([
      ['(', 'terminal', '('], ['identifier', 'metaVar', '$A'], [',', 'terminal', ','],
      ['identifier', 'metaVar', '$$$R'], [')', 'terminal', ')'],
    ]);
    expect(args?.children[1]).toMatchObject({ start: { line: 0, column: 6 }, end: { line: 0, column: 8 } });
  });

  it('shows that `foo($A);` is a statement pattern (single() stops at the `;`)', async () => {
    const got = await engine.dumpPattern('js', 'foo($A);');
    expect('pattern' in got && got.pattern.kind).toBe('expression_statement');
  });

  it('takes a selector for contextual patterns', async () => {
    const got = await engine.dumpPattern('js', 'x = { a: $X }', { selector: 'pair' });
    expect('pattern' in got && [got.pattern.kind, got.pattern.children.map((c) => c.role)]).toEqual(['pair', ['terminal', 'terminal', 'metaVar']]);
  });

  it('returns pattern and option problems as error values', async () => {
    expect(await engine.dumpPattern('js', '$$$A')).toStrictEqual({
      error: { message: 'Standalone multi meta variable `$$$A` is invalid. Use `$VAR` or wrap `$$$VAR` in a larger pattern.' },
    });
    expect(await engine.dumpPattern('js', 'a: $X', { selector: 'pair' })).toHaveProperty('error');
    expect(await engine.dumpPattern('js', 'f($A)', { strictness: 'loose' as 'ast' })).toHaveProperty('error');
  });
});

function flatten(node: AstTreeNode): AstTreeNode[] {
  return [node, ...node.children.flatMap(flatten)];
}
