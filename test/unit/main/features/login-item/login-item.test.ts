import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyStartOnLogin, autostartEntry, nodeLoginItemFiles, quoteExecArgument, type LoginItemDeps } from '@main/features/login-item/login-item';

let configHome: string;
beforeEach(() => {
  configHome = mkdtempSync(join(tmpdir(), 'lingxi-xdg-'));
});
afterEach(() => rmSync(configHome, { recursive: true, force: true }));

function deps(platform: NodeJS.Platform, change: Partial<LoginItemDeps> = {}) {
  const settings: unknown[] = [];
  const logged: string[] = [];
  const value: LoginItemDeps = {
    platform,
    isPackaged: true,
    app: { setLoginItemSettings: (s) => void settings.push(s) },
    executable: '/opt/Lingxi/lingxi',
    configHome,
    files: nodeLoginItemFiles,
    log: { info: (m) => void logged.push(m), warn: (m) => void logged.push(`warn: ${m}`) },
    ...change,
  };
  return { value, settings, logged };
}

const entryPath = () => join(configHome, 'autostart', 'lingxi.desktop');

describe('start on login', () => {
  it('Windows and macOS: Electron\'s login item, on and off', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { value, settings } = deps(platform);
      expect(applyStartOnLogin(true, value)).toBe('login-item');
      expect(applyStartOnLogin(false, value)).toBe('login-item');
      expect(settings).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
    }
  });

  it('Linux: writes an XDG autostart entry that starts this executable, once; removes it when the policy turns it off', () => {
    const { value, settings } = deps('linux');
    expect(applyStartOnLogin(true, value)).toBe('autostart-written');
    const entry = readFileSync(entryPath(), 'utf8');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Lingxi\n/);
    expect(entry).toContain('Exec="/opt/Lingxi/lingxi"\n');
    expect(applyStartOnLogin(true, value)).toBe('autostart-kept');
    // A moved executable (new AppImage path) rewrites the entry.
    expect(applyStartOnLogin(true, { ...value, executable: '/home/wang/Apps/Lingxi-0.2.0.AppImage' })).toBe('autostart-written');
    expect(readFileSync(entryPath(), 'utf8')).toContain('Exec="/home/wang/Apps/Lingxi-0.2.0.AppImage"');
    expect(applyStartOnLogin(false, value)).toBe('autostart-removed');
    expect(existsSync(entryPath())).toBe(false);
    expect(applyStartOnLogin(false, value)).toBe('autostart-absent');
    expect(settings).toEqual([]);
  });

  it('Linux: never removes an autostart entry it did not write', () => {
    mkdirSync(join(configHome, 'autostart'));
    writeFileSync(entryPath(), '[Desktop Entry]\nType=Application\nName=Lingxi (IT)\nExec=/usr/bin/lingxi\n');
    expect(applyStartOnLogin(false, deps('linux').value)).toBe('autostart-absent');
    expect(existsSync(entryPath())).toBe(true);
  });

  it('development runs register nothing (it would be the bare Electron binary)', () => {
    const { value, settings } = deps('win32', { isPackaged: false });
    expect(applyStartOnLogin(true, value)).toBe('unpackaged');
    expect(applyStartOnLogin(true, { ...deps('linux').value, isPackaged: false })).toBe('unpackaged');
    expect(settings).toEqual([]);
    expect(existsSync(entryPath())).toBe(false);
  });

  it('a failure is logged, never thrown into the policy load', () => {
    const { value, logged } = deps('linux', { files: { ...nodeLoginItemFiles, writeFile: () => { throw new Error('EACCES'); } } });
    expect(applyStartOnLogin(true, value)).toBe('failed');
    expect(logged).toEqual(['warn: start on login could not be set up']);
  });

  it('quotes the Exec path as the Desktop Entry spec says', () => {
    expect(quoteExecArgument('/opt/My Apps/Lingxi "beta"/$lingxi`x`\\')).toBe('"/opt/My Apps/Lingxi \\"beta\\"/\\$lingxi\\`x\\`\\\\"');
    expect(autostartEntry('/a b')).toContain('Exec="/a b"\nTerminal=false\nX-GNOME-Autostart-enabled=true\n');
  });
});
