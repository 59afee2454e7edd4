import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { offlineSupport } from './scripts/vite-offline.ts';
import { pyodideAssets } from './scripts/vite-pyodide.ts';

// Static files are fetched from the sandboxed, opaque-origin frame (origin "null"), so they must allow any
// origin; this exposes nothing: they are the public build itself.
const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

export default defineConfig({
  // Relative base: the data:-URL worker in the sandbox resolves chunk and .wasm URLs from import.meta.url.
  base: './',
  plugins: [svelte(), pyodideAssets(), offlineSupport()],
  // One file per worker: the sandbox loads the grader worker from its text (sandbox.ts), where a relative
  // import() of another chunk could not resolve.
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
  optimizeDeps: { exclude: ['pyodide', 'web-tree-sitter', '@ast-grep/wasm'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 5000,
    // The sandbox entry is inlined into its frame (sandbox-document.ts), so it must import no other chunk.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { main: 'index.html', sandbox: 'sandbox.html' },
    },
  },
  server: { headers, cors: { origin: '*' } },
  preview: { headers, cors: { origin: '*' }, port: 4173, strictPort: true },
});
