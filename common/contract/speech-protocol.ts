/**
 * Lingxi speech protocol v1: live transcription of one call leg over one WebSocket.
 *
 * Spoken by the local speech service (main/features/speech/server.ts: an Electron utilityProcess, or a
 * loopback process beside the browser host) and meant to be spoken by a bank's own ASR server too, so the
 * renderer has one client for both. Imports only zod: the renderer and main both validate with it.
 *
 * Connection
 * - `ws://127.0.0.1:<port>/` (loopback service) or `wss://…` (bank server). The client offers two
 *   subprotocols: `lingxi-speech.v1` and `lingxi-token.<token>` (see speechSubprotocols). A browser cannot
 *   set headers on a WebSocket, and a token in the URL ends up in logs; the subprotocol list is the one
 *   place both hosts can put it. The server answers with `lingxi-speech.v1` only. A wrong or missing token,
 *   or an Origin the server does not trust, fails the HTTP upgrade (401 / 403): no socket is opened.
 * - One connection carries one stream at a time, for one leg. A call opens two connections
 *   (customer, agent). After `stopped` the client may send another `start` on the same connection.
 *
 * Client → server
 * 1. JSON text `start` (StartMessage). The server loads the model and answers `ready`.
 * 2. Binary frames: 16-bit little-endian signed mono PCM at 16 kHz, 20–100 ms each (640–3,200 bytes).
 *    Frames sent before `ready` are accepted and queued. A frame longer than 100 ms or of odd length
 *    is answered with error `bad-frame` and dropped.
 * 3. JSON text `stop`. The server finishes the utterance in progress, sends its `final`, then `stopped`.
 *
 * Server → client: `ready`, `partial`, `final`, `keyword`, `error`, `stopped` (ServerMessage).
 * Times (startMs, endMs) are milliseconds of audio since the stream's first sample.
 * A `partial` may be revised any number of times; a `final` replaces all partials since the last final.
 *
 * Back-pressure
 * - Server: audio waiting for the recogniser is bounded (default 2 s). Beyond it the server sends error
 *   `overloaded` and ends the stream (audio is dropped, never processed late). The client may `start` again.
 * - Client: before each frame, check `WebSocket.bufferedAmount`; above CLIENT_MAX_BUFFERED_BYTES (1 s of
 *   audio) drop the frame and count it, so a slow network never grows memory or delays results without
 *   limit. Dropped audio shows as a gap in the transcript, never as late text.
 */
import { z } from 'zod';
import { readJson } from '../json';
import { describeIssue } from '../zod-issues';

/** The subprotocol naming this protocol version. */
export const SPEECH_PROTOCOL = 'lingxi-speech.v1';
/** Prefix of the subprotocol that carries the access token. */
export const SPEECH_TOKEN_PREFIX = 'lingxi-token.';
/** The only sample rate of v1. */
export const SPEECH_SAMPLE_RATE = 16000;
/** Bytes per millisecond of v1 audio (16 kHz × 2 bytes). */
export const SPEECH_BYTES_PER_MS = (SPEECH_SAMPLE_RATE * 2) / 1000;
/** Shortest frame a client should send (a frame can be shorter only as the last one before stop). */
export const SPEECH_FRAME_MIN_MS = 20;
/** Longest frame the server accepts. */
export const SPEECH_FRAME_MAX_MS = 100;
/** Client back-pressure threshold: above this many unsent bytes, drop frames instead of queueing. */
export const CLIENT_MAX_BUFFERED_BYTES = 1000 * SPEECH_BYTES_PER_MS;

/** Tokens are HTTP token characters so they fit in Sec-WebSocket-Protocol. */
export const speechTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16–128 letters, digits, "-" or "_"');

/**
 * The subprotocol list a client offers: `new WebSocket(url, speechSubprotocols(token))`.
 * @param token the service's access token (handed to the renderer by main or the browser host)
 */
export function speechSubprotocols(token: string): string[] {
  return [SPEECH_PROTOCOL, `${SPEECH_TOKEN_PREFIX}${token}`];
}

/** Call leg: customer = the remote WebRTC track, agent = the microphone. */
export const speechLegSchema = z.enum(['customer', 'agent']);
export type SpeechLeg = z.infer<typeof speechLegSchema>;

/** BCP 47 language tag as the policy writes it: en-US, zh-CN, zh-TW, yue-HK … */
export const speechLanguageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2}|-[A-Z][a-z]{3})?$/, 'must be a language tag like en-US or zh-CN');

const phraseList = z.array(z.string().trim().min(1).max(100)).max(500);

