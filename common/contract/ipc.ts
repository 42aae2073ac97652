/**
 * The IPC contract between the renderer and the Electron main process.
 * Every channel is `feature:action`; its arguments are validated with zod in main before the handler runs.
 * Pure zod + TypeScript: no electron import.
 */
import { z } from 'zod';
import type { CrmResult } from '../crm/crm-client';
import { supervisionSignRequestSchema, type SupervisionSignResult } from '../supervision/supervision-signer';
import type { PolicyLoadResult } from './policy';
import { signInCredentialsSchema, type SignInCredentials } from './sign-in';
import type { ShortcutStatus } from './shortcuts';
import type { SpeechEndpoint } from './speech-endpoint';
import { MAX_ERROR_CHARS } from '../errors';
import { logLevels } from '../logging/logger';
import type { UpdateStatus } from '../updates/update-status';
import { rendererDiagnosticsSchema, type DiagnosticsExportResult } from '../diagnostics/diagnostics-contract';
import { deskAgentStates, deskRegistrations, type DeskStatus } from './desktop';
import { languages } from './policy';

/** Which part of the renderer process wrote a line (main's own lines and the speech service's are tagged in main). */
export const logSources = ['renderer', 'preload'] as const;
export type LogSource = (typeof logSources)[number];

/** A renderer log line, already redacted by the renderer and redacted again by main. */
export const logEntrySchema = z.strictObject({
  /** Absent: the renderer. */
  source: z.enum(logSources).optional(),
  level: z.enum(logLevels),
  scope: z.string().min(1).max(40),
  message: z.string().max(4000),
  /** The error beside the message, as describeError() wrote it: stack (or name: message) and causes. */
  error: z.string().max(MAX_ERROR_CHARS).optional(),
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

/**
 * The secrets the renderer may store (never in the policy file, never in logs). Write-only: nothing hands a
 * stored secret back to the page (the CRM call is made by main, token attached there; a team lead's supervision
 * key signs in main, `supervision:sign`). The recording key is main's own (`recording:take-key`).
 */
export const secretNames = ['crm.token', 'recording.uploadToken', 'supervision.privateKey'] as const;
export const secretNameSchema = z.enum(secretNames);
export type SecretName = (typeof secretNames)[number];

/**
 * How well a stored secret is protected: `os` = the OS keychain/DPAPI/libsecret; `weak` = Linux's basic_text
 * fallback, or the browser host (whose storage a copied browser profile opens), which IT must hear about.
 * `persistence`: `kept` across restarts, or `session` (the browser host keeps the CRM token for this page only).
 */
export type SecretStatus = { stored: boolean; protection: 'os' | 'weak'; persistence: 'kept' | 'session' };

/** One CRM lookup's question (the policy's URL template takes these two). */
export const crmQuerySchema = z.strictObject({ customerId: z.string().max(256).optional(), phone: z.string().max(64).optional() });

/**
 * The recording key as main hands it: its 32 raw bytes, once per page load, for the renderer to import as a
 * non-extractable CryptoKey and zero. `unreadable`: a key is stored but the OS will not decrypt it now; it is
 * kept (never overwritten) and asked for again later. `refused`: already handed to this page, or not storable.
 */
export type RecordingKeyGrant =
  | { ok: true; keyId: string; key: Uint8Array; protection: SecretStatus['protection']; created: boolean }
  | { ok: false; reason: 'unreadable' | 'refused'; error: string };

/** The renderer's report for updates (common/updates/update-status.ts DeskBusy). */
export const deskBusySchema = z.strictObject({ inCall: z.boolean(), wrapUp: z.boolean(), recordingsPending: z.boolean() });

const reasonCode = z.string().min(1).max(64);

/** The renderer's report for the desktop shell (common/contract/desktop.ts DeskStatus). */
export const deskStatusSchema = z.strictObject({
  agent: z.enum(deskAgentStates),
  next: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('ready') }), z.strictObject({ kind: z.literal('not-ready'), reason: reasonCode })]),
  held: z.boolean(),
  registration: z.enum(deskRegistrations),
  ringing: z.boolean(),
  language: z.enum(languages),
  reasons: z.array(z.strictObject({ code: reasonCode, label: z.string().min(1).max(80) })).max(50),
}) satisfies z.ZodType<DeskStatus>;

