import { defineConfig } from '@playwright/test';

// Under libfaketime (a run on a shifted clock, see docs/testing.md) Chromium stalls, so the browser starts
// without it; the test runner and the servers keep the shifted clock, and each page's clock is set by
// page.clock anyway. The browser keeps TZ, so pages still run in the shifted zone.
const preload = (process.env.LD_PRELOAD ?? '').split(/[:\s]+/).filter((library) => library !== '' && !library.includes('faketime'));
const browserEnv = { ...process.env, LD_PRELOAD: preload.join(':') };

// Debian's Chromium: Playwright's own browser download cannot run on these machines.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      env: browserEnv,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
