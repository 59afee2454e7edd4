/**
 * The AST engine's public surface. A host creates one engine with its asset locations:
 *   Node:    createAstEngine(nodeAstAssets)                 (from './node-assets.ts'; not for browser bundles)
 *   Browser: createAstEngine(urlAstAssets({ astGrepWasm, treeSitterWasm, grammars: { python: url, ... } }))
 * then `await engine.findAll(lang, source, patternOrConfig)` -> `{matches}` | `{error}` (never throws).
 */
export { createAstEngine, type AstEngine, type AstLoadResult } from './engine.ts';
export { AstLanguageError, type AstAssets, type AstGrepWasm } from './loader.ts';
export { urlAstAssets, type AstAssetUrls } from './url-assets.ts';
export { LANGUAGES, findLanguage, languageNames, type LanguageInfo } from './languages.ts';
export { findAllLoaded, searchRoot, rangeOf } from './find.ts';
export { withTreeCleanup, collectTrees, deleteTrees } from './trees.ts';
export { positionMapper, type PositionMapper } from './positions.ts';
export { metaVariableNames, type MetaVariableNames } from './metavars.ts';
export type { AstTreeNode, AstTreeDump, AstTreeResult, DumpTreeOptions, AstPatternNode, AstPatternResult, DumpPatternOptions } from './dump.ts';
export type * from './types.ts';
