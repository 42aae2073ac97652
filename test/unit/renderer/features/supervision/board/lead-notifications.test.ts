/**
 * The lead's desktop notifications: one per new alert of a kind the policy lists, and closed again when the
 * agent's pane withdraws the alert (a keyword heard in a partial that the final did not say).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEventBody } from '@common/contract/supervision-event';
import { LeadNotifications } from '@renderer/features/supervision/board/lead-notifications';

class FakeNotification {
  static permission = 'granted';
  static shown: FakeNotification[] = [];
  closed = false;
  onclick: (() => void) | null = null;
  constructor(
    readonly title: string,
    readonly options: { body?: string; tag?: string },
  ) {
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

const agent = { uri: 'sip:8001@pbx.test', name: 'Li Na' };
const body = (...alerts: { id: string; kind: 'keyword' | 'frustration' }[]): AgentEventBody =>
  ({ alerts: alerts.map((a) => ({ ...a, atMs: 1_765_000_000_000 })) }) as unknown as AgentEventBody;

beforeEach(() => {
  FakeNotification.shown = [];
  vi.stubGlobal('Notification', FakeNotification);
});
afterEach(() => vi.unstubAllGlobals());

describe('LeadNotifications', () => {
  it('notifies once per new alert of a listed kind; the first body is old news', () => {
    const notifications = new LeadNotifications(['keyword'], { warn: vi.fn() });
    notifications.received(agent, body({ id: 'a1', kind: 'keyword' }));
    expect(FakeNotification.shown).toHaveLength(0);
    notifications.received(agent, body({ id: 'a1', kind: 'keyword' }, { id: 'a2', kind: 'keyword' }, { id: 'a3', kind: 'frustration' }));
    expect(FakeNotification.shown).toHaveLength(1);
    notifications.received(agent, body({ id: 'a1', kind: 'keyword' }, { id: 'a2', kind: 'keyword' }, { id: 'a3', kind: 'frustration' }));
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('closes the notification of an alert the agent\'s pane withdrew, and only that one', () => {
    const notifications = new LeadNotifications(['keyword'], { warn: vi.fn() });
    notifications.received(agent, body());
    notifications.received(agent, body({ id: 'k1', kind: 'keyword' }, { id: 'k2', kind: 'keyword' }));
    const [first, second] = FakeNotification.shown;
    // The final did not say k1: the agent's next body no longer carries it.
    notifications.received(agent, body({ id: 'k2', kind: 'keyword' }));
    expect(first?.closed).toBe(true);
    expect(second?.closed).toBe(false);
  });
});
