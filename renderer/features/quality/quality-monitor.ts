/**
 * Follows the phone's call lifecycle: from a call's answer to its end, reads its peer connection's
 * getStats() every quality.sampleSeconds and records a sample; when the call ends, its summary goes to
 * the call history (store and Dexie). No React here: bootstrap starts it once a valid policy is in force.
 */
import type { Logger } from '@common/logging/logger';
import type { CallHistoryEntry, CallQualitySummary } from '../../db/schema';
import { writeWhileRefused } from '../../db/storage-refusal';
import type { CallLifecycle, CallSnapshot } from '../phone';
import { assess, type QualitySample, type QualityThresholds } from './assessment';
import { readStats, type StatsCounters } from './stats-reader';

/** The part of the app store the monitor uses. */
export interface MonitorState {
  history: CallHistoryEntry[];
  quality: Record<string, { summary: CallQualitySummary }>;
  recordQualitySample(callId: string, sample: QualitySample): void;
  clearQuality(callId: string): void;
  /** Merges fields into a shown history entry (agent slice). */
  patchHistory(id: string, patch: Partial<CallHistoryEntry>): void;
}

export interface MonitorStore {
  getState(): MonitorState;
  subscribe(listener: () => void): () => void;
}

export interface QualityMonitorDeps {
  store: MonitorStore;
  /** The phone's calls: sampling runs from `answered` to `ended`. */
  lifecycle: CallLifecycle;
  thresholds: QualityThresholds;
  /** The call's RTCPeerConnection (PhoneEngine.peerConnection), null when it has none (yet). */
  peerConnection(callId: string): Pick<RTCPeerConnection, 'getStats'> | null;
  /** Persists the summary with the call's history row (quality-repo's attachQuality). */
  saveSummary(callId: string, summary: CallQualitySummary): Promise<void>;
  log: Logger;
  now?: () => number;
}

interface Tracked {
  /** The call's latest snapshot (hold state). */
  call: CallSnapshot;
  timer: ReturnType<typeof setInterval>;
  counters: StatsCounters | null;
  busy: boolean;
  /** Last level logged, so the log records changes, not every sample. */
  level: QualitySample['level'];
}

/** Summaries of recently ended calls, kept to put back into the store's history if it is replaced. */
const RECENT_MAX = 10;

/** Starts monitoring; returns the function that stops it (timers cleared, nothing else written). */
export function startQualityMonitor(deps: QualityMonitorDeps): () => void {
  const { store, thresholds, log } = deps;
  const now = deps.now ?? Date.now;
  const tracked = new Map<string, Tracked>();
  const recent = new Map<string, CallQualitySummary>();
  let stopped = false;

  async function tick(callId: string, emit: boolean): Promise<void> {
    const entry = tracked.get(callId);
    const pc = deps.peerConnection(callId);
    if (!entry || !pc || entry.busy) return;
    entry.busy = true;
    try {
      const report = await pc.getStats();
      if (stopped || tracked.get(callId) !== entry) return; // the call ended while we waited
      const read = readStats(report.values() as Iterable<Record<string, unknown>>, entry.counters);
      if (!read) return;
      entry.counters = read.counters;
      const { call } = entry;
      // On hold nothing flows, and a silent interval is not a quality figure: keep counting, show nothing new.
      if (!emit || call.heldLocally || call.heldRemotely || read.figures.packetsReceived === 0) return;
      const sample = assess(read.figures, thresholds, now());
      store.getState().recordQualitySample(callId, sample);
      if (sample.level !== entry.level) {
        entry.level = sample.level;
        log.info(`call quality ${sample.level}${sample.warnings.length ? `: ${sample.warnings.join(', ')}` : ''}`);
      }
    } catch (error: unknown) {
      log.warn('getStats failed', error);
    } finally {
      entry.busy = false;
    }
  }

  function follow(call: CallSnapshot): void {
    const entry: Tracked = {
      call,
      timer: setInterval(() => void tick(call.id, true), thresholds.sampleSeconds * 1000),
      counters: null,
      busy: false,
      level: 'good',
    };
    tracked.set(call.id, entry);
    void tick(call.id, false); // baseline counters, so the first sample covers one interval
  }

  function finish(callId: string, entry: Tracked): void {
    clearInterval(entry.timer);
    tracked.delete(callId);
    const state = store.getState();
    const summary = state.quality[callId]?.summary;
    state.clearQuality(callId);
    if (!summary || summary.samples === 0) return;
    recent.set(callId, summary);
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
    writeWhileRefused(() => deps.saveSummary(callId, summary)).catch((error: unknown) => log.error('quality summary not saved', error));
  }

  /** Puts summaries into the store's history entries that lack them (the entry lands after the call leaves). */
  function heal(state: MonitorState): void {
    for (const entry of state.history) {
      const summary = entry.quality ? undefined : recent.get(entry.id);
      if (summary) state.patchHistory(entry.id, { quality: summary });
    }
  }

  const unsubscribe = [
    deps.lifecycle.subscribe((event) => {
      if (stopped) return;
      const entry = tracked.get(event.call.id);
      if (event.type === 'answered' && !entry) follow(event.call);
      else if (event.type === 'ended' && entry) finish(event.call.id, entry);
      else if (entry) entry.call = event.call;
    }),
    // The history entry may land (or the whole history be replaced) after the call left: heal then.
    store.subscribe(() => {
      if (!stopped) heal(store.getState());
    }),
  ];
  return () => {
    stopped = true;
    for (const off of unsubscribe) off();
    for (const entry of tracked.values()) clearInterval(entry.timer);
    tracked.clear();
  };
}
