/**
 * The AST engine's binaries for Node hosts (CLI, unit tests, benches): file paths resolved from
 * node_modules. Browser code must not import this file (it uses node:fs and node:module).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AstAssets } from './loader.ts';

const require = createRequire(import.meta.url);

export const nodeAstAssets: AstAssets = {
  astGrepModule: () => readFile(require.resolve('@ast-grep/wasm/wasm_bg.wasm')),
  treeSitterWasm: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  grammar: (language) => require.resolve(language.grammarModule),
};
