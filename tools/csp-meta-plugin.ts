/**
 * A Vite plugin that writes the renderer's CSP into index.html as <meta http-equiv="Content-Security-Policy">,
 * from the same source the hosts' header comes from (common/contract/csp.ts), so the two cannot drift and the
 * Vite dev server (which sends no CSP header) runs under the policy too.
 */
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../common/contract/csp';

/** The plugin for the renderer bundle of electron.vite.config.ts. */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'lingxi-csp-meta',
    transformIndexHtml: {
      // 'pre': the meta is in place before Vite injects its own tags, first in <head> so it governs them all.
      order: 'pre',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
      ],
    },
  };
}
