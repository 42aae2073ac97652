/**
 * Issue 22 §5, alerts that stand: an alert raised from a partial result shows as provisional, and the final
 * of the same utterance confirms it (once) or withdraws it — from the agent's pane and from the lead's copy
 * (the board's desk alerts, wired to the session's events as bootstrap wires onAssistEvent).
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assistPolicySchema } from '@common/contract/policy-assist';
import { AssistSession, type AssistEvent, type SessionView } from '@renderer/features/assist/assist-session';
import { setView } from '@renderer/features/assist/assist-state';
import { AssistPane } from '@renderer/features/assist/components/AssistPane';
import { DeskAlerts } from '@renderer/features/supervision/board/desk-alerts';

function harness() {
  const events: AssistEvent[] = [];
  const desk = new DeskAlerts({ shareTranscript: true, longCallMinutes: 60, changed: vi.fn() });
  let view: SessionView | null = null;
  const session = new AssistSession('c1', {
    policy: assistPolicySchema.parse({}),
    search: () => Promise.resolve([]),
    checklistOf: () => Promise.resolve(null),
    pauseRecording: () => undefined,
    resumeRecording: () => undefined,
    emit: (event) => {
      events.push(event);
      desk.assist(event);
    },
    update: (next) => {
      view = next;
      setView('c1', next);
    },
    now: () => 0,
  });
  const feed = (text: string, final: boolean, endMs = 1200) => act(() => session.feed({ leg: 'customer', text, startMs: 0, endMs, final }));
  return { session, events, desk, feed, alerts: () => view?.alerts.filter((a) => a.kind === 'alert') ?? [] };
}

const paneAlerts = () => screen.queryAllByRole('alert');

describe('an alert raised from a partial result', () => {
  afterEach(() => setView('c1', null));

  it('shows as provisional, and the final "i have" withdraws it from the pane and from the lead’s board', () => {
    const h = harness();
    render(<AssistPane callId="c1" onOpenArticle={() => undefined} />);
    h.feed('to the regulator', false, 900);
    expect(h.alerts().map((a) => [a.text, a.provisional])).toEqual([['regulator', true]]);
    expect(paneAlerts().map((p) => p.textContent)).toEqual(['Complaint or escalation risk: “regulator” (heard, not yet confirmed)']);
    expect(h.desk.alerts.map((a) => [a.kind, a.text])).toEqual([['keyword', 'regulator']]);

    h.feed('i have', true);
    expect(h.alerts()).toEqual([]);
    expect(paneAlerts()).toEqual([]);
    expect(h.desk.alerts).toEqual([]);
    expect(h.events.map((e) => e.type)).toEqual(['keyword', 'keyword-withdrawn']);
  });

  it('is confirmed once when the final keeps the phrase, never raised twice', () => {
    const h = harness();
    render(<AssistPane callId="c1" onOpenArticle={() => undefined} />);
    h.feed('i will go to the', false, 600);
    h.feed('i will go to the regulator', false, 900);
    h.feed('i will go to the regulator about', false, 1000);
    h.feed('i will go to the regulator about this', true);
    expect(h.alerts().map((a) => [a.text, a.provisional])).toEqual([['regulator', false]]);
    expect(paneAlerts().map((p) => p.textContent)).toEqual(['Complaint or escalation risk: “regulator”']);
    expect(h.events.map((e) => e.type)).toEqual(['keyword', 'keyword-confirmed']);
    expect(h.desk.alerts.map((a) => a.kind)).toEqual(['keyword']);
    // The next utterance says it again: a new alert for a new utterance, raised from its final, not provisional.
    h.feed('the regulator will hear from me', true, 3000);
    expect(h.events.filter((e) => e.type === 'keyword').map((e) => e.type === 'keyword' && e.provisional)).toEqual([true, false]);
    expect(h.events.filter((e) => e.type === 'keyword-confirmed')).toHaveLength(1);
  });

  it('keeps an alert raised by the final itself, with nothing to confirm', () => {
    const h = harness();
    h.feed('i want to make a complaint', true);
    expect(h.alerts().map((a) => [a.text, a.provisional])).toEqual([['complaint', false]]);
    expect(h.events.map((e) => e.type)).toEqual(['keyword']);
  });
});
