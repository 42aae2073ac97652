/**
 * The one source of what happens to calls: the phone service publishes each engine report here, right
 * after it updated the store, and the features that follow calls (agent, screen pop, recording, assist,
 * transcription) subscribe instead of each diffing store snapshots to guess what "new", "answered" and
 * "ended" mean.
 */
import { createLogger } from '../../platform/logger';
import type { CallEnd, CallSnapshot } from './sip/types';

/** What a snapshot meant for its call; published after that snapshot's `updated`. */
export type CallMomentType = 'ringing' | 'dialing' | 'answered' | 'held' | 'resumed';

/**
 * One thing that happened to a call. `call` is the call's latest snapshot, `calls` the phone's calls
 * right after it (the store's list: ended calls already removed).
 * - `updated`: the engine reported a snapshot of the call (any change, the end included);
 * - `ringing`: a new incoming call; `dialing`: a new outgoing call;
 * - `answered`: the call connected (first `active` phase), once per call;
 * - `held` / `resumed`: the call went on hold (either side) / neither side holds it any more;
 * - `ended`: the call is over; `end` is the engine's account (outcome, cause, final snapshot with its
 *   `transfer`). It follows the call's last `updated`.
 */
export type CallLifecycleEvent =
  | { type: 'updated' | CallMomentType; call: CallSnapshot; calls: readonly CallSnapshot[] }
  | { type: 'ended'; call: CallSnapshot; end: CallEnd; calls: readonly CallSnapshot[] };

export type CallLifecycleListener = (event: CallLifecycleEvent) => void;

/** What the features that follow calls are given: subscribing only. */
export interface CallLifecycle {
  /**
   * Listeners run in the order they subscribed, each event to every listener before the next event;
   * one that throws is logged and skipped. Returns the unsubscribe function.
   */
  subscribe(listener: CallLifecycleListener): () => void;
}

/** What the phone service is given: it reports the engine's calls, the publisher works out their events. */
export interface CallLifecyclePublisher extends CallLifecycle {
  /** The engine reported a snapshot; `calls` is the store's list after applying it. */
  callUpdated(call: CallSnapshot, calls: readonly CallSnapshot[]): void;
  /** The engine reported a call's end; `calls` is the store's list after removing it. */
  callEnded(end: CallEnd, calls: readonly CallSnapshot[]): void;
}

/** What the publisher remembers of a call between snapshots. */
interface Known {
  answered: boolean;
  held: boolean;
}

const log = createLogger('phone');

/** Creates the app's call lifecycle (bootstrap makes one and hands it to the phone and its followers). */
export function createCallLifecycle(): CallLifecyclePublisher {
  const listeners = new Set<CallLifecycleListener>();
  const known = new Map<string, Known>();
  const queue: CallLifecycleEvent[] = [];
  let delivering = false;

  const deliver = (event: CallLifecycleEvent): void => {
    // A listener added meanwhile starts with the next event; one removed meanwhile gets nothing more.
    for (const listener of [...listeners]) {
      if (!listeners.has(listener)) continue;
      try {
        listener(event);
      } catch (error) {
        // The phone (and every other follower) must not fail because one follower did.
        log.error(`call ${event.call.id} ${event.type}: a subscriber failed`, error);
      }
    }
  };

  const publish = (...events: CallLifecycleEvent[]): void => {
    queue.push(...events);
    // An event published from inside a listener waits for the current one to reach everyone, so every
    // listener sees the same order.
    if (delivering) return;
    delivering = true;
    try {
      for (let event = queue.shift(); event; event = queue.shift()) deliver(event);
    } finally {
      delivering = false;
    }
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    callUpdated(call, calls) {
      const events: CallLifecycleEvent[] = [{ type: 'updated', call, calls }];
      const moment = (type: CallMomentType) => events.push({ type, call, calls });
      let seen = known.get(call.id);
      if (!seen) {
        seen = { answered: false, held: false };
        known.set(call.id, seen);
        moment(call.direction === 'incoming' ? 'ringing' : 'dialing');
      }
      if (call.phase === 'ended') {
        // The end itself is published by callEnded, with the engine's outcome and cause.
        publish(...events);
        return;
      }
      if (call.phase === 'active' && !seen.answered) {
        seen.answered = true;
        moment('answered');
      }
      const held = call.heldLocally || call.heldRemotely;
      if (held !== seen.held) {
        seen.held = held;
        moment(held ? 'held' : 'resumed');
      }
      publish(...events);
    },
    callEnded(end, calls) {
      known.delete(end.call.id);
      publish({ type: 'ended', call: end.call, end, calls });
    },
  };
}
