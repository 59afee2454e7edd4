/**
 * Types for `@ast-grep/wasm/wasm_bg.js`, the wasm-bindgen glue we import instead of the package entry (the
 * entry imports the `.wasm` file as an ES module, which plain Node and sandboxed workers cannot do). The glue
 * exports the same API as the entry once `__wbg_set_wasm` has been given an instance's exports.
 */
declare module '@ast-grep/wasm/wasm_bg.js' {
  export * from '@ast-grep/wasm';
  /** Hands the instantiated module's exports to the glue (wasm-bindgen internal; pinned version). */
  export function __wbg_set_wasm(exports: WebAssembly.Exports): void;
}
