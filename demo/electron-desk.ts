/**
 * `npm run demo -- --electron`: the agent's desk as the real Electron app (the electron package's binary
 * running out/main/index.js) instead of the browser host. Electron's npm package downloads its binary at
 * install time; where that failed (an offline machine) there is none, and the demo says so and how to get
 * it, before starting anything. `require('electron')` is never used to find it: it would try to download.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; message: string };

/** How to get the binary, for the one-line message. */
export const INSTALL_ELECTRON = 'install it with `node node_modules/electron/install.js` (it downloads from github.com; set ELECTRON_MIRROR for a mirror), or run the demo without --electron to use the browser';

/**
 * Where the electron package's binary is, as node_modules/electron/index.js would resolve it (path.txt,
 * dist/, ELECTRON_OVERRIDE_DIST_PATH), or why there is none.
 */
export function findElectronBinary(electronDir: string, env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): ElectronBinary {
  if (!exists(join(electronDir, 'package.json'))) return { ok: false, message: `--electron needs the electron package, which is not installed (${electronDir}): run \`npm ci\`` };
  const pathFile = join(electronDir, 'path.txt');
  const relative = exists(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = override ? join(override, relative || 'electron') : relative ? join(electronDir, 'dist', relative) : undefined;
  if (path && exists(path)) return { ok: true, path };
  const where = override ? `ELECTRON_OVERRIDE_DIST_PATH has no ${relative || 'electron'}` : 'its download during `npm ci` did not complete';
  return { ok: false, message: `--electron needs Electron's binary, which is not on this machine (${where}): ${INSTALL_ELECTRON}` };
}

/** Starts the app (`electron <root> --policy=…`) with its own profile under `userDataDir`. */
export function launchElectronDesk(binary: string, root: string, policyPath: string, userDataDir: string): ChildProcess {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // Its own profile, so the demo neither reads nor writes a real Lingxi's (and its single-instance lock does
  // not hand the demo to a Lingxi already running): Chromium's switch, and on Linux Electron's appData.
  if (process.platform === 'linux') env.XDG_CONFIG_HOME = userDataDir;
  return spawn(binary, [root, `--policy=${policyPath}`, `--user-data-dir=${userDataDir}`], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
}
