/**
 * A stand-in for Electron's Linux distribution, for `npm run dist:check` on machines that cannot download
 * Electron's binary. electron-builder's `electronDist` takes an unpacked distribution directory; from it,
 * `--linux dir` needs an `electron` executable (renamed to the app's), `LICENSE`, `version` and `resources/`.
 * The executable is a shell script that refuses to run, followed by a fuse wire in Electron's format (with
 * Electron's default states), so electron-builder's fuse flipping and the afterPack read-back run on it.
 */
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseVersion } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { STAND_IN_MARKER } from './fuse-check';

/** Electron's unflipped wire: RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file: privileges. */
const DEFAULT_WIRE = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];

/** The stand-in executable's bytes: a refusing shell script, then the fuse wire. */
export function standInExecutable(): Buffer {
  const script = '#!/bin/sh\necho "this is dist:check\'s stand-in for Electron, not Electron: build on the release workflow for a runnable app" >&2\nexit 1\n';
  return Buffer.concat([Buffer.from(script), Buffer.from(SENTINEL), Buffer.from([Number(FuseVersion.V1), DEFAULT_WIRE.length, ...DEFAULT_WIRE]), Buffer.from('\n')]);
}

/**
 * Writes the stand-in distribution into dir (emptied first).
 * @param electronPackageDir node_modules/electron: its LICENSE is copied, as electron-builder ships it
 */
export function writeStandInElectron(dir: string, version: string, electronPackageDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), standInExecutable());
  chmodSync(join(dir, 'electron'), 0o755);
  copyFileSync(join(electronPackageDir, 'LICENSE'), join(dir, 'LICENSE'));
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, STAND_IN_MARKER), 'A stand-in for Electron written by `npm run dist:check` (tools/packaging/stand-in-electron.ts): not runnable.\n');
}
