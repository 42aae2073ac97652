/**
 * AssistSession: the IVR's X-Intent becomes a suggestion card before anyone speaks; talk-over and dead air
 * reach supervision as events (once each) and the pane as counts, on the call clock the service injects.
 */
import { describe, expect, it, vi } from 'vitest';
import { assistPolicySchema } from '@common/contract/policy-assist';
import { AssistSession, type AssistEvent, type SessionView } from '@renderer/features/assist/assist-session';
import type { BoardHit } from '@renderer/features/assist/suggestion-board';

function harness(search: (query: string) => Promise<BoardHit[]> = () => Promise.resolve([])) {
  const events: AssistEvent[] = [];
  const recording: string[] = [];
  let view: SessionView | null = null;
  let now = 0;
  const session = new AssistSession('c1', {
    policy: assistPolicySchema.parse({}),
    search,
    checklistOf: () => Promise.resolve(null),
    pauseRecording: (fromMs) => recording.push(`pause from ${fromMs}`),
    resumeRecording: () => recording.push('resume'),
    emit: (event) => events.push(event),
    update: (next) => (view = next),
    now: () => now,
  });
  return {
    session,
    events,
    recording,
    view: () => view,
    at: (ms: number) => (now = ms),
    say: (leg: 'customer' | 'agent', text: string, startMs: number, endMs: number) => session.feed({ leg, text, startMs, endMs, final: true }),
  };
}

describe('AssistSession suggestions from the IVR', () => {
  it('searches the X-Intent at answer and shows its article as a card with the key answer', async () => {
    const queries: string[] = [];
    const hit: BoardHit = { id: 'lost-card.en', title: 'How do I report a lost card?', score: 12, answer: 'Block the card first.' };
    const h = harness((query) => {
      queries.push(query);
      return Promise.resolve(query === 'lost card' ? [hit] : []);
    });
    h.session.intent('lost card');
    await vi.waitFor(() => expect(h.view()?.cards.map((c) => [c.id, c.title, c.answer])).toEqual([[hit.id, hit.title, hit.answer]]));
    expect(queries).toEqual(['lost card']);
  });
});

describe('AssistSession PCI guard', () => {
  it('pauses the recording from before the utterance that named the card number, and resumes when the digits stop', () => {
    const h = harness();
    h.at(9000);
    h.session.feed({ leg: 'customer', text: 'my card number is', startMs: 7800, endMs: 8900, final: false });
    expect(h.recording).toEqual(['pause from 7550']);
    expect(h.events.filter((e) => e.type === 'pci-pause')).toEqual([{ type: 'pci-pause', callId: 'c1', atMs: 9000 }]);
    expect(h.view()?.guarding).toBe(true);
    h.say('customer', 'my card number is four five three two', 7800, 11_000);
    h.at(14_000);
    h.session.tick();
    expect(h.recording).toEqual(['pause from 7550', 'resume']);
  });
});

describe('AssistSession pace events', () => {
  it('reports the agent talking over the customer once, and counts it for the pane', () => {
    const h = harness();
    h.say('customer', 'i lost my card yesterday at the station', 0, 3000);
    // The partial already shows 1.5 s of overlap; its final must not report the same talk-over again.
    h.session.feed({ leg: 'agent', text: 'let me block', startMs: 1000, endMs: 2500, final: false });
    h.say('agent', 'let me block it for you right away', 1000, 4000);
    expect(h.events.filter((e) => e.type === 'talk-over')).toEqual([{ type: 'talk-over', callId: 'c1', by: 'agent', overlapMs: 1500, atMs: 1000 }]);
    expect(h.view()?.pace.talkOvers).toBe(1);
  });

  it('reports dead air once when it reaches 10 s, not again when speech resumes', () => {
    const h = harness();
    h.say('customer', 'hello', 0, 1000);
    h.at(5000);
    h.session.tick();
    expect(h.events.filter((e) => e.type === 'long-silence')).toEqual([]);
    h.at(11_500);
    h.session.tick();
    h.at(12_000);
    h.session.tick();
    h.say('agent', 'are you still there', 12_500, 14_000);
    expect(h.events.filter((e) => e.type === 'long-silence')).toEqual([{ type: 'long-silence', callId: 'c1', atMs: 1000 }]);
    expect(h.view()?.pace.longSilences).toBe(1);
  });

  it('reports dead air that no tick saw when the next utterance shows it', () => {
    const h = harness();
    h.say('customer', 'hello', 0, 1000);
    h.say('customer', 'hello again', 15_000, 16_000);
    expect(h.events.filter((e) => e.type === 'long-silence')).toEqual([{ type: 'long-silence', callId: 'c1', atMs: 1000 }]);
  });
});
