import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAstEngine } from './engine.ts';
import { searchRoot } from './find.ts';
import { nodeAstAssets } from './node-assets.ts';
import { patternFilter, regionTest } from './prune.ts';
import { withTreeCleanup } from './trees.ts';

const corpus: { cases: { lang: string; source: string; rule: unknown }[] } = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/ast-grep-corpus.json', import.meta.url), 'utf8'),
);
const engine = createAstEngine(nodeAstAssets);

describe('patternFilter', () => {
  it('requires the named terminals of a pattern, not its punctuation or metavariables', async () => {
    const ready = await engine.load('js');
    if ('error' in ready) throw new Error(ready.error.message);
    expect(patternFilter(ready.wasm, ready.language, 'console.log($$$ARGS)')).toStrictEqual({
      texts: ['console', 'log'],
      rootKind: 'call_expression',
    });
    // Nothing to require: a metavariable-only pattern, or a pattern that fails (the plain path reports it).
    expect(patternFilter(ready.wasm, ready.language, '$A($$$B)')).toBeNull();
    expect(patternFilter(ready.wasm, ready.language, 'a; b')).toBeNull();
  });

  it('lets a source without a required text skip parsing', () => {
    expect(regionTest('print(1)', { texts: ['console', 'log'] })).toBeNull();
    const test = regionTest('log(1); console.x; console.log', { texts: ['console', 'log'] });
    expect(test?.(0, 18)).toBe(true); // "log(1); console.x;"
    expect(test?.(8, 18)).toBe(false); // "console.x;"
    expect(test?.(19, 30)).toBe(true); // "console.log"
  });
});

// The pruned search must give exactly what ast-grep's own findAll gives. Every string pattern of the corpus
// runs over all corpus sources of its language joined into one file, plainly and pruned (descending node by
// node, and with the default whole-region size).
describe('pruned search equals findAll', () => {
  for (const lang of ['javascript', 'typescript', 'tsx', 'python']) {
    it(lang, async () => {
      const ready = await engine.load(lang);
      if ('error' in ready) throw new Error(ready.error.message);
      const { wasm, language } = ready;
      const cases = corpus.cases.filter((c) => c.lang === lang);
      // Astral characters make findAll skip pruning, so leave those sources out to exercise it.
      const source = cases.map((c) => c.source).filter((s) => !/[\uD800-\uDFFF]/.test(s)).join(lang === 'python' ? '\n\n' : '\n;\n');
      // Plus patterns built from the sources' own words, so that most of them have something to prune on.
      const words = [...new Set(source.match(/\b[A-Za-z_]\w{2,}\b/g) ?? [])].slice(0, 30);
      const generated = words.flatMap((w) => [w, `${w}($$$A)`, `$O.${w}`]);
      const patterns = [...new Set([...cases.map((c) => c.rule).filter((r): r is string => typeof r === 'string'), ...generated])];
      let pruned = 0;
      let compared = 0;
      for (const pattern of patterns) {
        const filter = patternFilter(wasm, language, pattern);
        const test = filter && regionTest(source, filter);
        withTreeCleanup(() => {
          const root = wasm.parse(language.name, source);
          try {
            let plain;
            try {
              plain = searchRoot(root, pattern);
            } catch {
              expect(filter).toBeNull(); // a pattern that errors is never pruned
              return;
            }
            compared++;
            if (filter && !test) {
              expect(plain).toEqual([]);
              pruned++;
            } else if (filter && test) {
              for (const wholeRegion of [0, 384]) {
                expect(searchRoot(root, pattern, { filter, test, wholeRegion })).toStrictEqual(plain);
              }
              pruned++;
            }
          } finally {
            root.free();
          }
        });
      }
      expect(compared).toBeGreaterThan(50);
      expect(pruned).toBeGreaterThan(compared / 2);
    });
  }
});
