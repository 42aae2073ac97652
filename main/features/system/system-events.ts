/**
 * OS events the phone must react to quickly: resume from sleep and network back (re-REGISTER
 * within 5 s, DESIGN.md §7), suspend and network lost (stop pretending to be reachable).
 */
import type { Net, PowerMonitor } from 'electron';
import type { SystemEvent } from '@common/contract/ipc';

export interface SystemEventsDeps {
  powerMonitor: Pick<PowerMonitor, 'on' | 'off'>;
  net: Pick<Net, 'isOnline'>;
  /** Delivers an event to the renderer on SYSTEM_EVENT_CHANNEL. */
  send: (event: SystemEvent) => void;
  /** Poll period for net.isOnline(); Electron emits no online/offline event in main. */
  pollMs?: number;
}

/** Default poll period: well inside the 5 s re-registration target. */
export const ONLINE_POLL_MS = 2000;

/**
 * Starts forwarding power and network changes. Only changes are sent: the renderer reads the
 * initial state itself (navigator.onLine), so an event always means something happened.
 * @returns stop(), which removes the listeners and the poll timer
 */
export function startSystemEvents({ powerMonitor, net, send, pollMs = ONLINE_POLL_MS }: SystemEventsDeps): () => void {
  let online = net.isOnline();

  const checkOnline = () => {
    const now = net.isOnline();
    if (now === online) return;
    online = now;
    send(now ? 'online' : 'offline');
  };
  const onSuspend = () => send('suspend');
  const onResume = () => {
    send('resume');
    // The network often changed while asleep: report it now rather than up to pollMs later.
    checkOnline();
  };

  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  const timer = setInterval(checkOnline, pollMs);
  // Never keep the process alive just to poll.
  timer.unref?.();

  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('resume', onResume);
  };
}
