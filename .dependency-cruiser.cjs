/**
 * The layer table (VS Code's code-layering rule, checked on every `npm run lint`):
 *
 *   common/    runs in every process: imports only common/ (and zod)
 *   main/      Electron main and the browser host's server: common/, main/
 *   preload/   the preload: common/ (and electron)
 *   tools/     CLIs: common/, main/ (the assist evaluation also runs the pane's pure assist session: see below)
 *   demo/      `npm run demo` (its SIP server, CRM, caller page): common/, main/; nothing in the product imports it
 *   renderer/  the web app: common/, renderer/; inside it, from the bottom up:
 *                platform/ ui/ db/ i18n/       no feature, no app/
 *                features/phone                 the call model and JsSIP engine
 *                features/{devices agent screenpop quality recording knowledge}
 *                features/{assist shortcuts supervision updates sign-in desktop click-to-dial diagnostics callbacks}
 *                app/                           the composition root: App.tsx, bootstrap.ts, store.ts
 *
 * A feature imports only features in lower layers, and only through their index.ts (what a feature names
 * there is its public surface; the root's i18n list alone reads each feature's messages.ts); siblings in one layer never import each other. What a feature needs from a
 * sibling or a higher layer it gets as a port from bootstrap, or as a slot filled in App.tsx. These rules
 * make the features' folder graph acyclic; `no-circular` keeps modules acyclic too.
 */
const L1 = 'phone';
const L2 = 'devices|agent|screenpop|quality|recording|knowledge';
const L3 = 'assist|shortcuts|supervision|updates|sign-in|desktop|click-to-dial|diagnostics|callbacks';
const feature = (names) => `^renderer/features/(${names})/`;

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Modules form no cycle.', from: {}, to: { circular: true } },
    { name: 'common-is-common', severity: 'error', comment: 'common/ runs in every process: it imports only common/.', from: { path: '^common/' }, to: { path: '^(main|preload|renderer|tools|test)/' } },
    { name: 'main-not-renderer', severity: 'error', from: { path: '^(main|preload|tools)/', pathNot: '^tools/assist-(eval|intent-tune)\\.ts$' }, to: { path: '^(renderer|test)/' } },
    {
      name: 'assist-eval-only-the-session',
      severity: 'error',
      comment: 'The assist evaluation (tools/assist-eval.ts, assist-intent-tune.ts) runs the pane\'s pure session and text analysis under Node, nothing else of renderer/.',
      from: { path: '^tools/assist-(eval|intent-tune)\\.ts$' },
      to: { path: '^(renderer|test)/', pathNot: '^renderer/features/assist/(assist-session|suggestion-board)\\.ts$|^renderer/features/assist/analysis/' },
    },
    { name: 'product-not-demo', severity: 'error', comment: 'demo/ is the demo\'s own (embedded SIP server, sample CRM): the product never depends on it.', from: { path: '^(common|main|preload|renderer|tools)/' }, to: { path: '^demo/' } },
    { name: 'demo-not-renderer', severity: 'error', from: { path: '^demo/' }, to: { path: '^(renderer|test)/' } },
    { name: 'main-not-tools', severity: 'error', from: { path: '^(main|preload|common)/' }, to: { path: '^tools/' } },
    { name: 'preload-only-common', severity: 'error', from: { path: '^preload/' }, to: { path: '^main/' } },
    { name: 'renderer-not-main', severity: 'error', from: { path: '^renderer/' }, to: { path: '^(main|preload|tools|test)/' } },
    { name: 'base-below-features', severity: 'error', comment: 'platform/, ui/, db/ and i18n/ sit below every feature and the app.', from: { path: '^renderer/(platform|ui|db|i18n)/' }, to: { path: '^renderer/(features|app)/' } },
    { name: 'features-below-app', severity: 'error', comment: 'app/ is the composition root: nothing imports it.', from: { path: '^renderer/(features|platform|ui|db|i18n)/' }, to: { path: '^renderer/app/' } },
    { name: 'phone-is-the-base-feature', severity: 'error', from: { path: feature(L1) }, to: { path: feature(`${L2}|${L3}`) } },
    { name: 'layer-2-siblings-and-up', severity: 'error', comment: 'A layer-2 feature imports only phone; siblings get ports from bootstrap.', from: { path: feature(L2) }, to: { path: feature(`${L2}|${L3}`), pathNot: '^renderer/features/$1/' } },
    { name: 'layer-3-siblings', severity: 'error', from: { path: feature(L3) }, to: { path: feature(L3), pathNot: '^renderer/features/$1/' } },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment: "Another feature (or the app) imports a feature only through its index.ts; the app's i18n bundle list also reads each feature's messages.ts (plain data, so loading the strings never loads the feature).",
      from: { path: '^renderer/(?:app|features/([^/]+))/' },
      to: { path: '^renderer/features/[^/]+/', pathNot: ['^renderer/features/$1/', '^renderer/features/[^/]+/index\\.tsx?$', '^renderer/features/[^/]+/messages\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist|test/\\.run)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'] },
    reporterOptions: { dot: { collapsePattern: '^(renderer/features/[^/]+|renderer/[^/]+|[^/]+)/' } },
  },
};
