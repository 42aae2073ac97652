/**
 * The sherpa-onnx stream's event logic (partials on change, finals on endpoint, times from samples fed)
 * against a scripted stand-in for sherpa-onnx's OnlineRecognizer. This is NOT a recognition test: the texts
 * below are the script's, and whether a real model produces them is untested (no model is available here).
 */
import { describe, expect, it } from 'vitest';
import type { SherpaRecognizer, SherpaStream } from '@main/features/speech/sherpa/binding';
import { SherpaRecognitionStream, toFloatSamples } from '@main/features/speech/sherpa/stream';

/** After each 100 ms chunk the script says what the hypothesis is and whether an endpoint was detected. */
interface Step {
  text: string;
  endpoint?: boolean;
}

function scripted(steps: readonly Step[], finalText = ''): { recognizer: SherpaRecognizer; fed: Float32Array[]; resets: () => number } {
  const fed: Float32Array[] = [];
  let chunk = -1;
  let pending = false;
  let finished = false;
  let resets = 0;
  const stream: SherpaStream = {
    acceptWaveform: ({ samples, sampleRate }) => {
      expect(sampleRate).toBe(16000);
      fed.push(samples);
      if (!finished) chunk++;
      pending = true;
    },
    inputFinished: () => {
      finished = true;
    },
  };
  const recognizer: SherpaRecognizer = {
    createStream: () => stream,
    isReady: () => pending,
    decode: () => {
      pending = false;
    },
    isEndpoint: () => steps[chunk]?.endpoint === true,
    reset: () => {
      resets++;
    },
    getResult: () => ({ text: finished ? finalText : (steps[chunk]?.text ?? '') }),
  };
  return { recognizer, fed, resets: () => resets };
}

const chunk = (): Int16Array => new Int16Array(1600);

describe('sherpa-onnx stream (scripted recogniser, no real model)', () => {
  it('converts 16-bit PCM to floats in [-1, 1)', () => {
    expect([...toFloatSamples(Int16Array.from([-32768, 0, 16384, 32767]))]).toEqual([-1, 0, 0.5, 32767 / 32768]);
  });

  it('emits a partial only when the text changes, a final at the endpoint, and times from the samples fed', async () => {
    const { recognizer, resets } = scripted([
      { text: '' },
      { text: 'I LOST' },
      { text: 'I LOST' },
      { text: 'I LOST MY CARD' },
      { text: 'I LOST MY CARD', endpoint: true },
      { text: '' },
      { text: '挂失' },
    ]);
    const stream = new SherpaRecognitionStream(recognizer);
    const events = [];
    for (let i = 0; i < 7; i++) events.push(...(await stream.accept(chunk())));
    expect(events.map((e) => [e.kind, e.text, e.startMs, e.endMs])).toEqual([
      ['partial', 'I LOST', 0, 200],
      ['partial', 'I LOST MY CARD', 0, 400],
      ['final', 'I LOST MY CARD', 0, 500],
      ['partial', '挂失', 500, 700],
    ]);
    expect(resets()).toBe(1);
    // Keyword spotting gets the final's words, normalised, each with the utterance's times.
    expect(events[2]?.words).toEqual(['i', 'lost', 'my', 'card'].map((word) => ({ word, startMs: 0, endMs: 500 })));
  });

  it('an endpoint with nothing recognised (silence) starts a new utterance without a final', async () => {
    const { recognizer } = scripted([{ text: '' }, { text: '', endpoint: true }, { text: 'HELLO' }]);
    const stream = new SherpaRecognitionStream(recognizer);
    const events = [];
    for (let i = 0; i < 3; i++) events.push(...(await stream.accept(chunk())));
    expect(events.map((e) => [e.kind, e.text, e.startMs, e.endMs])).toEqual([['partial', 'HELLO', 200, 300]]);
  });

  it('finish flushes the encoder with silence, gives the last utterance as a final and ends the stream', async () => {
    const { recognizer, fed } = scripted([{ text: 'CARD' }], 'CARD NUMBER');
    const stream = new SherpaRecognitionStream(recognizer);
    await stream.accept(chunk());
    expect((await stream.finish()).map((e) => [e.kind, e.text, e.startMs, e.endMs])).toEqual([['final', 'CARD NUMBER', 0, 100]]);
    expect(fed.at(-1)?.length).toBe(8000);
    expect(await stream.accept(chunk())).toEqual([]);
    expect(await stream.finish()).toEqual([]);
  });
});
