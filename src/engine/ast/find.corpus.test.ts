import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAstEngine } from './engine.ts';
import { nodeAstAssets } from './node-assets.ts';
import type { AstFindResult, AstQuery } from './types.ts';

interface Case {
  id: string;
  lang: string;
  source: string;
  rule: string | Record<string, unknown>;
  expected: AstFindResult | { error: string };
}
const corpus: { cases: Case[] } = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/ast-grep-corpus.json', import.meta.url), 'utf8'),
);
const engine = createAstEngine(nodeAstAssets);

// The corpus passes a rule object to napi as `findAll({rule})`; we take the same config shape.
const query = (c: Case): AstQuery => (typeof c.rule === 'string' ? c.rule : { rule: c.rule });

describe('ast-grep golden corpus (@ast-grep/napi 0.51.2 oracle)', () => {
  it('has the 183 cases', () => expect(corpus.cases.length).toBe(183));
  for (const c of corpus.cases) {
    it(`${c.id} ${c.lang}`, async () => {
      const got = await engine.findAll(c.lang, c.source, query(c));
      if ('error' in c.expected) {
        // @ast-grep/wasm 0.45.3 words every corpus error exactly as napi 0.51.2 does.
        expect(got).toStrictEqual({ error: { message: c.expected.error } });
      } else {
        expect(got).toStrictEqual(c.expected);
      }
    });
  }
});
