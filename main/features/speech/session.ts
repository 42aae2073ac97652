/**
 * One connection's side of the speech protocol (common/contract/speech-protocol.ts), independent of the
 * socket: text and binary frames in, server messages out. One stream at a time; audio is queued while the
 * model loads and while the recogniser is busy, bounded by maxQueueMs (back-pressure: `overloaded`).
 * Never logs what was said (card numbers are spoken on these calls): only codes and sizes.
 */
import {
  parseClientMessage,
  SPEECH_BYTES_PER_MS,
  SPEECH_FRAME_MAX_MS,
  type ServerMessage,
  type SpeechErrorCode,
  type SpeechLeg,
  type StartMessage,
} from '@common/contract/speech-protocol';
import { SpeechEngineError, type RecognitionEvent, type RecognitionStream } from './engine';
import type { EngineRegistry } from './engine-registry';
import { keywordMatcher, type KeywordMatcher } from './keywords';

/** What a session needs from its surroundings. */
export interface SessionOptions {
  registry: EngineRegistry;
  send(message: ServerMessage): void;
  /** Audio waiting for the recogniser beyond this ends the stream with `overloaded`, ms. */
  maxQueueMs: number;
  /** Diagnostics without content: event name and numbers/codes. */
  log?(event: string, detail: Record<string, string | number>): void;
}

const SAMPLES_PER_MS = 16;
const MAX_FRAME_BYTES = SPEECH_FRAME_MAX_MS * SPEECH_BYTES_PER_MS;
/**
 * Queue bound while the model loads (before `ready`): a first call after a knowledge-base change may build
 * the domain model for a few seconds; queued audio is caught up at many times real time afterwards, which
 * is better for the agent than losing the call's first sentence.
 */
const LOADING_QUEUE_MS = 15_000;
/** When the recogniser falls behind, queued frames are fed together, up to this much audio per call. */
const MAX_BATCH_SAMPLES = 200 * SAMPLES_PER_MS;

interface ActiveStream {
  leg: SpeechLeg;
  stream: RecognitionStream | null;
  queue: Int16Array[];
  queuedSamples: number;
  receivedSamples: number;
  stopping: boolean;
  pumping: boolean;
  keywords: KeywordMatcher;
}

function take(queue: Int16Array[]): Int16Array {
  let length = 0;
  let count = 0;
  while (count < queue.length && (count === 0 || length + (queue[count] as Int16Array).length <= MAX_BATCH_SAMPLES)) length += (queue[count++] as Int16Array).length;
  if (count === 1) return queue.shift() as Int16Array;
  const batch = new Int16Array(length);
  let at = 0;
  for (const part of queue.splice(0, count)) {
    batch.set(part, at);
    at += part.length;
  }
  return batch;
}

/** A connection's protocol state machine. */
export class SpeechSession {
  private active: ActiveStream | null = null;
  private closed = false;

  constructor(private readonly options: SessionOptions) {}

  /** A JSON text frame from the client. */
  handleText(text: string): void {
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return this.error('bad-message', `invalid message (${parsed.error}); expected {"type":"start",…} or {"type":"stop"}`);
    if (parsed.message.type === 'start') this.start(parsed.message);
    else this.stop();
  }

  /** A binary audio frame from the client. */
  handleBinary(data: Uint8Array): void {
    const s = this.active;
    if (!s || s.stopping) return this.error('bad-state', 'audio frame without a started stream: send start first');
    if (data.byteLength % 2 !== 0) return this.error('bad-frame', `frame of ${data.byteLength} bytes: 16-bit samples need an even byte count`);
    if (data.byteLength > MAX_FRAME_BYTES) return this.error('bad-frame', `frame of ${data.byteLength} bytes is longer than ${SPEECH_FRAME_MAX_MS} ms (${MAX_FRAME_BYTES} bytes)`);
    if (data.byteLength === 0) return;
    // Copy: the socket reuses its buffers, and an Int16Array needs an aligned offset.
    const samples = new Int16Array(data.byteLength / 2);
    new Uint8Array(samples.buffer).set(data);
    s.queue.push(samples);
    s.queuedSamples += samples.length;
    s.receivedSamples += samples.length;
    const limitMs = s.stream ? this.options.maxQueueMs : Math.max(this.options.maxQueueMs, LOADING_QUEUE_MS);
    if (s.queuedSamples > limitMs * SAMPLES_PER_MS) {
      return this.fail(s, 'overloaded', `more than ${limitMs} ms of audio is waiting for the recogniser; the stream was ended (start again)`);
    }
    void this.pump(s);
  }

