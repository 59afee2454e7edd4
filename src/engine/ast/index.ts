/** The AST engine's public surface (Node hosts add `nodeAstAssets` from './node-assets.ts'). */
export { createAstEngine, type AstEngine, type AstLoadResult } from './engine.ts';
export type { AstAssets, AstGrepWasm } from './loader.ts';
export { LANGUAGES, findLanguage, languageNames, type LanguageInfo } from './languages.ts';
export { findAllLoaded, searchRoot, rangeOf } from './find.ts';
export { withTreeCleanup, collectTrees, deleteTrees } from './trees.ts';
export { positionMapper, type PositionMapper } from './positions.ts';
export type { AstTreeNode, AstTreeDump, AstTreeResult, DumpTreeOptions, AstPatternNode, AstPatternResult, DumpPatternOptions } from './dump.ts';
export type * from './types.ts';
