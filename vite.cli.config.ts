import { defineConfig } from 'vite';

// The CLI: the engine bundled for Node (dependencies stay external and load from node_modules).
export default defineConfig({
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
  },
});