  /** The socket closed: drop everything. */
  close(): void {
    this.closed = true;
    this.active?.stream?.close();
    this.active = null;
  }

  private start(message: StartMessage): void {
    if (this.active) return this.error('bad-state', 'a stream is already running on this connection: send stop first');
    const s: ActiveStream = {
      leg: message.leg,
      stream: null,
      queue: [],
      queuedSamples: 0,
      receivedSamples: 0,
      stopping: false,
      pumping: false,
      keywords: keywordMatcher(message.keywords ?? []),
    };
    this.active = s;
    const options = { language: message.language, leg: message.leg, hints: message.hints ?? [], keywords: message.keywords ?? [] };
    this.options.registry
      .engineFor(message.language)
      .then(async (engine) => {
        const stream = await engine.open(options);
        if (this.active !== s) {
          stream.close();
          return;
        }
        s.stream = stream;
        this.send({ type: 'ready', leg: s.leg, engine: engine.name });
        this.options.log?.('stream-ready', { leg: s.leg, engine: engine.name });
        await this.pump(s);
      })
      .catch((error: unknown) => {
        if (this.active === s) this.fail(s, error instanceof SpeechEngineError ? error.code : 'internal', (error as Error).message);
      });
  }

  private stop(): void {
    const s = this.active;
    if (!s || s.stopping) return this.error('bad-state', 'stop without a started stream');
    s.stopping = true;
    void this.pump(s);
  }

  /** Feeds queued audio to the recogniser, one call at a time; finishes the stream after stop. */
  private async pump(s: ActiveStream): Promise<void> {
    if (s.pumping || !s.stream) return;
    const stream = s.stream;
    s.pumping = true;
    try {
      while (this.active === s && s.queue.length > 0) {
        const chunk = take(s.queue);
        s.queuedSamples -= chunk.length;
        const events = await stream.accept(chunk);
        if (this.active !== s) return;
        this.emit(s, events);
      }
      if (this.active === s && s.stopping) {
        const events = await stream.finish();
        if (this.active !== s) return;
        this.emit(s, events);
        this.send({ type: 'stopped', leg: s.leg, audioMs: Math.round(s.receivedSamples / SAMPLES_PER_MS) });
        this.options.log?.('stream-stopped', { leg: s.leg, audioMs: Math.round(s.receivedSamples / SAMPLES_PER_MS) });
        stream.close();
        this.active = null;
      }
    } catch (error) {
      if (this.active === s) this.fail(s, error instanceof SpeechEngineError ? error.code : 'internal', (error as Error).message);
    } finally {
      s.pumping = false;
    }
  }

  private emit(s: ActiveStream, events: readonly RecognitionEvent[]): void {
    for (const event of events) {
      this.send({ type: event.kind, leg: s.leg, text: event.text, startMs: event.startMs, endMs: event.endMs });
      if (event.kind !== 'final') continue;
      for (const hit of s.keywords.find(event.words)) this.send({ type: 'keyword', leg: s.leg, ...hit });
    }
  }

  /** Ends the stream with a stream-ending error. */
  private fail(s: ActiveStream, code: SpeechErrorCode, message: string): void {
    this.options.log?.('stream-error', { leg: s.leg, code });
    s.stream?.close();
    s.queue = [];
    this.active = null;
    this.send({ type: 'error', code, message });
  }

  /** Reports a message-level error; the stream (if any) goes on. */
  private error(code: SpeechErrorCode, message: string): void {
    this.options.log?.('message-error', { code });
    this.send({ type: 'error', code, message });
  }

  private send(message: ServerMessage): void {
    if (!this.closed) this.options.send(message);
  }
}
