import { describe, expect, it } from 'vitest';
import { classifyOutcome } from '@renderer/features/phone/sip/outcome';

describe('classifyOutcome', () => {
  it('an answered call is answered whoever hung up', () => {
    expect(classifyOutcome('incoming', true, 'remote', 'Terminated')).toBe('answered');
    expect(classifyOutcome('outgoing', true, 'local', 'Terminated')).toBe('answered');
  });
  it('incoming: agent declined, rejected busy, caller gave up', () => {
    expect(classifyOutcome('incoming', false, 'local', 'Rejected', 603)).toBe('declined');
    expect(classifyOutcome('incoming', false, 'local', 'Rejected', 486)).toBe('busy');
    expect(classifyOutcome('incoming', false, 'remote', 'Canceled')).toBe('missed');
  });
  it('outgoing: busy, declined, no answer, cancelled by the agent, other failures', () => {
    expect(classifyOutcome('outgoing', false, 'remote', 'Busy', 486)).toBe('busy');
    expect(classifyOutcome('outgoing', false, 'remote', 'Rejected', 603)).toBe('declined');
    expect(classifyOutcome('outgoing', false, 'remote', 'Unavailable', 480)).toBe('no-answer');
    expect(classifyOutcome('outgoing', false, 'local', 'Canceled')).toBe('cancelled');
    expect(classifyOutcome('outgoing', false, 'remote', 'Not Found', 404)).toBe('failed');
  });
});
