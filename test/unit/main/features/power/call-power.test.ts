import type { PowerSaveBlocker } from 'electron';
import { describe, expect, it } from 'vitest';
import { createCallPower } from '@main/features/power/call-power';

/** powerSaveBlocker's bookkeeping: ids handed out and which are still held. */
function fakeBlocker() {
  let nextId = 0;
  const active = new Map<number, string>();
  const blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> = {
    start: (type) => {
      active.set(++nextId, type);
      return nextId;
    },
    stop: (id) => active.delete(id),
    isStarted: (id) => active.has(id),
  };
  return { blocker, active, started: () => nextId };
}

describe('createCallPower', () => {
  it('prevents display sleep while a call is active and releases it after', () => {
    const { blocker, active } = fakeBlocker();
    const power = createCallPower(blocker);
    power.setCallActive(true);
    expect([...active.values()]).toEqual(['prevent-display-sleep']);
    expect(power.isBlocking()).toBe(true);
    power.setCallActive(false);
    expect(active.size).toBe(0);
    expect(power.isBlocking()).toBe(false);
  });

  it('never starts a second blocker for a second active call', () => {
    const { blocker, active, started } = fakeBlocker();
    const power = createCallPower(blocker);
    power.setCallActive(true);
    power.setCallActive(true);
    expect(started()).toBe(1);
    expect(active.size).toBe(1);
  });

  it('ignores stop without start and stops only once', () => {
    const { blocker, active } = fakeBlocker();
    const power = createCallPower(blocker);
    power.setCallActive(false);
    power.setCallActive(true);
    power.setCallActive(false);
    power.setCallActive(false);
    expect(active.size).toBe(0);
  });

  it('starts again for the next call and releases on dispose', () => {
    const { blocker, active, started } = fakeBlocker();
    const power = createCallPower(blocker);
    power.setCallActive(true);
    power.setCallActive(false);
    power.setCallActive(true);
    expect(started()).toBe(2);
    power.dispose();
    expect(active.size).toBe(0);
  });

  it('restarts if the blocker was released behind its back', () => {
    const { blocker, active } = fakeBlocker();
    const power = createCallPower(blocker);
    power.setCallActive(true);
    active.clear();
    power.setCallActive(true);
    expect(active.size).toBe(1);
  });

  it('remembers whether a call is up even when the OS refuses the blocker', () => {
    // The quit confirmation asks this: a failed blocker must not make main think no call is up.
    const blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> = { start: () => 7, stop: () => false, isStarted: () => false };
    const power = createCallPower(blocker);
    expect(power.isCallActive()).toBe(false);
    power.setCallActive(true);
    expect(power.isBlocking()).toBe(false);
    expect(power.isCallActive()).toBe(true);
    power.setCallActive(false);
    expect(power.isCallActive()).toBe(false);
  });
});
