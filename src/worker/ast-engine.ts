/**
 * The AST engine inside the grader worker: @ast-grep/wasm, web-tree-sitter and every grammar as files the
 * bundler emits (Vite `?url`), resolved against this chunk's own URL (inside the sandbox's data: worker,
 * `self.location` is not the app). Nothing is fetched until a check or the AST panel uses a language, and
 * then only that language's grammar. Vite-specific by design; the engine itself knows no bundler.
 */
import astGrepWasm from '@ast-grep/wasm/wasm_bg.wasm?url';
import treeSitterWasm from 'web-tree-sitter/web-tree-sitter.wasm?url';
import bash from 'tree-sitter-bash/tree-sitter-bash.wasm?url';
import c from 'tree-sitter-c/tree-sitter-c.wasm?url';
import cpp from 'tree-sitter-cpp/tree-sitter-cpp.wasm?url';
import csharp from 'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm?url';
import css from 'tree-sitter-css/tree-sitter-css.wasm?url';
import go from 'tree-sitter-go/tree-sitter-go.wasm?url';
import html from 'tree-sitter-html/tree-sitter-html.wasm?url';
import java from 'tree-sitter-java/tree-sitter-java.wasm?url';
import javascript from 'tree-sitter-javascript/tree-sitter-javascript.wasm?url';
import json from 'tree-sitter-json/tree-sitter-json.wasm?url';
import lua from '@tree-sitter-grammars/tree-sitter-lua/tree-sitter-lua.wasm?url';
import php from 'tree-sitter-php/tree-sitter-php_only.wasm?url';
import python from 'tree-sitter-python/tree-sitter-python.wasm?url';
import ruby from 'tree-sitter-ruby/tree-sitter-ruby.wasm?url';
import rust from 'tree-sitter-rust/tree-sitter-rust.wasm?url';
import tsx from 'tree-sitter-typescript/tree-sitter-tsx.wasm?url';
import typescript from 'tree-sitter-typescript/tree-sitter-typescript.wasm?url';
import yaml from '@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm?url';
import type { AstEngine } from '../engine/ast/engine.ts';
import { lazyAstEngine } from '../engine/ast/lazy.ts';

export const WORKER_GRAMMARS: Record<string, string> = { bash, c, cpp, csharp, css, go, html, java, javascript, json, lua, php, python, ruby, rust, tsx, typescript, yaml };

const absolute = (url: string): string => new URL(url, import.meta.url).href;

export function createWorkerAstEngine(): AstEngine {
  return lazyAstEngine(() =>
    import('../engine/ast/index.ts').then(({ createAstEngine, urlAstAssets }) =>
      createAstEngine(
        urlAstAssets({
          astGrepWasm: absolute(astGrepWasm),
          treeSitterWasm: absolute(treeSitterWasm),
          grammars: Object.fromEntries(Object.entries(WORKER_GRAMMARS).map(([name, url]) => [name, absolute(url)])),
        }),
      ),
    ),
  );
}
