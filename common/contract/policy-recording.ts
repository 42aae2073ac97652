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
     * The PCI delay line: audio is held this long before it is written, so a pause the PCI guard back-dates
     * (to the start of the utterance that triggered it) silences audio not yet written. A crash loses up to
     * this much more audio (this + one 500 ms slice + capture start and the commit, measured ~0.2 s under load:
     * 300 keeps a crash within 1 s).
     */
    pciDelayMs: z.number().int().min(0).max(400).default(300),
    /** Opus bitrate of the stereo recording (bits/s). */
    bitrate: z.number().int().min(16_000).max(256_000).default(48_000),
    /** Upload retry backoff: full jitter between 0 and min(max, base·2^attempt). */
    retryBaseSeconds: z.number().min(0.1).max(600).default(2),
    retryMaxSeconds: z.number().min(1).max(86_400).default(600),
  })
  .prefault({});

export type RecordingPolicy = z.infer<typeof recordingPolicySchema>;
