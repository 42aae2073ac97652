// Lint rules, including the import boundaries between processes (STYLE.md "Layout"):
// renderer never imports electron or main/, main and tools never import renderer/, common/ imports only zod.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/.run/**', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Files are split by cohesion; 400 lines is a prompt to look (lint fails on warnings, so a file that
      // stays longer says why in an eslint-disable comment), not a number to fill.
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['renderer/**'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The renderer must not import electron: use window.lingxi via platform/host.ts.' },
      { group: ['**/main/**', '@main/*', 'node:*'], message: 'The renderer must not import main/ or Node built-ins.' },
    ]),
  },
  {
    files: ['main/**'],
    rules: restrict([{ group: ['**/renderer/**', '@renderer/*'], message: 'main/ must not import renderer/.' }]),
  },
  {
    // The browser host and the helpers it shares with main run under plain Node (npm run web, Playwright).
    // Listed whole because a later no-restricted-imports entry replaces the one above.
    files: ['main/web-host/**', 'main/shared/**'],
    rules: restrict([
      { group: ['**/renderer/**', '@renderer/*'], message: 'main/ must not import renderer/.' },
      { group: ['electron', 'electron/*'], message: 'main/web-host and main/shared run under plain Node: no electron import.' },
    ]),
  },
  {
    // The demo (npm run demo) runs under plain Node beside the product; it must not reach into the renderer.
    files: ['demo/**'],
    rules: restrict([
      { group: ['**/renderer/**', '@renderer/*'], message: 'demo/ must not import renderer/.' },
      { group: ['electron', 'electron/*'], message: 'demo/ runs under plain Node: no electron import.' },
    ]),
  },
  {
    files: ['tools/**'],
    ignores: ['tools/assist-eval.ts', 'tools/assist-intent-tune.ts'],
    rules: restrict([{ group: ['**/renderer/**', '@renderer/*'], message: 'tools/ must not import renderer/: shared code lives in common/.' }]),
  },
  {
    // The assist evaluation runs scripted calls through the pane's session as a live call does; the session and
    // its text analysis are pure (no DOM, store or audio), so they run under Node. Nothing else of renderer/.
    files: ['tools/assist-eval.ts', 'tools/assist-intent-tune.ts'],
    rules: restrict([
      {
        regex: '^(?!\\.\\./renderer/features/assist/(assist-session|analysis)$).*renderer',
        message: 'the assist evaluation may import only the assist session and its analysis from renderer/.',
      },
    ]),
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\.{1,2}/|@common/).*', message: 'common/ runs in every process: it imports only zod and common/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**'],
    rules: restrict([
      { group: ['**/main/**', '**/renderer/**', '@main/*', '@renderer/*'], message: 'The preload must not import main/ or renderer/.' },
    ]),
  },
);
