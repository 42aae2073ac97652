/**
 * Callbacks: scheduling (the dialog, or automatically after a dropped call), the reminder when one falls due
 * while the agent is Ready, dialling one from the list (its reason and note on the screen pop while it rings),
 * and each attempt's outcome (the retry plan; the call's history row). The list lives in Dexie.
 */
import type { Policy } from '@common/contract/policy';
import { drop } from '@common/logging/drop';
import type { CallbackOutcome, StoredCallback } from '../../db/schema';
import type { AppClock } from '../../platform/app-clock';
import { createLogger } from '../../platform/logger';
import type { AppState, ServiceStore } from '../../platform/store';
import type { CallLifecycle, DialResult } from '../phone';
import { popDialledCall } from '../screenpop';
import { addAttempt, attemptsOfCalls, getCallback, openCallbacks, saveCallback, setAttemptOutcome } from './callbacks-repo';
import { contextOf, keptSummary, preferredWindow, profileOfCall } from './customer-context';
import { applyOutcome, bucketOf, isDroppedCall } from './domain/callback-rules';
import { windowFor, type WindowPreset } from './domain/windows';
import { notifyDue, playChime } from './reminder';
import { syncCallbacks } from './callbacks-sync';

const log = createLogger('callbacks');
/** How often due callbacks are looked for (the list re-sorted, a sync started when due) on the real clock. */
const TICK_MS = 15_000;

/** What the Callback dialog saves. */
export interface CallbackRequest {
  number: string;
  /** `preference`: the next slot of the customer's own preferred time (CRM profile of `callId`); in 1 hour without one. */
  preset: WindowPreset | 'preference';
  /** The picker's "YYYY-MM-DDTHH:MM" (bank time zone) with preset `custom`. */
  custom?: string;
  customerAsked: boolean;
  reason: string;
  note: string;
  /** The call it is scheduled from: its customer context comes along. */
  callId?: string;
  automatic?: boolean;
}

export interface CallbacksDeps {
  clock: AppClock;
  phone: { dial(target: string): Promise<DialResult> };
  /** The reminder's sound; the chime by default (tests pass a recorder). */
  chime?: () => void;
  /** For the callback service sync (tests); the page's own by default. */
  fetch?: typeof fetch;
  /** Assist's call summaries (a port: bootstrap wires it); a summary made after the callback joins it then. */
  summaries?: CallSummaries;
}

/** The call summaries a callback takes into its context. */
export interface CallSummaries {
  /** The summary text of a call, once assist has made it (after hang-up). */
  textOf(callId: string): string | undefined;
  /** Calls `listener` with each new summary. @returns unsubscribe */
  subscribe(listener: (callId: string, text: string) => void): () => void;
}

export interface Callbacks {
  schedule(request: CallbackRequest): Promise<StoredCallback>;
  /** Dials the callback's number; the attempt is recorded with the call. @returns the phone's error, if any */
  callBack(callbackId: string): Promise<DialResult>;
  /** The outcome of the callback's latest attempt (or of the callback itself when none was made here). */
  recordOutcome(callbackId: string, outcome: CallbackOutcome): Promise<void>;
  /** The dropped call's "Call back now". */
  callBackDropped(): Promise<DialResult>;
  /** Syncs with `callbacks.syncUrl` now (no-op without one); resolves when done, failures logged. */
  syncNow(): Promise<void>;
  stop(): void;
}

let active: Callbacks | null = null;

/** A reminder is once per window: a callback moved by the retry plan reminds again when its new window opens. */
const reminderKey = (callback: StoredCallback): string => `${callback.id}@${callback.windowStart}`;

/** The running callbacks feature (null before a valid policy): the components call it. */
export function callbacksService(): Callbacks | null {
  return active;
}

function newId(): string {
  return crypto.randomUUID();
}

