/**
 * Brings up ast-grep's WASM engine and its grammars, once per JS realm, from locations the host provides:
 * URLs in the browser worker, file paths in Node (see node-assets.ts). Each grammar loads the first time its
 * language is used. This module must not know where the files live, nor import anything Node- or DOM-only.
 */
import * as astGrep from '@ast-grep/wasm/wasm_bg.js';
import { Parser } from 'web-tree-sitter';
import { findLanguage, languageNames, type LanguageInfo } from './languages.ts';
import { trackTrees } from './trees.ts';

/** Where the engine's three kinds of binary live. Supplied by the host (worker or Node). */
export interface AstAssets {
  /**
   * ast-grep's own module (`@ast-grep/wasm/wasm_bg.wasm`): its bytes or an already compiled module. In a
   * browser, `WebAssembly.compileStreaming(fetch(url))` is the cheap way.
   */
  astGrepModule(): Promise<BufferSource | WebAssembly.Module>;
  /** `web-tree-sitter/web-tree-sitter.wasm`: a URL (browser) or a file path (Node), given to emscripten. */
  treeSitterWasm(): string;
  /**
   * A grammar's `.wasm`: a URL (browser, fetched) or a plain file path (Node, read with fs; not a `file://`
   * URL). web-tree-sitter's `Language.load` decides how to read it from the environment it runs in.
   */
  grammar(language: LanguageInfo): string;
}

/** The glue module, typed: every @ast-grep/wasm function and class, ready to call. */
export type AstGrepWasm = typeof astGrep;

/** Thrown (and turned into error values by callers) when a language name is unknown or cannot load. */
export class AstLanguageError extends Error {
  override name = 'AstLanguageError';
}

let core: Promise<AstGrepWasm> | undefined;
const grammars = new Map<string, Promise<void>>();

async function instantiate(assets: AstAssets): Promise<AstGrepWasm> {
  // @ast-grep/wasm calls `Parser.init()` with no options, which cannot find web-tree-sitter's own .wasm in a
  // bundle or a sandboxed worker; initialising first with `locateFile` makes its later call a no-op.
  const treeSitterWasm = assets.treeSitterWasm();
  await Parser.init({ locateFile: () => treeSitterWasm });
  trackTrees();
  const source = await assets.astGrepModule();
  const imports = { './wasm_bg.js': astGrep as unknown as WebAssembly.ModuleImports };
  // instantiate() resolves to an Instance for a Module and to {module, instance} for bytes.
  const result: WebAssembly.Instance | WebAssembly.WebAssemblyInstantiatedSource =
    source instanceof WebAssembly.Module
      ? await WebAssembly.instantiate(source, imports)
      : await WebAssembly.instantiate(source, imports);
  const instance = result instanceof WebAssembly.Instance ? result : result.instance;
  astGrep.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  await astGrep.initializeTreeSitter();
  return astGrep;
}

/**
 * The engine, initialised. The first caller's assets win: the module is a per-realm singleton because the
 * wasm-bindgen glue keeps its instance in module state. A failed start is forgotten so that a retry can work.
 */
export function loadCore(assets: AstAssets): Promise<AstGrepWasm> {
  if (!core) {
    core = instantiate(assets);
    core.catch(() => {
      core = undefined;
    });
  }
  return core;
}

/** The language `name` refers to, with its grammar registered; rejects with AstLanguageError. */
export async function loadLanguage(assets: AstAssets, name: string): Promise<LanguageInfo> {
  const info = findLanguage(name);
  if (!info) {
    throw new AstLanguageError(`Unknown language \`${name}\`. Known: ${languageNames().join(', ')}.`);
  }
  let pending = grammars.get(info.name);
  if (!pending) {
    pending = register(assets, info);
    grammars.set(info.name, pending);
    pending.catch(() => grammars.delete(info.name));
  }
  await pending;
  return info;
}

async function register(assets: AstAssets, info: LanguageInfo): Promise<void> {
  const wasm = await loadCore(assets);
  const entry: { libraryPath: string; expandoChar?: string } = { libraryPath: assets.grammar(info) };
  if (info.expandoChar !== undefined) entry.expandoChar = info.expandoChar;
  try {
    await wasm.registerDynamicLanguage({ [info.name]: entry });
  } catch (e) {
    throw new AstLanguageError(`Could not load the ${info.name} grammar (${entry.libraryPath}): ${errorText(e)}`);
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
