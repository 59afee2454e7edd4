/**
 * The AST engine's entry point for hosts and graders: `createAstEngine(assets)` gives async functions that
 * load what they need (the engine, then each grammar on first use) and never throw: failures are `{error}`
 * values. The python shim and other low-level users can get the loaded @ast-grep/wasm API with `load`.
 */
import { dumpPatternLoaded, dumpTreeLoaded, type AstPatternResult, type AstTreeResult, type DumpPatternOptions, type DumpTreeOptions } from './dump.ts';
import { findAllLoaded, toAstError } from './find.ts';
import type { LanguageInfo } from './languages.ts';
import { loadCore, loadLanguage, type AstAssets, type AstGrepWasm } from './loader.ts';
import type { AstError, AstFindResult, AstQuery } from './types.ts';

export type AstLoadResult = { wasm: AstGrepWasm; language: LanguageInfo } | { error: AstError };

export interface AstEngine {
  /** Every match of a pattern string or rule config in `source`; `lang` is any accepted name or alias. */
  findAll(lang: string, source: string, query: AstQuery): Promise<AstFindResult>;
  /** The syntax tree of `source`. */
  dumpTree(lang: string, source: string, options?: DumpTreeOptions): Promise<AstTreeResult>;
  /** How ast-grep reads a pattern. */
  dumpPattern(lang: string, pattern: string, options?: DumpPatternOptions): Promise<AstPatternResult>;
  /**
   * Loads the engine and the language's grammar. Afterwards `wasm.parse(language.name, src)` works
   * synchronously (use the canonical `language.name`, not the alias). Raw calls leak web-tree-sitter trees
   * unless wrapped: see trees.ts (`withTreeCleanup`, `collectTrees`).
   */
  load(lang: string): Promise<AstLoadResult>;
}

export function createAstEngine(assets: AstAssets): AstEngine {
  const load = async (lang: string): Promise<AstLoadResult> => {
    try {
      const language = await loadLanguage(assets, lang);
      return { wasm: await loadCore(assets), language };
    } catch (e) {
      return { error: toAstError(e) };
    }
  };
  return {
    load,
    async findAll(lang, source, query) {
      const ready = await load(lang);
      return 'error' in ready ? ready : findAllLoaded(ready.wasm, ready.language, source, query);
    },
    async dumpTree(lang, source, options) {
      const ready = await load(lang);
      return 'error' in ready ? ready : dumpTreeLoaded(ready.wasm, ready.language, source, options);
    },
    async dumpPattern(lang, pattern, options) {
      const ready = await load(lang);
      return 'error' in ready ? ready : dumpPatternLoaded(ready.wasm, ready.language, pattern, options);
    },
  };
}
