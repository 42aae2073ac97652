/**
 * Start on login (policy `startOnLogin`). Windows and macOS: Electron's login items (app.setLoginItemSettings:
 * the user's Run key, the macOS login items). Linux, where Electron has none: an XDG autostart entry,
 * `$XDG_CONFIG_HOME/autostart/lingxi.desktop` (~/.config/autostart), which GNOME, KDE, Xfce and the other
 * XDG desktops start at login; turning the policy off removes the entry Lingxi wrote (and only that one).
 * Packaged builds only: a development run would register the bare Electron binary.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { App } from 'electron';

export const AUTOSTART_FILE = 'lingxi.desktop';
/** Marks an autostart entry as Lingxi's own, so turning the policy off never deletes one IT wrote. */
const MARKER = 'X-Lingxi-Autostart=true';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  app: Pick<App, 'setLoginItemSettings'>;
  /** What to start: $APPIMAGE for an AppImage (process.execPath is inside its temporary mount), else process.execPath. */
  executable: string;
  /** $XDG_CONFIG_HOME or ~/.config. */
  configHome: string;
  files: {
    readFile: (path: string) => string | undefined;
    writeFile: (path: string, text: string) => void;
    remove: (path: string) => void;
  };
  log: { info(message: string): void; warn(message: string, error?: unknown): void };
}

/** Quotes one Exec argument as the Desktop Entry spec says (double quotes; `"`, `` ` ``, `$` and `\` escaped). */
export function quoteExecArgument(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The autostart entry for an executable. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Lingxi',
    'Comment=Contact-centre agent desktop, started at login (IT policy startOnLogin)',
    `Exec=${quoteExecArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    MARKER,
    '',
  ].join('\n');
}

/** Applies the policy's startOnLogin; returns what it did, for the log and tests. */
export function applyStartOnLogin(enabled: boolean, deps: LoginItemDeps): 'unpackaged' | 'login-item' | 'autostart-written' | 'autostart-kept' | 'autostart-removed' | 'autostart-absent' | 'failed' {
  if (!deps.isPackaged) return 'unpackaged';
  try {
    if (deps.platform !== 'linux') {
      deps.app.setLoginItemSettings({ openAtLogin: enabled });
      return 'login-item';
    }
    const path = `${deps.configHome}/autostart/${AUTOSTART_FILE}`;
    const current = deps.files.readFile(path);
    if (enabled) {
      const entry = autostartEntry(deps.executable);
      if (current === entry) return 'autostart-kept';
      deps.files.writeFile(path, entry);
      deps.log.info(`start on login: wrote ${path}`);
      return 'autostart-written';
    }
    if (current === undefined || !current.includes(MARKER)) return 'autostart-absent';
    deps.files.remove(path);
    deps.log.info(`start on login off: removed ${path}`);
    return 'autostart-removed';
  } catch (error) {
    deps.log.warn(`start on login could not be ${enabled ? 'set up' : 'removed'}`, error);
    return 'failed';
  }
}

/** LoginItemDeps['files'] on the real file system. */
export const nodeLoginItemFiles: LoginItemDeps['files'] = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  writeFile(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  },
  remove: (path) => rmSync(path, { force: true }),
};
