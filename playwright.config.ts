import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built console (`next build` runs first, see package.json) and the real
 * stack started by e2e/global-setup.ts, in Debian's Chromium: Playwright's own browser download
 * cannot work offline.
 */
export default defineConfig({
  testDir: 'e2e',
  // Browser journeys only: e2e/faults/*.faults.test.ts are Vitest suites (npm run test:faults).
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.VIGIL_E2E_BASE_URL,
    timezoneId: 'UTC',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
