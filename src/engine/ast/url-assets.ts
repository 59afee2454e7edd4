/**
 * The AST engine's binaries for browser hosts (the grader worker): URLs the bundler emitted, e.g. with Vite's
 * `?url` imports. Grammars are keyed by canonical language name; a language without a URL reports itself
 * unavailable in this build. No Vite or DOM specifics here: only fetch and WebAssembly.
 */
import { LANGUAGES } from './languages.ts';
import { AstLanguageError, type AstAssets } from './loader.ts';

export interface AstAssetUrls {
  /** `@ast-grep/wasm/wasm_bg.wasm` */
  astGrepWasm: string;
  /** `web-tree-sitter/web-tree-sitter.wasm` */
  treeSitterWasm: string;
  /** Grammar URLs by canonical language name (`LANGUAGES[i].name`; its `grammarModule` is the file to emit). */
  grammars: Partial<Record<string, string>>;
}

export function urlAstAssets(urls: AstAssetUrls, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): AstAssets {
  return {
    async astGrepModule() {
      const response = await fetchImpl(urls.astGrepWasm);
      if (!response.ok) throw new Error(`Could not fetch ${urls.astGrepWasm}: HTTP ${response.status}`);
      const fallback = response.clone();
      try {
        return await WebAssembly.compileStreaming(response);
      } catch {
        // A server that does not send `application/wasm` defeats streaming compilation only.
        return new Uint8Array(await fallback.arrayBuffer());
      }
    },
    treeSitterWasm: () => urls.treeSitterWasm,
    grammar(language) {
      const url = urls.grammars[language.name];
      if (url === undefined) {
        const available = LANGUAGES.filter((l) => urls.grammars[l.name] !== undefined).map((l) => l.name);
        throw new AstLanguageError(`The ${language.name} grammar is not part of this build (available: ${available.join(', ')}).`);
      }
      return url;
    },
  };
}
