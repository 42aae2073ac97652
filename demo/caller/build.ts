/** Bundles the caller page (JsSIP has no browser build) with Vite's build API into `outDir`. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function buildCallerPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./page', import.meta.url)),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false },
  });
}
