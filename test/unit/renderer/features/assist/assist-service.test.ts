/**
 * The assist service as the rest of the app meets it: transcription events in, and out (1) the pane's
 * transcription health, the worse of the two legs; (2) events supervision consumes (keyword alerts, PCI
 * pauses); (3) at hang-up the transcript saved with the call, digits masked, with its summary.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { policySchema } from '@common/contract/policy';
import type { AppState as StoreState } from '@renderer/platform/store';
import { getDb } from '@renderer/db/db';
import { onAssistEvent, startAssist } from '@renderer/features/assist/assist-service';
import type { AssistEvent } from '@renderer/features/assist/assist-session';
import { useAssist } from '@renderer/features/assist/assist-state';
import { publish } from '@renderer/features/assist/transcription/transcript-events';
import { fakePhone } from '../../support/phone-calls';

const policy = policySchema.parse({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' } });

/** Just what the service reads from the app store: screen pops, the UI language (calls come from the phone). */
function fakeStore() {
  const state = { pops: [], language: 'en' };
  return {
    getState: () => state as unknown as StoreState,
    subscribe: (_listener: (next: StoreState, previous: StoreState) => void) => () => undefined,
  };
}

let clock = 0;
const say = (callId: string, leg: 'customer' | 'agent', text: string) => {
  const startMs = clock;
  clock += 2000;
  publish.transcript({ callId, leg, text, startMs, endMs: clock, final: true, receivedAt: performance.now() });
};

describe('startAssist', () => {
  const store = fakeStore();
  const phone = fakePhone();
  const events: AssistEvent[] = [];
  beforeAll(() => {
    // No knowledge base loaded and no recording running, as in a browser with neither started.
    startAssist(policy, store, phone.lifecycle, {
      knowledge: { search: async () => [], article: async () => null },
      recording: { pause: () => false, resume: () => false },
    });
    onAssistEvent((event) => events.push(event));
  });

  it('shows the worse leg’s transcription state, with its reason, and forgets it at hang-up', () => {
    phone.update({ id: 'h1', phase: 'active', answeredAt: Date.now(), cti: {} });
    publish.status({ callId: 'h1', leg: 'customer', state: 'ready', droppedMs: 0 });
    expect(useAssist.getState().transcription['h1']).toEqual({ state: 'ready' });
    publish.status({ callId: 'h1', leg: 'agent', state: 'unavailable', reason: 'sherpa-onnx model folder not found: /m', droppedMs: 0 });
    expect(useAssist.getState().transcription['h1']).toEqual({ state: 'unavailable', reason: 'sherpa-onnx model folder not found: /m' });
    phone.end('h1');
    publish.forget('h1');
    expect(useAssist.getState().transcription['h1']).toBeUndefined();
  });

  it('tells supervision about a customer’s complaint and a card number, and saves the masked transcript with the summary', async () => {
    phone.update({ id: 'c1', phase: 'active', answeredAt: Date.now(), cti: {} });
    say('c1', 'customer', 'i want to make a complaint');
    say('c1', 'customer', 'my card number is four five three two one two three four five six seven eight');
    say('c1', 'agent', 'thank you i have blocked the card');

    expect(events.filter((e) => e.callId === 'c1').map((e) => (e.type === 'keyword' ? `${e.type}:${e.kind}` : e.type))).toEqual(
      expect.arrayContaining(['keyword:alert', 'pci-pause']),
    );
    expect(useAssist.getState().views['c1']?.alerts.some((a) => a.kind === 'alert')).toBe(true);

    phone.end('c1');
    const saved = await vi.waitFor(async () => {
      const row = await getDb().transcripts.get('c1');
      if (!row) throw new Error('not saved yet');
      return row;
    });
    expect(saved.lines.map((l) => [l.leg, l.text])).toEqual([
      ['customer', 'i want to make a complaint'],
      ['customer', expect.stringContaining('[••••]')],
      ['agent', 'thank you i have blocked the card'],
    ]);
    expect(saved.lines[1]?.text).not.toMatch(/four|five|seven/);
    expect(saved.summary).not.toBe('');
    // The pane's view ends with the call; the summary waits for wrap-up.
    expect(useAssist.getState().views['c1']).toBeUndefined();
    expect(useAssist.getState().summaries['c1']?.text).toBe(saved.summary);
  });
});