/** Request/response channels (ipcRenderer.invoke ↔ ipcMain.handle). */
export const invokeChannels = {
  /** Loads and validates the policy file; never half-applies. */
  'policy:load': { args: z.tuple([]) },
  /** Loads and validates the policy again without applying anything (a `policy-changed` event came). */
  'policy:check': { args: z.tuple([]) },
  /** Keeps the display and system awake while a call is up. */
  'power:set-call-active': { args: z.tuple([z.boolean()]) },
  /** Opens an https link in the system browser. */
  'shell:open-external': { args: z.tuple([externalUrlSchema]) },
  /** Writes a renderer log line to the app's log file. */
  'log:write': { args: z.tuple([logEntrySchema]) },
  /** The renderer has unregistered and may be closed (answer to the `before-quit` system event). */
  'app:quit-ready': { args: z.tuple([]) },
  /** What became of the policy's keyboard shortcuts (registered, taken by another app, …), for the help panel. */
  'shortcuts:status': { args: z.tuple([]) },
  /** Stores (or, with null, deletes) a secret in the OS-protected store. There is no reading it back. */
  'secrets:set': { args: z.tuple([secretNameSchema, z.string().min(1).max(8192).nullable()]) },
  /** Looks a customer up in the policy's CRM, from main, with the stored token attached there. */
  'crm:lookup': { args: z.tuple([crmQuerySchema]) },
  /** The recording key (created on first use), handed once per page load. */
  'recording:take-key': { args: z.tuple([]) },
  /** Reads the knowledge package the loaded policy names (knowledge.packagePath); no arguments, so no other file can be asked for. */
  'knowledge:read-package': { args: z.tuple([]) },
  /** Where the local speech service listens and its token (or why it does not); starts it on first use. */
  'speech:endpoint': { args: z.tuple([]) },
  /**
   * A team lead's supervision request signed with the lead's private key from the secret store (main adds the
   * lead's URI from the policy, the time and a nonce); the key never reaches the page.
   */
  'supervision:sign': { args: z.tuple([supervisionSignRequestSchema]) },
  /** What the desk is doing, so an update never installs during a call, wrap-up or a recording being written or uploaded. */
  'updates:desk-busy': { args: z.tuple([deskBusySchema]) },
  /** The agent's state, registration and ringing, for the tray, close-to-tray and raising the window (Electron). */
  'desktop:status': { args: z.tuple([deskStatusSchema]) },
  /** The kill switch's verdict and the update in progress (null: no valid policy yet). */
  'updates:status': { args: z.tuple([]) },
  /**
   * The agent signed in (a `sip.uriTemplate` policy) and whether to keep the password: main keeps it in the OS
   * secret store only when the policy's `sip.rememberPassword` allows.
   */
  'signin:signed-in': { args: z.tuple([signInCredentialsSchema, z.boolean()]) },
  /** The agent ID and password kept at the last sign-in, or null. */
  'signin:remembered': { args: z.tuple([]) },
  /** Sign out: main forgets the agent and the kept password. */
  'signin:signed-out': { args: z.tuple([]) },
  /** Export diagnostics: the renderer's part; main adds its own (versions, policy, logs), zips and offers a save dialog. */
  'diagnostics:export': { args: z.tuple([rendererDiagnosticsSchema]) },
  /** The page listens for `dial:request` now: a link that started the app (or came while it loaded) is sent. */
  'dial:ready': { args: z.tuple([]) },
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['args']>;

/** What each invoke channel resolves to. */
export interface InvokeResults {
  'policy:load': PolicyLoadResult;
  'policy:check': PolicyLoadResult;
  'power:set-call-active': undefined;
  'shell:open-external': undefined;
  'log:write': undefined;
  'app:quit-ready': undefined;
  'shortcuts:status': ShortcutStatus[];
  'secrets:set': SecretStatus;
  'crm:lookup': CrmResult;
  'recording:take-key': RecordingKeyGrant;
  'knowledge:read-package': KnowledgePackageFile | null;
  'speech:endpoint': SpeechEndpoint;
  'supervision:sign': SupervisionSignResult;
  'updates:desk-busy': undefined;
  'desktop:status': undefined;
  'updates:status': UpdateStatus | null;
  'signin:signed-in': { remembered: boolean };
  'signin:remembered': SignInCredentials | null;
  'signin:signed-out': undefined;
  'diagnostics:export': DiagnosticsExportResult;
  'dial:ready': undefined;
}

/** The policy's knowledge package as read by the host: its text, or why it could not be read. Null: the policy names none. */
export type KnowledgePackageFile = { ok: true; source: string; text: string } | { ok: false; source: string; error: string };

/** Events main pushes to the renderer on the `system:event` channel (defined zod-free for the preload). */
export { SYSTEM_EVENT_CHANNEL, systemEvents, type SystemEvent } from './system-events';

/** Shortcut actions main pushes on `shortcut:action` (defined zod-free for the preload). */
export { SHORTCUT_ACTION_CHANNEL, isShortcutAction, type ShortcutStatus } from './shortcuts';

/** Tray commands main pushes on `desktop:command` (defined zod-free for the preload). */
export { DESKTOP_COMMAND_CHANNEL, isDesktopCommand, type DeskStatus, type DesktopCommand } from './desktop';

/** Update status main pushes on `updates:status` (defined zod-free for the preload). */
export { UPDATE_STATUS_CHANNEL, type DeskBusy, type UpdateStatus } from '../updates/update-status';

/** Click-to-dial requests main pushes on `dial:request` (defined zod-free for the preload). */
export { DIAL_REQUEST_CHANNEL, isDialRequest, type DialRequest } from './dial-request';
