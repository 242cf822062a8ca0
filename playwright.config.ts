import { defineConfig, devices } from '@playwright/test';
import { BASE_URL, PORT, SETUP_BASE_URL, SETUP_PORT, SMTP_PORT } from './tests/e2e/ports';

// Fresh data directories per run: the shared installation, where every journey creates its own network
// (tests/e2e/fixtures.ts), and an empty one for the first-run setup journey alone.
const run = Date.now();
const dataDir = `test-results/e2e-data-${run}`;
const setupDataDir = `test-results/e2e-data-${run}-setup`;

// How the server is built and started: the one place to change it.
const build = 'node scripts/build.mjs';
const start = 'node --enable-source-maps dist/server/main.js';

const serverEnv = (port: number, dir: string) => ({
  PORT: String(port),
  DATA_DIR: dir,
  LOG_LEVEL: 'warn',
  // The SMTP sink of tests/e2e/global-setup.ts; mails leave the outbox quickly.
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  OUTBOX_INTERVAL_MS: '300',
  // All journeys sign in from one address; better-auth's window restarts with every attempt, so a
  // suite's worth of sign-ins less than a minute apart would lock the next journey out.
  SIGNIN_RATE_LIMIT: '100',
  // Likewise the public forms' limit (60 per route and address in 10 minutes): every journey accepts its
  // accounts' invitations from 127.0.0.1. The limit itself is tested through the API.
  PUBLIC_WRITE_RATE_LIMIT: '2000',
});

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  // Journeys share nothing (each has its own network), so they run in any order, two at a time.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Whole journeys with an axe scan on every page: minutes, not seconds, on two busy cores.
  timeout: 600_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    // A step that cannot happen fails within a minute with the locator it waited for, rather than
    // holding the journey until the test's timeout.
    actionTimeout: 60_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'first-run',
      testMatch: /01-setup\.spec\.ts$/,
      use: { baseURL: SETUP_BASE_URL },
    },
    { name: 'journeys', testIgnore: /01-setup\.spec\.ts$/ },
  ],
  // Started one after the other, before global setup: the first builds the web app both serve.
  webServer: [
    {
      command: `rm -rf test-results/e2e-data-* && ${build} && ${start}`,
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: serverEnv(PORT, dataDir),
    },
    {
      command: start,
      url: `${SETUP_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: serverEnv(SETUP_PORT, setupDataDir),
    },
  ],
});
