import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n } from '@renderer/i18n';
import { messageBundles } from '@renderer/app/bundles';

await initI18n('en', messageBundles);
// Test files share a worker's modules (vitest.config.ts: isolate false), i18next included: every test starts
// in English whatever a test before it (in this file or another) switched to.
beforeEach(async () => {
  await initI18n('en');
});
afterEach(() => cleanup());
