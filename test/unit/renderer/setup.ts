import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n } from '@renderer/i18n';
import { messageBundles } from '@renderer/app/bundles';

await initI18n('en', messageBundles);
afterEach(() => cleanup());
