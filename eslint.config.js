// Lint rules, including the import boundaries between processes (STYLE.md "Layout"):
// renderer never imports electron or main/, main never imports renderer/, preload/contract imports only zod.
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
    },
  },
  {
    files: ['renderer/**'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The renderer must not import electron: use window.lingxi via app/host.ts.' },
      { group: ['**/main/**', '../main/*', 'node:*'], message: 'The renderer must not import main/ or Node built-ins.' },
    ]),
  },
  {
    files: ['main/**'],
    rules: restrict([{ group: ['**/renderer/**'], message: 'main/ must not import renderer/.' }]),
  },
  {
    // The browser host and the helpers it shares with main run under plain Node (npm run web, Playwright).
    // Listed whole because a later no-restricted-imports entry replaces the one above.
    files: ['main/web-host/**', 'main/shared/**'],
    rules: restrict([
      { group: ['**/renderer/**'], message: 'main/ must not import renderer/.' },
      { group: ['electron', 'electron/*'], message: 'main/web-host and main/shared run under plain Node: no electron import.' },
    ]),
  },
  {
    // The knowledge CLIs (kb:eval, kb:banking77) run the app's own search engine in Node. The engine and
    // the package schema are pure TypeScript (no DOM, React or Dexie), so main/cli alone may import
    // exactly those two from renderer/; everything else in renderer/ stays off limits.
    files: ['main/cli/**'],
    rules: restrict([
      {
        regex: '^(?!(\\.\\./)+renderer/features/knowledge/(engine(/.*)?|package-schema)$).*renderer/',
        message: 'main/cli may import only renderer/features/knowledge/engine and package-schema from renderer/.',
      },
    ]),
  },
  {
    files: ['preload/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\./).*', message: 'preload/contract imports only zod and its own files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**'],
    ignores: ['preload/contract/**'],
    rules: restrict([
      { group: ['**/main/**', '**/renderer/**'], message: 'The preload must not import main/ or renderer/.' },
    ]),
  },
);
