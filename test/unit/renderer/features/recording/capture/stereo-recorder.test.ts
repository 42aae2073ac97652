/**
 * The WebAudio recorder lets its call go: with a context of its own (one per call) it closes it once stopped —
 * a running context keeps every MediaStreamAudioSourceNode it made, and each source its call's track.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StereoRecorder } from '@renderer/features/recording/capture/stereo-recorder';

const param = () => ({ value: 0, cancelScheduledValues: vi.fn(), setValueAtTime: vi.fn() });
const node = () => ({ connect: vi.fn(), disconnect: vi.fn(), gain: param(), delayTime: param(), channelCount: 1 });

class FakeMediaRecorder extends EventTarget {
  static isTypeSupported = () => true;
  state: 'inactive' | 'recording' = 'inactive';
  readonly mimeType = 'audio/webm;codecs=opus';
  start = vi.fn(() => (this.state = 'recording'));
  stop = vi.fn(() => {
    this.state = 'inactive';
    this.dispatchEvent(new Event('stop'));
  });
}

function fakeContext() {
  return {
    currentTime: 0,
    createChannelMerger: node,
    createGain: node,
    createDelay: node,
    createMediaStreamSource: node,
    createMediaStreamDestination: () => ({ ...node(), stream: { getTracks: () => [{ stop: vi.fn() }] } }),
    close: vi.fn(() => Promise.resolve()),
  };
}

function recorder(context: ReturnType<typeof fakeContext>, closeContext?: boolean) {
  return new StereoRecorder({
    context: context as unknown as AudioContext,
    tracks: () => null,
    onSlice: vi.fn(),
    onError: vi.fn(),
    bitrate: 32_000,
    ...(closeContext === undefined ? {} : { closeContext }),
  });
}

describe('StereoRecorder and its context', () => {
  beforeEach(() => vi.stubGlobal('MediaRecorder', FakeMediaRecorder));
  afterEach(() => vi.unstubAllGlobals());

  it('closes a context of its own once the recording stopped', async () => {
    const context = fakeContext();
    const capture = recorder(context, true);
    capture.start();
    expect(context.close).not.toHaveBeenCalled();
    await capture.stop();
    expect(context.close).toHaveBeenCalledOnce();
  });

  it('leaves a shared context running', async () => {
    const context = fakeContext();
    const capture = recorder(context);
    capture.start();
    await capture.stop();
    expect(context.close).not.toHaveBeenCalled();
  });
});
