/**
 * Picks the host at start: the preload's `window.lingxi` in Electron, the browser implementation elsewhere.
 */
import type { LingxiApi } from '@common/contract/api';
import { createBrowserHost } from './browser-host';

declare global {
  interface Window {
    lingxi?: LingxiApi;
  }
}

let host: LingxiApi | undefined;

export function getHost(): LingxiApi {
  host ??= window.lingxi ?? createBrowserHost();
  return host;
}