/** Opens a stream. */
export const startMessageSchema = z.strictObject({
  type: z.literal('start'),
  leg: speechLegSchema,
  language: speechLanguageSchema,
  /** Must be 16000 in v1; stated so a client sending 48 kHz audio fails loudly instead of mis-recognising. */
  sampleRate: z.literal(SPEECH_SAMPLE_RATE),
  /** Phrases the recogniser should expect (knowledge titles, product names); they bias its language model. */
  hints: phraseList.optional(),
  /** Words or phrases to report as `keyword` events when they are recognised (complaint, regulator …). */
  keywords: phraseList.optional(),
});
export type StartMessage = z.infer<typeof startMessageSchema>;

/** Ends the stream after the audio already sent. */
export const stopMessageSchema = z.strictObject({ type: z.literal('stop') });
export type StopMessage = z.infer<typeof stopMessageSchema>;

/** Every JSON message a client may send. */
export const clientMessageSchema = z.discriminatedUnion('type', [startMessageSchema, stopMessageSchema]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * Error codes.
 * - Stream-ending (the server discards the stream; the client may start again): model-missing (a model
 *   path does not exist), engine-unavailable (engine library not installed or not built in), bad-config
 *   (the model exists but the engine rejected it), unsupported-language, overloaded, internal.
 * - Message-level (reported, the message is ignored, the stream goes on): bad-message (not JSON or not a
 *   valid message), bad-state (e.g. audio or stop with no stream, start during a stream), bad-frame.
 */
/** Codes that end the stream (listed first) and codes that only reject one message. */
const streamEndingCodeList = ['model-missing', 'engine-unavailable', 'bad-config', 'unsupported-language', 'overloaded', 'internal'] as const;
export const speechErrorCodeSchema = z.enum([...streamEndingCodeList, 'bad-message', 'bad-state', 'bad-frame']);
export type SpeechErrorCode = z.infer<typeof speechErrorCodeSchema>;

const streamEndingCodes: ReadonlySet<SpeechErrorCode> = new Set(streamEndingCodeList);

/** Whether an error ends the stream (true) or only rejects one message (false). */
export function speechErrorEndsStream(code: SpeechErrorCode): boolean {
  return streamEndingCodes.has(code);
}

const timed = { leg: speechLegSchema, startMs: z.number().nonnegative(), endMs: z.number().nonnegative() };

/** The model is loaded; results will follow. `engine` names what recognises (for the pane and logs). */
export const readyMessageSchema = z.object({ type: z.literal('ready'), leg: speechLegSchema, engine: z.string() });
/** Best guess so far for the utterance in progress. */
export const partialMessageSchema = z.object({ type: z.literal('partial'), text: z.string(), ...timed });
/** The utterance's settled text. */
export const finalMessageSchema = z.object({ type: z.literal('final'), text: z.string(), ...timed });
/** A listened-for keyword (from `start.keywords`) was recognised inside a final. */
export const keywordMessageSchema = z.object({ type: z.literal('keyword'), keyword: z.string(), ...timed });
/** Something went wrong; see speechErrorCodeSchema for which codes end the stream. */
export const errorMessageSchema = z.object({ type: z.literal('error'), code: speechErrorCodeSchema, message: z.string() });
/** Every final of the stream has been sent; `audioMs` is how much audio the server received. */
export const stoppedMessageSchema = z.object({ type: z.literal('stopped'), leg: speechLegSchema, audioMs: z.number().nonnegative() });

/** Every message a server may send. Objects are not strict: newer servers may add fields. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  readyMessageSchema,
  partialMessageSchema,
  finalMessageSchema,
  keywordMessageSchema,
  errorMessageSchema,
  stoppedMessageSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type SpeechResultMessage = z.infer<typeof partialMessageSchema> | z.infer<typeof finalMessageSchema>;

/** A parse outcome: the message, or a one-line reason fit for an error message. */
export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** One frame: only the first problem, since a reason must fit in an error message. */
function parseFrame<T>(text: string, schema: z.ZodType<T>): ParseResult<T> {
  const json = readJson(text);
  if (!json.ok) return { ok: false, error: 'not JSON' };
  const result = schema.safeParse(json.value);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: issue ? describeIssue(issue, { dottedIndices: true }) : 'invalid message' };
}

/** Parses one JSON text frame from a client. */
export function parseClientMessage(text: string): ParseResult<ClientMessage> {
  return parseFrame(text, clientMessageSchema);
}

/** Parses one JSON text frame from a server. */
export function parseServerMessage(text: string): ParseResult<ServerMessage> {
  return parseFrame(text, serverMessageSchema);
}
