/**
 * Makes Lingxi the OS's handler for tel:, sip: and callto: links at run time (electron-builder's NSIS installer
 * also registers them; an MSI install, a zip or a dev checkout relies on this). Windows: HKCU\Software\Classes;
 * macOS: Launch Services; Linux: xdg-settings with the .desktop file's MimeType. A refusal is logged, never fatal.
 */
import { resolve } from 'node:path';
import type { App } from 'electron';
import type { Logger } from '@common/logging/logger';
import { DIAL_SCHEMES } from '@common/dial/number';

export interface ProtocolClientDeps {
  app: Pick<App, 'setAsDefaultProtocolClient' | 'isDefaultProtocolClient'>;
  /** `process.defaultApp`: true when run as `electron .` (development), where Electron's own binary must be told which app to start. */
  defaultApp: boolean;
  execPath: string;
  argv: readonly string[];
  log: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Registers every dial scheme not yet pointing at this app.
 * @returns the schemes this app handles now
 */
export function registerProtocolClients({ app, defaultApp, execPath, argv, log }: ProtocolClientDeps): string[] {
  // Electron's deep-link tutorial: a development run registers the Electron binary with the app's path.
  const appPath = argv[1];
  if (defaultApp && appPath === undefined) {
    log.warn('tel:/sip:/callto: links not registered: development run without an app path');
    return [];
  }
  const args: [string?, string[]?] = defaultApp ? [execPath, [resolve(appPath as string)]] : [];
  const handled: string[] = [];
  for (const scheme of DIAL_SCHEMES) {
    if (app.isDefaultProtocolClient(scheme, ...args) || app.setAsDefaultProtocolClient(scheme, ...args)) handled.push(scheme);
    else log.warn(`${scheme}: links not registered (the OS refused, or another app is the user's choice)`);
  }
  if (handled.length > 0) log.info(`click-to-dial links handled: ${handled.map((s) => `${s}:`).join(' ')}`);
  return handled;
}
