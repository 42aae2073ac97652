/**
 * `npm run web -- --policy <file.json> [--port <n>] [--supervision-key <file>]` in a checkout: rebuilds the renderer
 * when the sources are newer, then serves out/renderer; the speech service runs from the sources under tsx.
 */
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from './build';
import { runAsProcess } from './cli';

runAsProcess({ root: fileURLToPath(new URL('../../', import.meta.url)), ensureBuilt: ensureRendererBuilt });
