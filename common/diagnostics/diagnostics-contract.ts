/**
 * "Export diagnostics" (issue 23 §3): what the renderer contributes (it holds registration, calls, devices and
 * the recording cache) and what the result says. Zod, because in Electron the renderer's part crosses IPC
 * (`diagnostics:export`) and main validates it like every other argument.
 */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const epochMs = z.number().int().nonnegative();

/** One registration change as the phone reported it. */
export const registrationEventSchema = z.strictObject({
  at: epochMs,
  state: text(40),
  reason: text(40).optional(),
  /** The server the transport used (a wss:// URL from the policy). */
  server: text(300).optional(),
});

/** One of the last calls: how it ended on the SIP level and how it sounded; no number, no name. */
export const callDiagnosticsSchema = z.strictObject({
  startedAt: epochMs,
  endedAt: epochMs,
  direction: text(20),
  outcome: text(40),
  /** SIP response code and reason, or JsSIP's cause (e.g. "486 Busy Here", "Canceled"). */
  sipResponse: text(200),
  durationMs: z.number().nonnegative(),
  quality: z
    .strictObject({
      samples: z.number(),
      mosAverage: z.number(),
      mosMin: z.number(),
      lossMaxPercent: z.number(),
      jitterMaxMs: z.number(),
      rttMaxMs: z.number(),
      warned: z.boolean(),
    })
    .optional(),
});

/** An audio device with its ids hashed (SHA-256, first 16 hex digits): enough to tell devices apart, nothing more. */
export const audioDeviceDiagnosticsSchema = z.strictObject({
  kind: z.enum(['audioinput', 'audiooutput']),
  label: text(300),
  deviceIdHash: text(16),
  groupIdHash: text(16),
});

/** The local recording cache: counts and sizes, never audio. */
export const recordingCacheDiagnosticsSchema = z.strictObject({
  recordings: z.number().int().nonnegative(),
  byState: z.record(text(20), z.number().int().nonnegative()),
  audioBytes: z.number().nonnegative(),
  pendingBytes: z.number().nonnegative(),
  limitBytes: z.number().nonnegative().nullable(),
  level: text(10).nullable(),
  chunks: z.number().int().nonnegative(),
  audioDeleted: z.number().int().nonnegative(),
  oldestStartedAt: epochMs.nullable(),
  newestStartedAt: epochMs.nullable(),
  problem: text(200).nullable(),
  keyWeak: z.boolean(),
  storagePersistent: z.boolean().nullable(),
  storageUsageBytes: z.number().nonnegative().nullable(),
  storageQuotaBytes: z.number().nonnegative().nullable(),
});

/** What the renderer hands the host for the export. */
export const rendererDiagnosticsSchema = z.strictObject({
  /** Registration changes since the page loaded, oldest first. */
  registration: z.array(registrationEventSchema).max(500),
  /** The last 20 calls, newest first. */
  calls: z.array(callDiagnosticsSchema).max(20),
  audioDevices: z.array(audioDeviceDiagnosticsSchema).max(100),
  /** Which listed device each role uses (hashed id) and how it was found. */
  deviceRoles: z.record(text(20), z.strictObject({ how: text(40), deviceIdHash: text(16).nullable() })),
  devicePermission: text(20),
  recordingCache: recordingCacheDiagnosticsSchema,
  /** The page's own facts: user agent, UI language, host kind, page load time. */
  page: z.record(text(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])),
});

export type RegistrationEvent = z.infer<typeof registrationEventSchema>;
export type CallDiagnostics = z.infer<typeof callDiagnosticsSchema>;
export type AudioDeviceDiagnostics = z.infer<typeof audioDeviceDiagnosticsSchema>;
export type RecordingCacheDiagnostics = z.infer<typeof recordingCacheDiagnosticsSchema>;
export type RendererDiagnostics = z.infer<typeof rendererDiagnosticsSchema>;

/** What became of an export: saved (a path, or the downloaded file's name), cancelled by the agent, or why it failed. */
export type DiagnosticsExportResult = { ok: true; saved: string; bytes: number } | { ok: false; cancelled: true } | { ok: false; cancelled?: false; error: string };
