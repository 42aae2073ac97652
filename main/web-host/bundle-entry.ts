/**
 * The entry of `npm run build:web`'s folder, bundled to lingxi-web.mjs: `node lingxi-web.mjs --policy <file.json>
 * [--port <n>] [--supervision-key <file>]` with plain Node, no checkout. Everything is beside this file: the built
 * renderer in renderer/, the speech service in speech-service-entry.mjs with its native modules in node_modules/, and
 * the sample knowledge package in assets/ (tools/packaging/build-web.ts lays it out).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAsProcess } from './cli';

const here = dirname(fileURLToPath(import.meta.url));

runAsProcess({
  root: here,
  rendererDir: join(here, 'renderer'),
  // Built once by build:web: nothing to rebuild at run time.
  ensureBuilt: async () => false,
  usage: 'usage: node lingxi-web.mjs --policy <file.json> [--port <n>] [--supervision-key <file>]',
  speechLayout: { entry: join(here, 'speech-service-entry.mjs'), nodeArgs: [], cwd: here, samplePackage: join(here, 'assets/knowledge/sample-kb.json') },
});
