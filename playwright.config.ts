import { defineConfig, devices } from '@playwright/test';
import { PORT, SMTP_PORT } from './tests/e2e/ports';

// One installation per run: a fresh data directory, so the first-run setup journey starts from nothing.
const dataDir = `test-results/e2e-data-${Date.now()}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Whole journeys with an axe scan on every page: minutes, not seconds, on two busy cores.
  timeout: 600_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
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
  webServer: {
    // Build the web app the server serves, then start the server on an empty data directory.
    command: `rm -rf test-results/e2e-data-* && npx vite build --logLevel warn && npx tsx src/server/main.ts`,
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The SMTP sink of tests/e2e/global-setup.ts; mails leave the outbox quickly.
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      OUTBOX_INTERVAL_MS: '300',
      // All journeys sign in from one address; better-auth's window restarts with every attempt, so
      // ten sign-ins less than a minute apart anywhere in the suite would lock the next journey out.
      SIGNIN_RATE_LIMIT: '100',
    },
  },
});
