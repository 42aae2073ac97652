import { defineConfig } from 'vitest/config';
import { alias } from './electron.vite.config';

// Unit tests mirror the source tree: Node for common/, main/, preload/ and tools/, happy-dom for the renderer.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/main/**/*.test.ts', 'test/unit/preload/**/*.test.ts', 'test/unit/common/**/*.test.ts', 'test/unit/tools/**/*.test.ts', 'test/unit/demo/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
