import { defineConfig } from '@playwright/test';

// Browser tests drive the real renderer through the real hub in Debian's Chromium
// (never a downloaded browser). Electron tests live in e2e/electron and skip, saying so,
// where the Electron binary is missing.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    // A failure keeps what the page showed, for whoever reads the CI log.
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