export function startCallbacks(policy: Policy, store: ServiceStore, lifecycle: CallLifecycle, deps: CallbacksDeps): Callbacks {
  const { callbacks: rules } = policy;
  const { clock } = deps;
  const chime = deps.chime ?? (() => playChime());
  /** The latest call placed for each callback. */
  const latestCall = new Map<string, string>();

  let syncing: Promise<void> | null = null;
  let syncAgain = false;
  /** App clock of the last sync run's start: the next is due `syncMinutes` later (checked on every tick). */
  let lastSyncAt = clock.now();
  /** One sync at a time; a change made meanwhile is sent by one more run right after. */
  const syncNow = async (): Promise<void> => {
    const { syncUrl } = rules;
    if (!syncUrl) return;
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        syncAgain = false;
        lastSyncAt = clock.now();
        try {
          const result = await syncCallbacks({ syncUrl, me: policy.sip.uri ?? '', ...(deps.fetch ? { fetch: deps.fetch } : {}) });
          if (result.rejected > 0) log.info(`callback sync: ${result.rejected} callback(s) taken by a colleague`);
        } catch (error) {
          log.warn('callback sync failed; the list on this computer keeps working', error);
        }
        store.getState().setCallbacks(await openCallbacks());
      } while (syncAgain);
    })().finally(() => (syncing = null));
    return syncing;
  };

  const put = async (callback: StoredCallback): Promise<void> => {
    await saveCallback(callback);
    const state = store.getState();
    if (callback.status === 'open') state.putCallback(callback);
    else state.setCallbacks(state.callbacks.filter((c) => c.id !== callback.id));
    drop(syncNow(), log, 'syncing callbacks');
  };

  /** Re-buckets the list and reminds of what fell due, once each, while the agent is Ready. */
  const tick = (): void => {
    const now = clock.now();
    const state = store.getState();
    state.setCallbacksNow(now);
    scheduleDroppedIfDue(now);
    // On the app clock, so a test that advances it syncs too (a colleague's change shows without a restart).
    if (rules.syncUrl && now - lastSyncAt >= rules.syncMinutes * 60_000) drop(syncNow(), log, 'syncing callbacks');
    if (state.agent.state.kind !== 'ready') return;
    const due = state.callbacks.filter((c) => c.status === 'open' && bucketOf(c, now) !== 'later' && !state.callbacksReminded.includes(reminderKey(c)));
    if (due.length === 0) return;
    state.markReminded(due.map(reminderKey));
    notifyDue(due);
    chime();
  };

  const schedule = async (request: CallbackRequest): Promise<StoredCallback> => {
    const now = clock.now();
    const state = store.getState() as AppState;
    // The customer's own preference is what the customer asked for: kept even in the quiet hours.
    const preferred = request.preset === 'preference' ? preferredWindow(profileOfCall(state, request.callId)?.callPreference, now, rules.hours) : null;
    const preset = request.preset === 'preference' ? 'in-1-hour' : request.preset;
    const window = preferred?.window ?? windowFor(preset, now, rules.hours, { ...(request.custom ? { custom: request.custom } : {}), customerAsked: request.customerAsked });
    const summary = request.callId ? deps.summaries?.textOf(request.callId) : undefined;
    const callback: StoredCallback = {
      id: newId(),
      number: request.number.trim(),
      reason: request.reason,
      note: request.note.trim(),
      windowStart: window.startAt,
      windowEnd: window.endAt,
      customerAsked: preferred !== null || request.customerAsked,
      ...(preferred ? { preference: preferred.preference } : {}),
      status: 'open',
      attempts: 0,
      ...contextOf(state, request.callId, now, policy.crm.elderlyAge, summary),
      ...(request.callId ? { sourceCallId: request.callId } : {}),
      ...(request.automatic ? { automatic: true } : {}),
      createdAt: now,
      updatedAt: now,
      dirty: true,
    };
    await put(callback);
    log.info(`callback scheduled for ${new Date(callback.windowStart).toISOString()} (${callback.reason}${callback.automatic ? ', automatic' : ''})`);
    tick();
    return callback;
  };

  const callBack = async (callbackId: string): Promise<DialResult> => {
    const callback = store.getState().callbacks.find((c) => c.id === callbackId) ?? (await getCallback(callbackId));
    if (!callback) return { ok: false, error: 'invalid' };
    const result = await deps.phone.dial(callback.number);
    if (!result.ok) return result;
    latestCall.set(callback.id, result.callId);
    popDialledCall(result.callId, callback.number, callback.customerId);
    store.getState().putCallbackAttempt(result.callId, {
      callbackId: callback.id,
      reason: callback.reason,
      note: callback.note,
      number: callback.number,
      ...(callback.customerName ? { customerName: callback.customerName } : {}),
      ...(callback.elderly ? { elderly: true } : {}),
      ...(callback.summary ? { summary: callback.summary } : {}),
    });
    await addAttempt({ callbackId: callback.id, callId: result.callId, startedAt: clock.now() });
    return result;
  };

  const recordOutcome = async (callbackId: string, outcome: CallbackOutcome): Promise<void> => {
    const callback = store.getState().callbacks.find((c) => c.id === callbackId) ?? (await getCallback(callbackId));
    if (!callback) return;
    const callId = latestCall.get(callbackId);
    if (callId) {
      await setAttemptOutcome(callId, outcome);
      const attempt = store.getState().callbackAttempts[callId];
      if (attempt) store.getState().putCallbackAttempt(callId, { ...attempt, outcome });
    }
    await put(applyOutcome(callback, outcome, clock.now(), rules));
  };

  /** A dropped call's offer not taken within `droppedCallMinutes` becomes a scheduled callback. */
  function scheduleDroppedIfDue(now: number): void {
    const offer = store.getState().droppedCall;
    if (!offer || rules.droppedCallMinutes === 0 || now < offer.droppedAt + rules.droppedCallMinutes * 60_000) return;
    store.getState().setDroppedCall(null);
    drop(schedule(droppedRequest(offer.number, offer.callId, true)), log, 'scheduling a dropped call');
  }

  function droppedRequest(number: string, callId: string, automatic: boolean): CallbackRequest {
    return {
    number,
    preset: 'custom',
    customerAsked: false,
    reason: rules.reasons.some((r) => r.code === 'dropped') ? 'dropped' : (rules.reasons[0]?.code ?? 'dropped'),
    note: '',
    callId,
    automatic,
    };
  }

  /** A summary made after the callback was promised (during the call) joins the callbacks promised on that call. */
  const attachSummary = (callId: string, text: string): void => {
    const summary = keptSummary(text);
    const now = clock.now();
    for (const callback of store.getState().callbacks.filter((c) => c.sourceCallId === callId && !c.summary)) {
      if (summary) drop(put({ ...callback, summary, updatedAt: now, dirty: true }), log, 'keeping the call summary with its callback');
    }
  };
  const stopSummaries = deps.summaries?.subscribe(attachSummary);

  const stopLifecycle = lifecycle.subscribe((event) => {
    if (event.type !== 'ended') return;
    if (isDroppedCall(event.end)) store.getState().setDroppedCall({ callId: event.call.id, number: event.call.remoteNumber, droppedAt: clock.now() });
  });

  const interval = setInterval(tick, TICK_MS);
  const stopJump = clock.onJump(tick);
  // A change of agent state (Ready again after a call) may release a reminder that waited.
  const stopStore = store.subscribe((state, previous) => {
    if (state.agent.state.kind === 'ready' && previous.agent.state.kind !== 'ready') tick();
  });

  drop(
    (async () => {
      store.getState().setCallbacks(await openCallbacks());
      const attempts = await attemptsOfCalls(store.getState().history.map((h) => h.id));
      for (const attempt of attempts) {
        const callback = await getCallback(attempt.callbackId);
        if (callback) store.getState().putCallbackAttempt(attempt.callId, { callbackId: callback.id, reason: callback.reason, note: callback.note, number: callback.number, ...(attempt.outcome ? { outcome: attempt.outcome } : {}) });
      }
      tick();
      await syncNow();
      tick();
    })(),
    log,
    'loading the callbacks',
  );

  active = {
    schedule,
    callBack,
    recordOutcome,
    async callBackDropped() {
      const offer = store.getState().droppedCall;
      if (!offer) return { ok: false, error: 'empty' };
      store.getState().setDroppedCall(null);
      const callback = await schedule({ ...droppedRequest(offer.number, offer.callId, false), preset: 'custom', customerAsked: true });
      return callBack(callback.id);
    },
    syncNow,
    stop() {
      clearInterval(interval);
      stopJump();
      stopStore();
      stopLifecycle();
      stopSummaries?.();
      active = null;
    },
  };
  return active;
}
