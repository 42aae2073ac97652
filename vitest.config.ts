import { defineConfig } from 'vitest/config';

// Unit tests mirror the source tree: Node for main/ and preload/, happy-dom for the renderer.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/main/**/*.test.ts', 'test/unit/preload/**/*.test.ts'],
        },
      },
      {
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
