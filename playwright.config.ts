import { defineConfig } from '@playwright/test';

// Debian's chromium by default (Playwright's browser download does not work on these machines);
// CHROMIUM_PATH overrides it, and an empty value uses Playwright's own browser where it is installed.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
// The build to serve (default dist/, what `npm test` builds); another folder lets parallel runs keep apart.
const outDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  // Separate folders let parallel runs (CI, several developers) keep their traces apart.
  outputDir: process.env.E2E_OUT ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One spec file at a time by default: on a 2-core machine two Pyodide cold starts at once push python tests
  // past their waits. E2E_WORKERS=2 runs two (each test has its own browser context; servers listen on port 0).
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The tests run against the production build (npm test builds first), served like `npm start` serves it.
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
