/**
 * A Vite plugin that writes the renderer's CSP into index.html as <meta http-equiv="Content-Security-Policy">,
 * from the same source the hosts' header comes from (common/contract/csp.ts), so the two cannot drift and the
 * Vite dev server (which sends no CSP header) runs under the policy too.
 */
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../common/contract/csp';

const CHARSET = /<meta\s+charset=[^>]*>/i;

/** The plugin for the renderer bundle of electron.vite.config.ts. */
export function cspMetaPlugin(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`;
  return {
    name: 'lingxi-csp-meta',
    transformIndexHtml: {
      // 'pre': in place before Vite adds its script and style tags, so the policy governs every one of them.
      // Right after the charset declaration, which must stay within the page's first 1024 bytes.
      order: 'pre',
      handler: (html) => {
        if (!CHARSET.test(html)) throw new Error('renderer/index.html needs a <meta charset> to put the CSP after');
        return html.replace(CHARSET, (charset) => `${charset}\n    ${meta}`);
      },
    },
  };
}
