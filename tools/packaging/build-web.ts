/**
 * `npm run build:web` (after `electron-vite build`): the browser host as a self-contained folder, dist/web/, that IT
 * runs with plain Node — `node lingxi-web.mjs --policy <file.json> [--port <n>]` — with no checkout, no dev
 * dependencies and no TypeScript at run time:
 *   lingxi-web.mjs, speech-service-entry.mjs,     the host server and the speech service, bundled by Vite
 *   chunks/                                        (code the two share)
 *   renderer/                                      the built renderer (out/renderer)
 *   node_modules/                                  the speech service's native modules (koffi, sherpa-onnx-node and
 *                                                  this platform's binary packages): they cannot be bundled
 *   assets/knowledge/sample-kb.json                the knowledge package speech uses when the policy names none
 *   package.json                                   "type": "module", the version
 * The native modules are this build machine's platform: build on the OS the folder is for.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { alias } from '../../electron.vite.config';
import { diskSize } from './disk-size';

const root = join(import.meta.dirname, '..', '..');
export const WEB_DIR = join(root, 'dist', 'web');
/** The only modules the bundles keep external (as in electron.vite.config.ts's main build). */
const NATIVE = ['koffi', 'sherpa-onnx-node'];

/** The installed native packages to copy: the two modules and whichever platform packages npm installed for them. */
export function nativePackageDirs(nodeModules: string): string[] {
  const platform = (dir: string, prefix: string) =>
    existsSync(join(nodeModules, dir)) ? readdirSync(join(nodeModules, dir)).filter((name) => name.startsWith(prefix)).map((name) => join(dir, name)) : [];
  return [...NATIVE, ...platform('@koromix', 'koffi-'), ...platform('.', 'sherpa-onnx-').filter((name) => name !== 'sherpa-onnx-node').map((name) => name.replace(/^\.\//, ''))];
}


async function bundleServer(): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias },
    ssr: { noExternal: true, external: NATIVE },
    build: {
      ssr: true,
      target: 'node20',
      outDir: WEB_DIR,
      emptyOutDir: false,
      minify: false,
      rollupOptions: {
        input: {
          'lingxi-web': join(root, 'main/web-host/bundle-entry.ts'),
          // service-entry.ts starts its Node launcher only from a file whose name ends in service-entry.mjs.
          'speech-service-entry': join(root, 'main/features/speech/service-entry.ts'),
        },
        external: NATIVE,
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const renderer = join(root, 'out/renderer');
  if (!existsSync(join(renderer, 'index.html'))) throw new Error('out/renderer/index.html is missing: run `npm run build` first (npm run build:web does)');
  rmSync(WEB_DIR, { recursive: true, force: true });
  mkdirSync(WEB_DIR, { recursive: true });
  await bundleServer();
  cpSync(renderer, join(WEB_DIR, 'renderer'), { recursive: true, filter: (source) => !source.endsWith('.map') });
  const nodeModules = join(root, 'node_modules');
  for (const name of nativePackageDirs(nodeModules)) cpSync(join(nodeModules, name), join(WEB_DIR, 'node_modules', name), { recursive: true, dereference: true });
  cpSync(join(root, 'assets/knowledge/sample-kb.json'), join(WEB_DIR, 'assets/knowledge/sample-kb.json'));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(WEB_DIR, 'package.json'), `${JSON.stringify({ name: 'lingxi-web', version, private: true, type: 'module', description: 'Lingxi browser host: node lingxi-web.mjs --policy <file.json> [--port <n>]' }, null, 2)}\n`);
  const figures = { webDir: WEB_DIR, bytes: diskSize(WEB_DIR), nativeModules: nativePackageDirs(nodeModules), seconds: Math.round((performance.now() - started) / 100) / 10 };
  process.stdout.write(`${JSON.stringify({ buildWeb: 'done', ...figures })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`build:web: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
