/**
 * Where the renderer finds the local speech service (common/contract/speech-protocol.ts): its WebSocket URL
 * and access token, from Electron main (`speech:endpoint` IPC) or from the browser host (`/speech.json`,
 * same origin, so only the app's own page can read the token). Pure zod.
 */
import { z } from 'zod';
import { speechTokenSchema } from './speech-protocol';

/**
 * Why there is no endpoint:
 * - off: the policy does not use the local service (transcription.provider is "bank-asr" or "off");
 * - failed: the service could not start or keeps exiting (the message says why; main keeps restarting it);
 * - timeout: the service is still starting (loading its model); ask again.
 */
export const speechEndpointErrorCodes = ['off', 'failed', 'timeout'] as const;
export type SpeechEndpointErrorCode = (typeof speechEndpointErrorCodes)[number];

/** The service's address (loopback only) and token, or why there is none. */
export const speechEndpointSchema = z.union([
  z.strictObject({
    url: z.string().regex(/^ws:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}\/$/, 'must be a ws:// loopback URL'),
    token: speechTokenSchema,
  }),
  z.strictObject({ error: z.strictObject({ code: z.enum(speechEndpointErrorCodes), message: z.string() }) }),
]);
export type SpeechEndpoint = z.infer<typeof speechEndpointSchema>;

/** The browser host's path for the endpoint. */
export const SPEECH_ENDPOINT_PATH = '/speech.json';
