import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: a single worker on CI's 2 cores, where the suite took
    // 305 s; with one per core it takes 191 s (its own process is idle while the workers run tests).
    maxWorkers: availableParallelism(),
  },
});
