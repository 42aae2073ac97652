/**
 * `npm run demo -- --electron`: the Electron binary is found as the electron package finds it (path.txt,
 * dist/, ELECTRON_OVERRIDE_DIST_PATH) without its download-on-require; where it is missing the demo says so
 * in one line with how to install it, exits 2, and starts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../../../demo/cli';
import { findElectronBinary } from '../../../demo/electron-desk';
import { isAlive, processTree } from '../../fixtures/processes';

const root = join(__dirname, '../../..');

/** A fake node_modules/electron: package.json, and optionally path.txt and the binary it names. */
function electronPackage({ pathTxt, binary }: { pathTxt?: string; binary?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'lingxi-electron-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"electron"}');
  if (pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), pathTxt);
  if (binary && pathTxt) {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', pathTxt), '');
  }
  return dir;
}

describe('npm run demo -- --electron: finding Electron’s binary', () => {
  it('uses the binary the electron package installed (path.txt under dist/)', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: true });
    expect(findElectronBinary(dir, {})).toEqual({ ok: true, path: join(dir, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const dir = electronPackage({ pathTxt: 'electron' });
    const dist = mkdtempSync(join(tmpdir(), 'lingxi-electron-dist-'));
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ ok: true, path: join(dist, 'electron') });
  });

  it('says, in one line, that the binary is missing and how to install it, when its download failed', () => {
    for (const dir of [electronPackage({}), electronPackage({ pathTxt: 'electron' })]) {
      const found = findElectronBinary(dir, {});
      expect(found.ok).toBe(false);
      if (found.ok) continue;
      expect(found.message).toMatch(/^--electron needs Electron's binary, which is not on this machine \(its download during `npm ci` did not complete\): install it with `node node_modules\/electron\/install.js`/);
      expect(found.message).toContain('without --electron');
      expect(found.message).not.toContain('\n');
    }
    expect(findElectronBinary(join(tmpdir(), 'no-such-electron'), {})).toMatchObject({ ok: false, message: expect.stringContaining('run `npm ci`') });
  });

  it('parses --electron', () => {
    expect(parseDemoArgs(['--electron', '--no-open'], '/')).toMatchObject({ electron: true, open: false });
    expect(parseDemoArgs([], '/')).toMatchObject({ electron: false });
  });

  it('exits 2 with that message and leaves nothing running when the binary is missing', async () => {
    const emptyDist = mkdtempSync(join(tmpdir(), 'lingxi-no-electron-'));
    const child = spawn('npx', ['tsx', 'demo/cli.ts', '--electron', '--no-open'], { cwd: root, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const pids: number[] = [];
    const sample = setInterval(() => child.pid && pids.push(...processTree(child.pid)), 100);
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    clearInterval(sample);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^lingxi demo: --electron needs Electron's binary, which is not on this machine \(ELECTRON_OVERRIDE_DIST_PATH has no electron\): install it with/)]);
    expect(stdout).toBe('');
    // Every process npx, tsx and the demo started is gone (polled: the kernel reaps the last ones a moment later).
    await expect.poll(() => [...new Set(pids)].filter(isAlive), { timeout: 5000 }).toEqual([]);
  }, 60_000);
});
