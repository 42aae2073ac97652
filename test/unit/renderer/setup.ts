import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n } from '@renderer/i18n';
import { messageBundles } from '@renderer/app/bundles';

// IndexedDB (fake-indexeddb, Node's structuredClone) keeps Blobs as Chromium does only if they are Node's own:
// happy-dom's Blob comes back from a stored record as an empty object.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

await initI18n('en', messageBundles);
// Test files share a worker's modules (vitest.config.ts: isolate false), i18next included: every test starts
// in English whatever a test before it (in this file or another) switched to.
beforeEach(async () => {
  await initI18n('en');
});
afterEach(() => cleanup());
