/**
 * The customer context a callback keeps from the call it is promised on: screen pop's profile (id, name,
 * elderly, the customer's own preferred calling time), the IVR's intent, and assist's call summary.
 */
import { parseCallPreference } from '@common/crm/call-preference';
import type { CustomerProfile } from '@common/crm/profile-schema';
import type { StoredCallback } from '../../db/schema';
import type { AppState } from '../../platform/store';
import { ageOn } from '../screenpop';
import type { CallingHours, TimeWindow } from './domain/calling-hours';
import { nextPreferredWindow } from './domain/preferred-window';

/** The longest summary kept with a callback (the callback service's limit). */
export const MAX_SUMMARY_CHARS = 4000;

/** The profile screen pop shows for a call (the chosen one of several), if any. */
export function profileOfCall(state: Pick<AppState, 'pops'>, callId: string | undefined): CustomerProfile | undefined {
  const pop = callId ? state.pops.find((p) => p.callId === callId) : undefined;
  return pop && pop.selected !== null ? pop.profiles[pop.selected] : undefined;
}

/** The next slot of the customer's own preference at `now`, with its canonical text; null without a usable one. */
export function preferredWindow(preferenceText: string | undefined, now: number, hours: CallingHours): { preference: string; window: TimeWindow } | null {
  const preference = parseCallPreference(preferenceText);
  const window = preference ? nextPreferredWindow(preference, now, hours) : null;
  return window && preferenceText ? { preference: preferenceText, window } : null;
}

/** A summary as a callback keeps it: trimmed, at most MAX_SUMMARY_CHARS. */
export function keptSummary(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return trimmed.length > MAX_SUMMARY_CHARS ? `${trimmed.slice(0, MAX_SUMMARY_CHARS - 1)}…` : trimmed;
}

/** What a callback keeps of the call `callId`: customer id and name, intent, elderly, the summary if there is one yet. */
export function contextOf(state: AppState, callId: string | undefined, now: number, elderlyAge: number, summary: string | undefined): Partial<StoredCallback> {
  const pop = callId ? state.pops.find((p) => p.callId === callId) : undefined;
  const kept = keptSummary(summary);
  if (!pop) return kept ? { summary: kept } : {};
  const profile = profileOfCall(state, callId);
  const customerId = profile?.id ?? pop.cti.customerId;
  const elderly = profile?.birthDate !== undefined && ageOn(profile.birthDate, new Date(now)) >= elderlyAge;
  return {
    ...(customerId ? { customerId } : {}),
    ...(profile?.name ? { customerName: profile.name } : {}),
    ...(pop.cti.intent ? { intent: pop.cti.intent } : {}),
    ...(elderly ? { elderly } : {}),
    ...(kept ? { summary: kept } : {}),
  };
}
