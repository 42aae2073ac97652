/**
 * Opening links in the system browser. Only https leaves the app: file:, smb:, custom handlers
 * and plain http are refused, because shell.openExternal on them can launch programs or leak data.
 */
import type { Shell } from 'electron';

/** Whether a URL may be handed to the system browser. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Opens an https URL in the system browser; rejects anything else.
 * The IPC schema already refuses non-https, this checks again because window.open and links reach
 * here without going through IPC.
 */
export async function openExternalHttps(shell: Pick<Shell, 'openExternal'>, url: string): Promise<void> {
  if (!isExternalUrlAllowed(url)) throw new Error(`refused to open a non-https URL: ${url.slice(0, 200)}`);
  await shell.openExternal(url);
}
