import { defineConfig } from 'vite';

// The CLI: the engine bundled for Node (dependencies stay external and load from node_modules), plus the worker
// thread entries: the `run --data` grading threads and the one that hosts Pyodide for python graders.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { cli: 'src/cli/index.ts', 'data-worker': 'src/cli/data-worker.ts', 'python-worker': 'src/engine/python/node-worker.ts' },
      // Chunks sit beside the entries: modules find their sibling entries (python-worker.js, data-worker.js) by import.meta.url.
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', format: 'es' },
    },
  },
});
