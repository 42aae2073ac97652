import { describe, expect, it, vi } from 'vitest';
import { createIceGatheringTimeout } from '@renderer/features/phone/sip/ice-timeout';

describe('createIceGatheringTimeout', () => {
  it('sends the offer after the timeout even if gathering never completes', () => {
    vi.useFakeTimers();
    const ice = createIceGatheringTimeout(2000);
    const ready = vi.fn();
    ice.onCandidate({ ready });
    ice.onCandidate({ ready }); // more candidates of the same offer do not restart the clock
    vi.advanceTimersByTime(1999);
    expect(ready).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ready).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
  it('a new offer (re-INVITE) gets its own timeout; dispose cancels it', () => {
    vi.useFakeTimers();
    const ice = createIceGatheringTimeout(500);
    const first = vi.fn();
    const second = vi.fn();
    ice.onCandidate({ ready: first });
    ice.onCandidate({ ready: second });
    vi.advanceTimersByTime(500);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    const third = vi.fn();
    ice.onCandidate({ ready: third });
    ice.dispose();
    vi.advanceTimersByTime(1000);
    expect(third).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
