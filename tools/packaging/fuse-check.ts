/**
 * The afterPack fuse check: flips electron-builder.yml's `electronFuses` into the packed binary, reads the wire
 * back with @electron/fuses and fails the build when any fuse differs or is left unset. electron-builder flips the
 * same values again before signing (it does so after every afterPack hook), so what is signed is what was checked.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import type { AfterPackContext } from 'electron-builder';

/** electron-builder.yml's electronFuses keys and the wire position each sets. */
export const FUSE_POSITIONS = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
} as const;

export type FuseName = keyof typeof FUSE_POSITIONS;
export type FuseSettings = Partial<Record<FuseName, boolean>>;
/** A wire as getCurrentFuseWire returns it: the version, then one state byte per position. */
export type FuseWire = { version: string } & Record<number, number | undefined>;

export interface FuseReport {
  /** Fuses whose state in the binary is not the one electron-builder.yml asks for. */
  differences: string[];
  /** Fuses the yml leaves unset (Electron's default applies: every fuse must be set explicitly). */
  unset: FuseName[];
  /** Wire positions no yml key can set (a newer Electron than @electron/fuses knows): reported, not failed. */
  unknownPositions: number[];
}

const stateName = (state: number | undefined): string =>
  state === FuseState.ENABLE ? 'enabled' : state === FuseState.DISABLE ? 'disabled' : state === FuseState.REMOVED ? 'removed' : `unknown (${state})`;

/** Compares the wire read from a binary with the yml's electronFuses. */
export function compareFuses(wanted: FuseSettings, wire: FuseWire): FuseReport {
  const differences: string[] = [];
  const unset: FuseName[] = [];
  if (wire.version !== FuseVersion.V1) differences.push(`fuse wire version ${wire.version}, expected ${FuseVersion.V1}`);
  for (const [name, position] of Object.entries(FUSE_POSITIONS) as [FuseName, number][]) {
    const value = wanted[name];
    if (value === undefined) {
      unset.push(name);
      continue;
    }
    const actual = wire[position];
    const expected = value ? FuseState.ENABLE : FuseState.DISABLE;
    if (actual !== expected) differences.push(`${name}: ${stateName(actual)} in the binary, electron-builder.yml says ${value ? 'enabled' : 'disabled'}`);
  }
  const known = new Set<number>(Object.values(FUSE_POSITIONS));
  const unknownPositions = Object.keys(wire)
    .filter((key) => key !== 'version' && !known.has(Number(key)))
    .map(Number);
  return { differences, unset, unknownPositions };
}

/** The config @electron/fuses flips with: every yml fuse at its position. */
export function toFuseConfig(wanted: FuseSettings): FuseV1Config {
  const config: FuseV1Config = { version: FuseVersion.V1 };
  for (const [name, position] of Object.entries(FUSE_POSITIONS) as [FuseName, FuseV1Options][]) {
    const value = wanted[name];
    if (value !== undefined) config[position] = value;
  }
  return config;
}

/** The file holding the fuse wire in a packed app (the .app bundle on macOS: @electron/fuses finds the framework). */
export function packedBinaryPath(context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName' | 'packager'>): string {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, (packager as unknown as { executableName: string }).executableName);
}

/** Marks dist:check's stand-in Electron (tools/packaging/stand-in-electron.ts) so the hook can say what it checked. */
export const STAND_IN_MARKER = 'LINGXI-STAND-IN-ELECTRON.txt';

/** The afterPack step: flip, read back, compare; throws (failing the build) on any difference or unset fuse. */
export async function checkPackedFuses(context: AfterPackContext, log: (line: string) => void = console.log): Promise<void> {
  const wanted = (context.packager.config.electronFuses ?? {}) as FuseSettings;
  const binary = packedBinaryPath(context);
  const standIn = existsSync(join(context.appOutDir, STAND_IN_MARKER));
  await context.packager.addElectronFuses(context, toFuseConfig(wanted));
  const report = compareFuses(wanted, (await getCurrentFuseWire(binary)) as unknown as FuseWire);
  const problems = [...report.differences, ...report.unset.map((name) => `${name}: not set in electron-builder.yml (set every fuse explicitly)`)];
  if (problems.length > 0) throw new Error(`fuse check failed for ${binary}:\n  ${problems.join('\n  ')}`);
  if (report.unknownPositions.length > 0) {
    log(`fuses: warning: the binary has fuses at positions ${report.unknownPositions.join(', ')} that neither @electron/fuses nor electron-builder.yml can name; update @electron/fuses`);
  }
  const what = standIn ? 'the stand-in binary (its wire is in Electron\'s format; the real binary is checked by the release workflow)' : binary;
  log(`fuses: ${Object.keys(FUSE_POSITIONS).length} of ${Object.keys(FUSE_POSITIONS).length} read back as electron-builder.yml sets them in ${what}`);
}
