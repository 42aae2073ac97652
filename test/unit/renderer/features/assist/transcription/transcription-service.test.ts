/** Transcription follows the call lifecycle: both legs' streams from a call's answer to its end, once per call. */
import { describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import type { LegStreams, StreamOptions } from '@renderer/features/assist/transcription/provider';
import { startTranscription } from '@renderer/features/assist/transcription/transcription-service';
import { fakePhone } from '../../../support/phone-calls';

function policy() {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' } }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

/** A provider that records the streams it opens and how often they are stopped. */
function fakeProvider() {
  const opened: StreamOptions[] = [];
  const stopped = vi.fn(async () => undefined);
  const provider: LegStreams = {
    name: 'local',
    open(options) {
      opened.push(options);
      return { attach: () => undefined, stop: stopped, close: () => undefined };
    },
  };
  return { provider, opened, stopped };
}

describe('startTranscription', () => {
  it('opens both legs when a call is answered, not while it rings nor again on hold, and stops them when it ends', async () => {
    const store = createAppStore();
    const phone = fakePhone(store);
    const { provider, opened, stopped } = fakeProvider();
    const handle = startTranscription(policy(), store, phone.lifecycle, {} as Pick<LingxiApi, 'speech'>, { callAudio: () => null }, { provider });

    phone.update({ phase: 'ringing' });
    expect(opened).toEqual([]);
    phone.update({ phase: 'active', answeredAt: Date.now() });
    phone.update({ phase: 'active', answeredAt: Date.now(), heldLocally: true });
    expect(opened.map((o) => o.leg)).toEqual(['customer', 'agent']);
    expect(stopped).not.toHaveBeenCalled();
    phone.end('c1');
    expect(stopped).toHaveBeenCalledTimes(2);
    await handle.stop();
    expect(stopped).toHaveBeenCalledTimes(2);
  });

  it('closes the tap’s AudioContext once no call is transcribed, and opens a fresh one for the next call', async () => {
    const store = createAppStore();
    const phone = fakePhone(store);
    const { provider } = fakeProvider();
    const contexts: { close: ReturnType<typeof vi.fn> }[] = [];
    const createContext = () => {
      const context = { state: 'running', resume: async () => undefined, close: vi.fn(async () => undefined), audioWorklet: { addModule: async () => undefined } };
      contexts.push(context);
      return context as unknown as AudioContext;
    };
    const handle = startTranscription(policy(), store, phone.lifecycle, {} as Pick<LingxiApi, 'speech'>, { callAudio: () => null }, { provider, createContext });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    // Two calls at once (call waiting): ending one keeps the context the other one taps.
    phone.update({ id: 'c1', phase: 'active', answeredAt: Date.now() });
    phone.update({ id: 'c2', phase: 'active', answeredAt: Date.now() });
    await settle();
    expect(contexts).toHaveLength(1);
    phone.end('c1');
    await settle();
    expect(contexts[0]?.close).not.toHaveBeenCalled();
    phone.end('c2');
    await settle();
    expect(contexts[0]?.close).toHaveBeenCalledTimes(1);

    phone.update({ id: 'c3', phase: 'active', answeredAt: Date.now() });
    await settle();
    expect(contexts).toHaveLength(2);
    await handle.stop();
  });
});
