import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

// One config, three bundles: out/main (Node, ESM), out/preload (CommonJS, as sandboxed preloads must be),
// out/renderer (the web app, also served as-is by the browser host).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Everything is bundled (devDependencies), except the native modules the speech service loads at run
      // time: they cannot be bundled, so they are production dependencies that electron-builder ships
      // (unpacked from the asar, see electron-builder.yml).
      externalizeDeps: false,
      // speech-service: the local speech service, forked by main as a utilityProcess (main/features/speech/launcher.ts).
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/index.ts'), 'speech-service': resolve(__dirname, 'main/features/speech/service-entry.ts') },
        external: ['koffi', 'sherpa-onnx-node'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require node_modules: bundle everything.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
