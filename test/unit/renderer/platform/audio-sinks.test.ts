import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyContextSinkId, applySinkId } from '@renderer/platform/audio-sinks';
import { Ringer } from '@renderer/features/phone/ringer';

function fakeElement(fail: Set<string> = new Set()) {
  const element = {
    sinkId: '',
    setSinkId: vi.fn(async (id: string) => {
      if (fail.has(id)) throw Object.assign(new Error('gone'), { name: 'NotFoundError' });
      element.sinkId = id;
    }),
  };
  return element;
}

describe('applySinkId', () => {
  it('moves an element to the chosen speaker, once', async () => {
    const element = fakeElement();
    expect(await applySinkId(element as unknown as HTMLMediaElement, 'out-jabra')).toBe('out-jabra');
    await applySinkId(element as unknown as HTMLMediaElement, 'out-jabra');
    expect(element.setSinkId).toHaveBeenCalledTimes(1);
  });
  it('falls back to the system default when the device is gone, instead of going silent', async () => {
    const element = fakeElement(new Set(['out-gone']));
    const onError = vi.fn();
    expect(await applySinkId(element as unknown as HTMLMediaElement, 'out-gone', onError)).toBe('');
    expect(onError).toHaveBeenCalled();
    expect(element.setSinkId).toHaveBeenLastCalledWith('');
  });
});

class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  sinkId = '';
  currentTime = 0;
  destination = {};
  setSinkId = vi.fn(async (id: string) => {
    this.sinkId = id;
  });
  constructor() {
    FakeAudioContext.made.push(this);
  }
  resume = vi.fn(async () => undefined);
  createGain = () => ({ gain: { value: 0, setValueAtTime: vi.fn() }, connect: vi.fn(), disconnect: vi.fn() });
  createOscillator = () => ({ frequency: { value: 0 }, connect: vi.fn(), start: vi.fn(), stop: vi.fn() });
}

describe('the ringer device', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeAudioContext.made = [];
  });

  it('rings on the chosen ringer device, read at each ring', async () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    let chosen = 'out-speakers';
    const ringer = new Ringer(() => chosen);
    ringer.start();
    const [context] = FakeAudioContext.made;
    if (!context) throw new Error('the ringer made no AudioContext');
    await vi.waitFor(() => expect(context.sinkId).toBe('out-speakers'));
    ringer.stop();
    chosen = '';
    ringer.start();
    await vi.waitFor(() => expect(context.sinkId).toBe(''));
    ringer.stop();
  });

  it('is a no-op where AudioContext.setSinkId does not exist', async () => {
    const context = { sinkId: undefined } as unknown as AudioContext;
    await expect(applyContextSinkId(context, 'x')).resolves.toBeUndefined();
  });
});
