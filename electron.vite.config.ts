import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import { cspMetaPlugin } from './tools/csp-meta-plugin';

/** The path aliases of tsconfig.json, for every bundle (and vitest.config.ts). */
export const alias = {
  '@common': resolve(import.meta.dirname, 'common'),
  '@main': resolve(import.meta.dirname, 'main'),
  '@renderer': resolve(import.meta.dirname, 'renderer'),
};

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

// One config, three bundles: out/main (Node, ESM), out/preload (CommonJS, as sandboxed preloads must be),
// out/renderer (the web app, also served as-is by the browser host).
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Everything is bundled (devDependencies), except the production dependencies electron-builder ships in
      // node_modules anyway: the native modules the speech service loads at run time (they cannot be bundled;
      // unpacked from the asar, see electron-builder.yml) and electron-updater (bundling it would ship it twice).
      externalizeDeps: false,
      // speech-service: the local speech service, forked by main as a utilityProcess (main/features/speech/launcher.ts).
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'main/index.ts'), 'speech-service': resolve(import.meta.dirname, 'main/features/speech/service-entry.ts') },
        external: ['koffi', 'sherpa-onnx-node', 'electron-updater'],
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require node_modules: bundle everything.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    // The CSP as a <meta> in index.html as well as the hosts' header: the dev server sends no header.
    plugins: [cspMetaPlugin()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
