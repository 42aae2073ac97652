import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Watchdog } from '@renderer/features/phone/sip/watchdog';

describe('Watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup({ answer = true } = {}) {
    const answers: (() => void)[] = [];
    const probe = vi.fn((answered: () => void) => {
      if (answer) answered();
      else answers.push(answered);
    });
    const dead = vi.fn();
    const watchdog = new Watchdog({ intervalMs: 5000, timeoutMs: 4000, probe, dead });
    return { watchdog, probe, dead, answers };
  }

  it('probes every interval while answers come back, and never declares the connection dead', () => {
    const { watchdog, probe, dead } = setup();
    watchdog.start();
    vi.advanceTimersByTime(4999);
    expect(probe).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000 * 4);
    expect(probe).toHaveBeenCalledTimes(5);
    expect(dead).not.toHaveBeenCalled();
  });

  it('declares the connection dead when a probe goes unanswered for the timeout: within interval + timeout', () => {
    const { watchdog, probe, dead } = setup({ answer: false });
    watchdog.start();
    vi.advanceTimersByTime(5000 + 3999);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(dead).toHaveBeenCalledTimes(1);
    // It stops until started again (the new connection restarts it).
    vi.advanceTimersByTime(60_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(watchdog.active).toBe(false);
  });

  it('a late answer to a timed-out probe changes nothing; an answer in time keeps it alive', () => {
    const { watchdog, dead, answers } = setup({ answer: false });
    watchdog.start();
    vi.advanceTimersByTime(5000 + 2000);
    answers[0]?.();
    vi.advanceTimersByTime(4000);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5000 + 4000);
    expect(dead).toHaveBeenCalledTimes(1);
    answers[0]?.();
    answers[1]?.();
    expect(dead).toHaveBeenCalledTimes(1);
  });

  it('stop() cancels the cycle; probeNow() probes at once but not twice in flight', () => {
    const { watchdog, probe, dead } = setup({ answer: false });
    watchdog.start();
    watchdog.probeNow();
    watchdog.probeNow();
    expect(probe).toHaveBeenCalledTimes(1);
    watchdog.stop();
    vi.advanceTimersByTime(60_000);
    expect(dead).not.toHaveBeenCalled();
    watchdog.probeNow();
    expect(probe).toHaveBeenCalledTimes(1);
  });
});
