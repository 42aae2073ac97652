/**
 * Set-up for the renderer files that share one module graph (vitest.config.ts: isolate false), so share the
 * test store too: every test starts with its language in English, whatever a test before it switched to (the
 * store's language picks the policy's code-list labels). Not for the isolated files: importing the store here
 * would load the modules they mock before their mocks.
 */
import { beforeEach } from 'vitest';
import { useStore } from './support/app-store';

beforeEach(() => {
  useStore.getState().setLanguage('en', false);
});
