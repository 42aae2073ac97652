import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '@common/contract/csp';
import { cspMetaPlugin } from '../../../tools/csp-meta-plugin';

describe('cspMetaPlugin', () => {
  it('puts the shared CSP in the <head> of the page Vite builds, before any script', async () => {
    // A real Vite build of a one-line page, so the test sees the HTML a browser would get (not the hook's return).
    const root = resolve(import.meta.dirname, '../../.run/csp-meta');
    mkdirSync(root, { recursive: true });
    writeFileSync(resolve(root, 'index.html'), '<!doctype html><html><head><meta charset="UTF-8" /><title>t</title></head><body><script type="module">document.title = "x";</script></body></html>');
    await build({ root, logLevel: 'silent', configFile: false, plugins: [cspMetaPlugin()], build: { outDir: resolve(root, 'out'), emptyOutDir: true } });
    const html = readFileSync(resolve(root, 'out/index.html'), 'utf8');
    const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`;
    expect(html).toContain(meta);
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<script'));
  });
});
