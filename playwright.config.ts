import { defineConfig } from '@playwright/test';

// End-to-end specs: run through `npm run test:e2e` (test/e2e/run.sh), which puts the run in a
// loopback-only network namespace. Fixtures start Kamailio, the browser host and the peers themselves.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  globalSetup: './test/fixtures/global-setup.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
});
