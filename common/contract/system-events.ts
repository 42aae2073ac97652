/**
 * Events main pushes to the renderer. Kept free of zod (and re-exported by ipc.ts) so the
 * sandboxed preload, which only needs these names, does not bundle the whole validation library.
 */

/** Events main pushes to the renderer on the `system:event` channel. */
/** `policy-changed`: a policy source changed; the renderer asks `policy.check()` and applies it between calls. */
export const systemEvents = ['resume', 'suspend', 'online', 'offline', 'before-quit', 'policy-changed'] as const;
export type SystemEvent = (typeof systemEvents)[number];
/** The ipcRenderer.on channel system events arrive on. */
export const SYSTEM_EVENT_CHANNEL = 'system:event';
