/**
 * Registration changes since the page loaded, for diagnostics: each distinct snapshot the phone put in the
 * store, with the time it changed. Bounded: the oldest go first.
 */
import type { RegistrationEvent } from '@common/diagnostics/diagnostics-contract';
import type { ServiceStore } from '../../platform/store';

export const MAX_REGISTRATION_EVENTS = 200;

/** Follows the store's registration; returns the history (a live array) and the unsubscribe function. */
export function trackRegistration(store: ServiceStore, now: () => number = Date.now): { events: RegistrationEvent[]; stop: () => void } {
  const events: RegistrationEvent[] = [];
  const record = (snapshot: ReturnType<ServiceStore['getState']>['registration']) => {
    events.push({ at: now(), state: snapshot.state, ...(snapshot.reason ? { reason: snapshot.reason } : {}), ...(snapshot.server ? { server: snapshot.server } : {}) });
    if (events.length > MAX_REGISTRATION_EVENTS) events.shift();
  };
  record(store.getState().registration);
  const stop = store.subscribe((state, previous) => {
    if (state.registration !== previous.registration) record(state.registration);
  });
  return { events, stop };
}
