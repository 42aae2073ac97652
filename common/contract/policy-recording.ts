/** Policy section for the local recording cache (features/recording). Pure zod. */
import { z } from 'zod';
import { serviceUrl } from './policy-urls';

/**
 * Call recording. Calls are recorded on the desktop (stereo: customer left, agent right), kept
 * encrypted and crash-safe in a local cache, and uploaded to the bank's recording store (tus 1.0).
 */
export const recordingPolicySchema = z
  .strictObject({
    /** always: every answered call from answer to hang-up; on-demand: when the agent starts it; off: never. */
    mode: z.enum(['always', 'on-demand', 'off']).default('always'),
    /** The recording store's tus endpoint (creation URL). Without it recordings stay in the cache. */
    uploadUrl: serviceUrl.optional(),
    /** Upload while a call is up. Off by default: uploads then never compete with call audio for the uplink. */
    uploadDuringCalls: z.boolean().default(false),
    /** Days an uploaded (acknowledged) recording stays in the local cache for playback; 0 = delete at once. */
    retentionDays: z.number().min(0).max(3650).default(7),
    /** Size of the local cache. Unuploaded audio is never dropped to stay under it. */
    cacheLimitMb: z.number().int().min(16).max(1_000_000).default(2048),
    /** Warn the agent and IT's log when the cache is this full. */
    warnAtPercent: z.number().int().min(10).max(99).default(80),
    /** Whether the agent may play recordings back in the app. */
    playback: z.boolean().default(true),
    /**
     * The PCI delay line: audio is held this long before it joins the file, so a pause the PCI guard
     * back-dates (to the start of the utterance that triggered it) silences audio not yet written. It must
     * cover the recogniser's decision time (measured ~2 s from the utterance's start). The Opus recorder keeps
     * the line's audio crash-safe beside the file with the customer's withheld, so a crash still loses at most
     * one 500 ms slice of the agent's audio and withholds (never keeps) the customer's unvetted last
     * `pciDelayMs`; the WebAudio fallback recorder loses the line's audio at a crash. 0 turns it off.
     */
    pciDelayMs: z.number().int().min(0).max(10_000).default(2500),
    /** Opus bitrate of the stereo recording (bits/s). */
    bitrate: z.number().int().min(16_000).max(256_000).default(48_000),
    /** Upload retry backoff: full jitter between 0 and min(max, base·2^attempt). */
    retryBaseSeconds: z.number().min(0.1).max(600).default(2),
    retryMaxSeconds: z.number().min(1).max(86_400).default(600),
    /**
     * The header that carries the store's client token (secret `recording.uploadToken`: set by the agent's
     * page write-only, or provisioned by IT). `Authorization` sends `Bearer <token>`; any other header the
     * token itself. Electron attaches it in main; the browser host from the page (kept for the session).
     */
    uploadTokenHeader: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name (letters, digits, -)').optional(),
    /** Electron: the client certificate sent to the store, by issuer and/or subject common name. */
    clientCertificate: z.strictObject({ issuer: z.string().min(1).optional(), subject: z.string().min(1).optional() }).optional(),
  })
  .prefault({});

export type RecordingPolicy = z.infer<typeof recordingPolicySchema>;
