import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskAlerts } from '@renderer/features/supervision/board/desk-alerts';

afterEach(() => vi.useRealTimers());

function alerts(shareTranscript = false) {
  const changed = vi.fn();
  const desk = new DeskAlerts({ shareTranscript, longCallMinutes: 10, changed, now: () => Date.now() });
  return { desk, changed };
}

describe('the alerts an agent\'s desktop sends its lead', () => {
  it('customer keyword alerts, frustration, PCI pause, talk-over, long silence; not the agent\'s quiet warnings or PCI resume', () => {
    const { desk } = alerts();
    desk.assist({ type: 'keyword', callId: 'c', alertId: 'a1', kind: 'alert', text: 'I want to make a complaint' });
    desk.assist({ type: 'keyword', callId: 'c', alertId: 'a2', kind: 'warning', text: 'calm down' });
    desk.assist({ type: 'frustration', callId: 'c' });
    desk.assist({ type: 'pci-pause', callId: 'c' });
    desk.assist({ type: 'pci-resume', callId: 'c' });
    desk.assist({ type: 'talk-over', callId: 'c' });
    desk.assist({ type: 'long-silence', callId: 'c' });
    expect(desk.alerts.map((a) => a.kind)).toEqual(['keyword', 'frustration', 'pci', 'talk-over', 'long-silence']);
  });

  it('a keyword alert the agent\'s pane withdrew (raised from a partial, gone from the final) leaves the lead\'s list; a confirmed one stays, once', () => {
    const { desk, changed } = alerts(true);
    desk.assist({ type: 'keyword', callId: 'c', alertId: 'a1', kind: 'alert', text: 'regulator' });
    desk.assist({ type: 'frustration', callId: 'c' });
    expect(desk.alerts.map((a) => a.kind)).toEqual(['keyword', 'frustration']);
    changed.mockClear();
    desk.assist({ type: 'keyword-withdrawn', callId: 'c', alertId: 'a1' });
    expect(desk.alerts.map((a) => a.kind)).toEqual(['frustration']);
    expect(changed).toHaveBeenCalledTimes(1);
    desk.assist({ type: 'keyword', callId: 'c', alertId: 'a2', kind: 'alert', text: 'complaint' });
    desk.assist({ type: 'keyword-confirmed', callId: 'c', alertId: 'a2' });
    expect(desk.alerts.map((a) => [a.kind, a.text])).toEqual([['frustration', undefined], ['keyword', 'complaint']]);
    // A withdrawal of an alert another call raised, or one already gone, changes nothing.
    changed.mockClear();
    desk.assist({ type: 'keyword-withdrawn', callId: 'other', alertId: 'a2' });
    desk.assist({ type: 'keyword-withdrawn', callId: 'c', alertId: 'a1' });
    expect(desk.alerts).toHaveLength(2);
    expect(changed).not.toHaveBeenCalled();
  });

  it('no transcript text unless shareTranscript', () => {
    const off = alerts(false).desk;
    off.assist({ type: 'keyword', callId: 'c', alertId: 'a1', kind: 'alert', text: 'complaint' });
    expect(off.alerts[0]?.text).toBeUndefined();
    const on = alerts(true).desk;
    on.assist({ type: 'keyword', callId: 'c', alertId: 'a1', kind: 'alert', text: 'complaint' });
    expect(on.alerts[0]?.text).toBe('complaint');
  });

  it('a long-call alert once the call passes longCallMinutes; a new call starts a fresh list', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { desk } = alerts();
    desk.follow('c1', Date.now() - 9 * 60_000);
    vi.advanceTimersByTime(59_000);
    expect(desk.alerts).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(desk.alerts.map((a) => a.kind)).toEqual(['long-call']);
    desk.follow('c2', Date.now());
    expect(desk.alerts).toEqual([]);
    desk.dispose();
  });

  it('Ask for help raises a hand (an alert the lead sees) and lowers it again', () => {
    const { desk, changed } = alerts();
    expect(desk.toggleHelp()).toBe(true);
    expect(desk.helpAtMs).toBeTypeOf('number');
    expect(desk.alerts.map((a) => a.kind)).toEqual(['help']);
    expect(desk.toggleHelp()).toBe(false);
    expect(desk.helpAtMs).toBeUndefined();
    expect(desk.alerts).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(2);
  });
});
