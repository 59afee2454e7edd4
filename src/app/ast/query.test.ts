import { describe, expect, it } from 'vitest';
import { codeRuns } from './highlight.ts';
import { parseQuery } from './query.ts';

describe('parseQuery', () => {
  it('takes a pattern as it is', async () => {
    expect(await parseQuery('pattern', 'console.log($$$A)')).toEqual({ ok: true, query: 'console.log($$$A)' });
    expect((await parseQuery('pattern', '  ')).ok).toBe(false);
  });

  it('reads YAML rule files, keeping the matcher keys and the language', async () => {
    const yaml = 'id: no-log\nlanguage: TypeScript\nseverity: error\nrule:\n  pattern: console.log($$$A)\n  not:\n    inside: {kind: catch_clause, stopBy: end}\n';
    expect(await parseQuery('rule', yaml)).toEqual({
      ok: true,
      language: 'TypeScript',
      query: { rule: { pattern: 'console.log($$$A)', not: { inside: { kind: 'catch_clause', stopBy: 'end' } } } },
    });
    expect(await parseQuery('rule', 'kind: number\nregex: ^4')).toEqual({ ok: true, query: { kind: 'number', regex: '^4' } });
  });

  it('reads JSON and places syntax errors', async () => {
    expect(await parseQuery('rule', '{"pattern": "f($A)"}')).toEqual({ ok: true, query: { pattern: 'f($A)' } });
    expect(await parseQuery('rule', '{\n  "pattern": "f",\n  "kind" "x"\n}')).toMatchObject({ ok: false, line: 3 });
    expect(await parseQuery('rule', 'rule:\n  pattern: [a\n')).toMatchObject({ ok: false, line: expect.any(Number), column: expect.any(Number) });
    expect(await parseQuery('rule', '- a\n- b')).toMatchObject({ ok: false, message: expect.stringMatching(/mapping/) });
  });
});

describe('codeRuns', () => {
  it('splits at match, capture and hover edges, nested matches included', () => {
    const runs = codeRuns('f(f(1))', [{ start: 0, end: 7 }, { start: 2, end: 6 }], [{ start: 4, end: 5 }], null);
    expect(runs.map((r) => [r.text, r.matches, r.capture])).toEqual([
      ['f(', [0], false],
      ['f(', [0, 1], false],
      ['1', [0, 1], true],
      [')', [0, 1], false],
      [')', [0], false],
    ]);
    expect(codeRuns('ab', [], [], { start: 1, end: 2 }).map((r) => r.hovered)).toEqual([false, true]);
  });
});
