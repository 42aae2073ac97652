import 'i18next';
import type { en } from './bundles';

// Typed keys: t('registration.registered') is checked at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
