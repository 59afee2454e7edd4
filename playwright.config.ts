import { defineConfig } from '@playwright/test';

// Debian's chromium by default (Playwright's browser download does not work on these machines);
// CHROMIUM_PATH overrides it, and an empty value uses Playwright's own browser where it is installed.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
// The build to serve (default dist/, what `npm test` builds); another folder lets parallel runs keep apart.
const outDir = process.env.E2E_DIST ?? 'dist';
// The spec files whose tests start Python (Pyodide) in the page: python graders, ast_grep_py, trainer parity, the
// gallery's python examples. They run one file at a time (project `pyodide` below).
const PYODIDE_SPECS = /\/(python|python-platform|boundary|paste-anything|offline|ast|fidelity|model|capped-text|dataset|dataset-memory|headers|trainer|learn)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  // Separate folders let parallel runs (CI, several developers) keep their traces apart.
  outputDir: process.env.E2E_OUT ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two spec files at a time (each test has its own browser context; servers listen on port 0), but never two that
  // start Pyodide: on a 2-core machine two Python cold starts at once push tests past their waits, so those specs
  // are a project of their own with one worker, and run beside the rest. E2E_WORKERS=1 runs one file at a time.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  projects: [
    { name: 'pyodide', testMatch: PYODIDE_SPECS, workers: 1 },
    { name: 'app', testIgnore: PYODIDE_SPECS },
  ],
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Recording a trace for every test (screencast, DOM snapshots) made the suite about a third slower on 2 cores
    // (share + metrics specs: 121 s against 82 s): CI traces a test's retry, so a failure still comes with one.
    // Locally, `npx playwright test --trace retain-on-failure` keeps one for each failure.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
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
