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
    desk.assist({ type: 'keyword', callId: 'c', kind: 'alert', text: 'I want to make a complaint' });
    desk.assist({ type: 'keyword', callId: 'c', kind: 'warning', text: 'calm down' });
    desk.assist({ type: 'frustration', callId: 'c' });
    desk.assist({ type: 'pci-pause', callId: 'c' });
    desk.assist({ type: 'pci-resume', callId: 'c' });
    desk.assist({ type: 'talk-over', callId: 'c' });
    desk.assist({ type: 'long-silence', callId: 'c' });
    expect(desk.alerts.map((a) => a.kind)).toEqual(['keyword', 'frustration', 'pci', 'talk-over', 'long-silence']);
  });

  it('no transcript text unless shareTranscript', () => {
    const off = alerts(false).desk;
    off.assist({ type: 'keyword', callId: 'c', kind: 'alert', text: 'complaint' });
    expect(off.alerts[0]?.text).toBeUndefined();
    const on = alerts(true).desk;
    on.assist({ type: 'keyword', callId: 'c', kind: 'alert', text: 'complaint' });
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
