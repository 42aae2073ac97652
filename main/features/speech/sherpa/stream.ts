/**
 * One leg's recognition with sherpa-onnx: 16-bit PCM in, partials when the hypothesis changes, a final when
 * sherpa-onnx's endpoint rules fire (trailing silence, config in recognizer-config.ts), then `reset` starts
 * the next utterance on the same stream.
 *
 * Times count samples fed: an utterance starts where the previous one was reset and ends at the sample
 * that completed it (for a final, that includes the trailing silence the endpoint rule waited for).
 * sherpa-onnx's per-token timestamps are not used: without a model here their origin after `reset`
 * could not be checked. Words (for keyword spotting) are the final's words, each with the utterance's times.
 *
 * decode() is synchronous native code on the service's event loop: the service is its own process, and a
 * streaming zipformer decodes a 100 ms chunk in a few ms, but this is unmeasured here (no model).
 */
import type { RecognitionEvent, RecognitionStream, WordTiming } from '../engine';
import { toWords } from '../model/normalise';
import type { SherpaRecognizer, SherpaStream } from './binding';
import { SHERPA_SAMPLE_RATE } from './recognizer-config';

/** Silence fed after the last sample so the encoder's look-ahead frames are decoded too, s. */
const TAIL_PADDING_S = 0.5;

const toMs = (samples: number): number => Math.round((samples * 1000) / SHERPA_SAMPLE_RATE);

/** Int16 PCM → the float samples in [-1, 1) sherpa-onnx takes. */
export function toFloatSamples(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] as number) / 32768;
  return out;
}

/** A sherpa-onnx recognition stream. */
export class SherpaRecognitionStream implements RecognitionStream {
  private stream: SherpaStream | null;
  private fed = 0;
  private utteranceStart = 0;
  private lastText = '';

  constructor(private readonly recognizer: SherpaRecognizer) {
    this.stream = recognizer.createStream();
  }

  accept(samples: Int16Array): Promise<RecognitionEvent[]> {
    const stream = this.stream;
    if (!stream || samples.length === 0) return Promise.resolve([]);
    stream.acceptWaveform({ samples: toFloatSamples(samples), sampleRate: SHERPA_SAMPLE_RATE });
    this.fed += samples.length;
    return Promise.resolve(this.collect(stream));
  }

  finish(): Promise<RecognitionEvent[]> {
    const stream = this.stream;
    if (!stream) return Promise.resolve([]);
    stream.acceptWaveform({ samples: new Float32Array(Math.round(TAIL_PADDING_S * SHERPA_SAMPLE_RATE)), sampleRate: SHERPA_SAMPLE_RATE });
    stream.inputFinished();
    // No partial here: whatever the flush adds is part of the final that follows at once.
    while (this.recognizer.isReady(stream)) this.recognizer.decode(stream);
    const text = this.recognizer.getResult(stream).text.trim();
    this.close();
    return Promise.resolve(text === '' ? [] : [this.event('final', text)]);
  }

  close(): void {
    // sherpa-onnx-node frees the native stream when its handle is garbage-collected; dropping it is the release.
    this.stream = null;
  }

  /** Decodes what is ready; a partial on changed text, a final on an endpoint. */
  private collect(stream: SherpaStream): RecognitionEvent[] {
    const events: RecognitionEvent[] = [];
    while (this.recognizer.isReady(stream)) this.recognizer.decode(stream);
    const text = this.recognizer.getResult(stream).text.trim();
    if (this.recognizer.isEndpoint(stream)) {
      if (text !== '') events.push(this.event('final', text));
      this.recognizer.reset(stream);
      this.utteranceStart = this.fed;
      this.lastText = '';
    } else if (text !== this.lastText && text !== '') {
      events.push(this.event('partial', text));
      this.lastText = text;
    }
    return events;
  }

  private event(kind: RecognitionEvent['kind'], text: string): RecognitionEvent {
    const startMs = toMs(this.utteranceStart);
    const endMs = toMs(this.fed);
    const words: WordTiming[] = toWords(text).map((word) => ({ word, startMs, endMs }));
    return { kind, text, startMs, endMs, words };
  }
}
