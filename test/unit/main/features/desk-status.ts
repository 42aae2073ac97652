/** A renderer report (DeskStatus) for main's desktop shell tests: Ready and registered unless the change says otherwise. */
import type { DeskStatus } from '@common/contract/desktop';

export const deskStatus = (change: Partial<DeskStatus> = {}): DeskStatus => ({
  agent: 'ready',
  next: { kind: 'ready' },
  held: false,
  registration: 'registered',
  ringing: false,
  language: 'en',
  reasons: [
    { code: 'break', label: 'Break' },
    { code: 'lunch', label: 'Lunch' },
  ],
  ...change,
});
