/**
 * Offline support in the build: vite-plugin-pwa compiles src/offline/sw.ts and injects the list of files to
 * precache (Workbox's injectManifest). The list is the app shell, Monaco, the grader worker, Pyodide's runtime
 * (its 9.6 MB wasm included: without it no python grader runs offline) and the data files; the grammars
 * (~20 MB) are left to the worker's runtime cache, each on first use. Source maps are never cached.
 */
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The sandbox frame's script is inlined into the frame's srcdoc (src/worker/sandbox-document.ts), where a
 * relative import of another chunk cannot resolve: fail the build, not the app, if it ever imports one.
 */
function sandboxSelfContained(): Plugin {
  return {
    name: 'grader-playground:sandbox-self-contained',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || chunk.name !== 'sandbox') continue;
        const imports = [...chunk.imports, ...chunk.dynamicImports];
        if (imports.length > 0) this.error(`the sandbox entry must be one file, but ${chunk.fileName} imports ${imports.join(', ')}`);
      }
    },
  };
}

export function offlineSupport(): Plugin[] {
  return [sandboxSelfContained(), ...VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    injectRegister: false, // src/offline/register.ts registers it after load
    manifest: false,
    injectManifest: {
      globPatterns: ['**/*.{html,js,mjs,css,ttf,wasm,zip,json,gz,txt,whl}'],
      globIgnores: ['**/tree-sitter-*.wasm', 'sw.js'],
      // Pyodide's wasm is 9.6 MB.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      rollupFormat: 'iife',
    },
  })];
}
