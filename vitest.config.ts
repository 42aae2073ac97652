import { defineConfig, type Plugin } from 'vitest/config';
import { alias } from './electron.vite.config';

/** Renderer test files that mock modules (vi.mock) or start module-level timers: each gets a fresh module graph. */
const isolatedRendererTests = [
  'test/unit/renderer/features/supervision/board/lead-notifications.test.ts',
  'test/unit/renderer/features/supervision/calls/agent-supervision.test.ts',
  'test/unit/renderer/features/supervision/calls/lead-supervision.test.ts',
  'test/unit/renderer/features/screenpop/CustomerProfile.test.tsx',
  'test/unit/renderer/features/phone/call-lifecycle.test.ts',
  'test/unit/renderer/features/phone/phone-service.test.ts',
  'test/unit/renderer/platform/logger.test.ts',
  'test/unit/renderer/features/recording/capture/encoded/encoded-taps.test.ts',
  'test/unit/renderer/features/recording/capture/encoded/tap-watchdog.test.ts',
  'test/unit/renderer/platform/browser-host.test.ts',
];

/** electron-vite's `?asset` import (main/features/tray/tray-icons.ts) under Vitest: the file's own path, as at run time. */
const assetPaths: Plugin = {
  name: 'lingxi-asset-paths',
  enforce: 'pre',
  load: (id) => {
    const asset = /^(.*)\?asset$/.exec(id);
    return asset ? `export default ${JSON.stringify(asset[1])};` : undefined;
  },
};

// Unit tests mirror the source tree: Node for common/, main/, preload/ and tools/, happy-dom for the renderer.
export default defineConfig({
  plugins: [assetPaths],
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/main/**/*.test.ts', 'test/unit/fuzz/**/*.test.ts', 'test/unit/preload/**/*.test.ts', 'test/unit/common/**/*.test.ts', 'test/unit/tools/**/*.test.ts', 'test/unit/demo/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          exclude: isolatedRendererTests,
          setupFiles: ['test/unit/renderer/setup.ts', 'test/unit/renderer/setup-shared.ts'],
          // One happy-dom and one i18n set-up per worker, not per file: the renderer suite runs in under a
          // minute instead of four on two cores. Files that mock modules or leave timers need their own.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer-isolated',
          environment: 'happy-dom',
          include: isolatedRendererTests,
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
