import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ONLINE_POLL_MS, startSystemEvents } from '@main/features/system/system-events';
import type { SystemEvent } from '@common/contract/ipc';

describe('startSystemEvents', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup() {
    const powerMonitor = new EventEmitter();
    let online = true;
    const sent: SystemEvent[] = [];
    const stop = startSystemEvents({
      powerMonitor: powerMonitor as unknown as PowerMonitor,
      net: { isOnline: () => online },
      send: (event) => void sent.push(event),
    });
    return { powerMonitor, sent, stop, setOnline: (value: boolean) => void (online = value) };
  }

  it('forwards suspend and resume', () => {
    const { powerMonitor, sent } = setup();
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    expect(sent).toEqual(['suspend', 'resume']);
  });

  it('sends offline and online when net.isOnline() changes, within one poll', () => {
    const { sent, setOnline } = setup();
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(sent).toEqual([]);
    setOnline(false);
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(sent).toEqual(['offline']);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 2);
    expect(sent).toEqual(['offline']);
    setOnline(true);
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(sent).toEqual(['offline', 'online']);
  });

  it('checks the network immediately on resume', () => {
    const { powerMonitor, sent, setOnline } = setup();
    setOnline(false);
    powerMonitor.emit('resume');
    expect(sent).toEqual(['resume', 'offline']);
  });

  it('stops polling and listening when stopped', () => {
    const { powerMonitor, sent, stop, setOnline } = setup();
    stop();
    setOnline(false);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 2);
    powerMonitor.emit('resume');
    expect(sent).toEqual([]);
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
  });
});
