import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import type { AfterPackContext } from 'electron-builder';
import { checkPackedFuses, compareFuses, STAND_IN_MARKER, toFuseConfig, type FuseSettings, type FuseWire } from '../../../../tools/packaging/fuse-check';
import { standInExecutable } from '../../../../tools/packaging/stand-in-electron';

/** electron-builder.yml's electronFuses at this commit. */
const yml: FuseSettings = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function binaryWithDefaultWire(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fuse-check-'));
  dirs.push(dir);
  const path = join(dir, 'electron');
  writeFileSync(path, standInExecutable());
  return path;
}
const read = async (path: string) => (await getCurrentFuseWire(path)) as unknown as FuseWire;

describe('compareFuses', () => {
  it('passes a binary flipped with the yml settings, read back from the file', async () => {
    const binary = binaryWithDefaultWire();
    await flipFuses(binary, toFuseConfig(yml));
    expect(compareFuses(yml, await read(binary))).toEqual({ differences: [], unset: [], unknownPositions: [] });
  });

  it("names each fuse that Electron's defaults leave different from the yml (an unflipped binary)", async () => {
    const report = compareFuses(yml, await read(binaryWithDefaultWire()));
    expect(report.differences).toEqual([
      'runAsNode: enabled in the binary, electron-builder.yml says disabled',
      'enableCookieEncryption: disabled in the binary, electron-builder.yml says enabled',
      'enableNodeOptionsEnvironmentVariable: enabled in the binary, electron-builder.yml says disabled',
      'enableNodeCliInspectArguments: enabled in the binary, electron-builder.yml says disabled',
      'enableEmbeddedAsarIntegrityValidation: disabled in the binary, electron-builder.yml says enabled',
      'onlyLoadAppFromAsar: disabled in the binary, electron-builder.yml says enabled',
      'grantFileProtocolExtraPrivileges: enabled in the binary, electron-builder.yml says disabled',
    ]);
  });

  it('reports one fuse flipped the other way after packing', async () => {
    const binary = binaryWithDefaultWire();
    await flipFuses(binary, { ...toFuseConfig(yml), [FuseV1Options.RunAsNode]: true });
    expect(compareFuses(yml, await read(binary)).differences).toEqual(['runAsNode: enabled in the binary, electron-builder.yml says disabled']);
  });

  it('lists a fuse the yml leaves unset, so Electron defaults cannot slip in', async () => {
    const { grantFileProtocolExtraPrivileges: _left, ...partial } = yml;
    const binary = binaryWithDefaultWire();
    await flipFuses(binary, toFuseConfig(partial));
    const report = compareFuses(partial, await read(binary));
    expect(report.unset).toEqual(['grantFileProtocolExtraPrivileges']);
    expect(report.differences).toEqual([]);
  });

  it('reports a removed fuse and an unknown wire version', () => {
    const wire: FuseWire = { version: '2', ...Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].map((i) => [i, FuseState.DISABLE])) };
    wire[FuseV1Options.OnlyLoadAppFromAsar] = FuseState.REMOVED;
    const report = compareFuses(yml, wire);
    expect(report.differences).toContain(`fuse wire version 2, expected ${FuseVersion.V1}`);
    expect(report.differences).toContain('onlyLoadAppFromAsar: removed in the binary, electron-builder.yml says enabled');
  });

  it('warns about wire positions newer than @electron/fuses knows', () => {
    const wire: FuseWire = { version: FuseVersion.V1 };
    for (const [index, value] of Object.entries(toFuseConfig(yml))) if (index !== 'version') wire[Number(index)] = value ? FuseState.ENABLE : FuseState.DISABLE;
    wire[8] = FuseState.ENABLE;
    expect(compareFuses(yml, wire)).toEqual({ differences: [], unset: [], unknownPositions: [8] });
  });
});

describe('checkPackedFuses (the afterPack hook)', () => {
  /** A Linux packer's context over a packed stand-in; addElectronFuses flips as electron-builder's does, optionally wrongly. */
  function linuxContext(fuses: FuseSettings, flip: (path: string, wanted: ReturnType<typeof toFuseConfig>) => Promise<number> = flipFuses): AfterPackContext {
    const binary = binaryWithDefaultWire();
    const appOutDir = join(binary, '..');
    writeFileSync(join(appOutDir, STAND_IN_MARKER), '');
    const packager = {
      config: { electronFuses: fuses },
      executableName: 'electron',
      appInfo: { productFilename: 'Lingxi' },
      addElectronFuses: (_context: unknown, config: ReturnType<typeof toFuseConfig>) => flip(binary, config),
    };
    return { appOutDir, electronPlatformName: 'linux', packager } as unknown as AfterPackContext;
  }

  it('passes and says what it checked when every fuse reads back as the yml sets it', async () => {
    const lines: string[] = [];
    await checkPackedFuses(linuxContext(yml), (line) => lines.push(line));
    expect(lines).toEqual([expect.stringMatching(/^fuses: 8 of 8 read back as electron-builder.yml sets them in the stand-in binary/)]);
  });

  it('fails the build when the packed binary does not hold what the yml says', async () => {
    const context = linuxContext(yml, (path, config) => flipFuses(path, { ...config, [FuseV1Options.EnableNodeCliInspectArguments]: true }));
    await expect(checkPackedFuses(context, () => undefined)).rejects.toThrow(/fuse check failed for .*electron:\n {2}enableNodeCliInspectArguments: enabled in the binary/);
  });

  it('fails the build when the yml leaves a fuse to Electron', async () => {
    const { runAsNode: _left, ...partial } = yml;
    await expect(checkPackedFuses(linuxContext(partial), () => undefined)).rejects.toThrow('runAsNode: not set in electron-builder.yml (set every fuse explicitly)');
  });
});
