/**
 * An AstEngine whose real engine is created on first use, so a host can hand one to the engine runtime
 * without loading @ast-grep/wasm's glue code until an AST check or the AST panel needs it.
 */
import type { AstEngine } from './engine.ts';

export function lazyAstEngine(create: () => Promise<AstEngine>): AstEngine {
  let engine: Promise<AstEngine> | null = null;
  const get = (): Promise<AstEngine> => {
    if (!engine) {
      engine = create();
      engine.catch(() => (engine = null));
    }
    return engine;
  };
  // A failure to create the engine (a chunk that did not load) becomes an error value, like every other failure.
  const failed = (e: unknown) => ({ error: { message: `The AST engine could not load: ${e instanceof Error ? e.message : String(e)}` } });
  return {
    findAll: (lang, source, query) => get().then((e) => e.findAll(lang, source, query), failed),
    dumpTree: (lang, source, options) => get().then((e) => e.dumpTree(lang, source, options), failed),
    dumpPattern: (lang, pattern, options) => get().then((e) => e.dumpPattern(lang, pattern, options), failed),
    load: (lang) => get().then((e) => e.load(lang), failed),
  };
}
