/**
 * The IPC contract between the renderer and the Electron main process.
 * Every channel is `feature:action`; its arguments are validated with zod in main before the handler runs.
 * Pure zod + TypeScript: no electron import.
 */
import { z } from 'zod';
import type { PolicyLoadResult } from './policy';

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;

/** A renderer log line, already redacted by the renderer and redacted again by main. */
export const logEntrySchema = z.strictObject({
  level: z.enum(logLevels),
  scope: z.string().min(1).max(40),
  message: z.string().max(4000),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** Only https links leave the app, and only to the system browser. */
export const externalUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// URL');

/** Request/response channels (ipcRenderer.invoke ↔ ipcMain.handle). */
export const invokeChannels = {
  /** Loads and validates the policy file; never half-applies. */
  'policy:load': { args: z.tuple([]) },
  /** Keeps the display and system awake while a call is up. */
  'power:set-call-active': { args: z.tuple([z.boolean()]) },
  /** Opens an https link in the system browser. */
  'shell:open-external': { args: z.tuple([externalUrlSchema]) },
  /** Writes a renderer log line to the app's log file. */
  'log:write': { args: z.tuple([logEntrySchema]) },
  /** The renderer has unregistered and may be closed (answer to the `before-quit` system event). */
  'app:quit-ready': { args: z.tuple([]) },
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['args']>;

/** What each invoke channel resolves to. */
export interface InvokeResults {
  'policy:load': PolicyLoadResult;
  'power:set-call-active': undefined;
  'shell:open-external': undefined;
  'log:write': undefined;
  'app:quit-ready': undefined;
}

/** Events main pushes to the renderer on the `system:event` channel (defined zod-free for the preload). */
export { SYSTEM_EVENT_CHANNEL, systemEvents, type SystemEvent } from './system-events';
