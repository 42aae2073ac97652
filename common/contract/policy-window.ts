/**
 * Policy keys for the desktop shell around the window (Electron only; the browser host ignores them): the tray,
 * raising the window for a call, starting on login (main/features/tray, main/features/window,
 * main/features/login-item). Pure zod. policy.ts spreads `windowPolicyFields` into the document's top level.
 */
import { z } from 'zod';

export const windowPolicySchema = z
  .strictObject({
    /**
     * Closing the window while the phone is registered hides it to the tray (menu bar on macOS) and the agent
     * keeps taking calls; Quit is in the tray menu. false: closing the window quits, as before.
     */
    closeToTray: z.boolean().default(true),
    /**
     * An incoming call shows the window (from the tray or minimised) and puts it on top without taking the
     * keyboard from the app the agent is typing in, and flashes the taskbar button until the agent looks.
     */
    raiseOnIncoming: z.boolean().default(true),
  })
  .prefault({});

export type WindowPolicy = z.infer<typeof windowPolicySchema>;

/** The top-level keys this file adds to the policy document. */
export const windowPolicyFields = {
  window: windowPolicySchema,
  /**
   * Lingxi starts when the agent logs in to the computer (packaged builds: the OS login items on Windows and
   * macOS, an XDG autostart entry on Linux). On by default: the desk is the agent's one job, and a missed start
   * after a reboot is a missed queue. false removes the login item Lingxi made.
   */
  startOnLogin: z.boolean().default(true),
};
