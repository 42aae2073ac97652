/**
 * Rebuilds the renderer for the browser host only when the sources are newer than the build,
 * so `npm run web` is fast the second time and never serves a stale bundle.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const skippedDirs = new Set(['node_modules', '.git', 'out', 'dist']);

/** The newest modification time of any file under dir (0 when dir is missing or empty). */
export async function newestMtime(dir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let newest = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name)) newest = Math.max(newest, await newestMtime(path));
    } else if (entry.isFile()) {
      newest = Math.max(newest, (await stat(path)).mtimeMs);
    }
  }
  return newest;
}

/** Whether out/renderer/index.html is missing or older than any file in the source dirs. */
export async function isBuildStale(builtIndex: string, sourceDirs: readonly string[]): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(builtIndex)).mtimeMs;
  } catch {
    return true;
  }
  for (const dir of sourceDirs) if ((await newestMtime(dir)) > built) return true;
  return false;
}

/**
 * Runs `npx electron-vite build` in root. Its output goes to stderr so stdout carries only the
 * host's URL line, which scripts and tests read.
 */
export function runRendererBuild(root: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['electron-vite', 'build'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
      shell: process.platform === 'win32',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`electron-vite build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Builds the renderer if needed; returns whether it built. */
export async function ensureRendererBuilt(root: string): Promise<boolean> {
  const stale = await isBuildStale(join(root, 'out', 'renderer', 'index.html'), [
    join(root, 'renderer'),
    join(root, 'common'),
  ]);
  if (stale) await runRendererBuild(root);
  return stale;
}
