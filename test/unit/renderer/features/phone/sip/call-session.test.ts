import { describe, expect, it } from 'vitest';
import { needsIceRestart } from '../../../../../../renderer/features/phone/sip/call-session';

describe('needsIceRestart', () => {
  it('restarts ICE only when the media path is down', () => {
    expect(needsIceRestart('failed')).toBe(true);
    expect(needsIceRestart('disconnected')).toBe(true);
    for (const state of ['new', 'checking', 'connected', 'completed', 'closed'] as const) expect(needsIceRestart(state)).toBe(false);
  });
});
