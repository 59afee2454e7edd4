import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { offlineSupport } from './scripts/vite-offline.ts';
import { staticHostHeaders } from './scripts/vite-headers.ts';
import { pyodideAssets } from './scripts/vite-pyodide.ts';

export default defineConfig({
  // Relative base: the data:-URL worker in the sandbox resolves chunk and .wasm URLs from import.meta.url.
  base: './',
  // The HTTP headers (CSP frame-ancestors, nosniff, CORS for the sandbox) come from public/_headers, which the
  // static hosts read too.
  plugins: [svelte(), pyodideAssets(), offlineSupport(), staticHostHeaders()],
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
      input: { main: 'index.html', sandbox: 'sandbox.html', embed: 'embed.html' },
    },
  },
  server: { cors: { origin: '*' } },
  preview: { cors: { origin: '*' }, port: 4173, strictPort: true },
});
