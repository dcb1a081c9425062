import { defineConfig } from '@playwright/test';
import { systemChromiumLaunchOptions } from './e2e/browser';

const CI = !!process.env.CI;
// The suite's server listens on E2E_PORT (3100 unless set); journeys that start servers of
// their own use E2E_PORT + 50 + the worker's parallel index (e2e/own-server.ts). README.md lists them.
const PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

const launchOptions = systemChromiumLaunchOptions();

export default defineConfig({
  testDir: './e2e',
  // Two cores: the server and two browsers are all the machine can take.
  workers: 2,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...(launchOptions ? { launchOptions } : {}),
  },
  projects: [
    {
      name: 'desktop',
      // Tests tagged @phone only make sense on a phone.
      grepInvert: /@phone\b/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      // The article journey on a phone; request-only checks tagged @desktop are not repeated.
      testMatch: /article\.spec\.ts$/,
      grepInvert: /@desktop\b/,
      use: {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        userAgent:
          'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
      },
    },
  ],
  webServer: {
    // Rebuilds against a fresh, seeded ./test-data database, then serves it (see the script).
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    // Never a server this run did not start: whatever else listens on the port has its own
    // build and data, and the journeys read and write ./test-data directly. A busy port is an
    // error that names it (move the suite with E2E_PORT).
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
