import { defineConfig } from '@playwright/test';

// `npm run screenshots`: the desk's pictures (desk.shots.ts), through test/e2e/run.sh for its loopback-only
// network namespace, with the end-to-end fixtures (Kamailio, the CRM double, the peer, the browser host).
export default defineConfig({
  testDir: '.',
  testMatch: '*.shots.ts',
  globalSetup: '../fixtures/global-setup.ts',
  outputDir: '../../test-results/screenshots',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 15_000 },
});
