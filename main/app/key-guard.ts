/**
 * Swallows the keys that reload or close the window before Chromium or the menu act on them. The renderer
 * holds the SIP stack and the call's media: a reload or a closed window drops the customer. The app menu of
 * packaged builds has no such items any more (menu.ts); this guard is the second line, for accelerators
 * Chromium handles itself and for any menu that comes back.
 */
import type { Input, WebContents } from 'electron';

/** The key presses that reload (F5, Ctrl/Cmd+R, Ctrl/Cmd+Shift+R) or close the window (Ctrl/Cmd+W, Ctrl+F4). */
export function isReloadOrCloseKey(input: Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt'>, platform: NodeJS.Platform): boolean {
  // With Alt it is none of these: Ctrl+Alt+R is a policy shortcut, and Windows reports AltGr (which types
  // characters on many layouts) as Ctrl+Alt.
  if (input.type === 'keyUp' || input.alt) return false;
  const key = input.key.toLowerCase();
  // F5 with Shift or Ctrl too: Shift+F5 and Ctrl+F5 are hard reloads.
  if (key === 'f5' || input.code === 'F5') return true;
  const primary = platform === 'darwin' ? input.meta : input.control;
  if (primary && (key === 'r' || input.code === 'KeyR')) return true;
  if (primary && (key === 'w' || input.code === 'KeyW')) return true;
  // Ctrl+F4 closes the window on Windows and Linux; Alt+F4 is the OS's and reaches the close confirmation.
  return platform !== 'darwin' && input.control && (key === 'f4' || input.code === 'F4');
}

/** Installs the guard on one web contents (the main window's). */
export function guardReloadAndCloseKeys(contents: Pick<WebContents, 'on'>, platform: NodeJS.Platform, onBlocked?: (key: string) => void): void {
  contents.on('before-input-event', (event, input) => {
    if (!isReloadOrCloseKey(input, platform)) return;
    // Also keeps the keydown from the page and from menu accelerators (Electron's documented behaviour).
    event.preventDefault();
    onBlocked?.(input.key);
  });
}
