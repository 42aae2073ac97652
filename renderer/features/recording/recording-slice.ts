/** Recording in the store: the live capture per call, the cached recordings, and the cache's health. */
import type { StateCreator } from 'zustand';
import type { QuotaEvent } from './store';
import type { StoreRefusal } from './upload';
import type { RecordingManifest } from './types';

/** A call's capture as the agent sees it. */
export interface LiveRecording {
  recordingId: string;
  paused: boolean;
}

/** Something the agent must know about recording: a capture or cache failure, in a stable code the UI translates. */
export interface RecordingProblem {
  code: 'disk-full' | 'capture-failed' | 'store-unavailable' | 'key-unreadable' | 'save-failed';
  detail?: string;
}

export interface RecordingSlice {
  /** By call id, while the call is being captured (paused or not). */
  liveRecordings: Record<string, LiveRecording>;
  /** Newest first. */
  recordings: RecordingManifest[];
  /** How full the local cache is (policy recording.cacheLimitMb), as the store last reported it. */
  recordingCache: QuotaEvent | null;
  recordingProblem: RecordingProblem | null;
  /** The recording key's protection is weak (Linux basic_text keyring, or the browser host): reported to IT and shown. */
  recordingKeyWeak: boolean;
  /** The recording store refused the last upload's credential (401, 403) and no upload went through since. */
  recordingStoreRefused: StoreRefusal | null;
  /** The agent saved the store's token in this page (the browser host holds none until then). */
  recordingStoreTokenSaved: boolean;
  setLiveRecording(callId: string, live: LiveRecording | null): void;
  setRecordings(recordings: RecordingManifest[]): void;
  setRecordingCache(event: QuotaEvent): void;
  setRecordingProblem(problem: RecordingProblem | null): void;
  setRecordingKeyWeak(weak: boolean): void;
  setRecordingStoreRefused(refusal: StoreRefusal | null): void;
  setRecordingStoreTokenSaved(saved: boolean): void;
}

export const createRecordingSlice: StateCreator<RecordingSlice, [], [], RecordingSlice> = (set) => ({
  liveRecordings: {},
  recordings: [],
  recordingCache: null,
  recordingProblem: null,
  recordingKeyWeak: false,
  recordingStoreRefused: null,
  recordingStoreTokenSaved: false,
  setLiveRecording: (callId, live) =>
    set((state) => ({
      liveRecordings: live
        ? { ...state.liveRecordings, [callId]: live }
        : Object.fromEntries(Object.entries(state.liveRecordings).filter(([id]) => id !== callId)),
    })),
  setRecordings: (recordings) => set({ recordings }),
  setRecordingCache: (recordingCache) => set({ recordingCache }),
  setRecordingProblem: (recordingProblem) => set({ recordingProblem }),
  setRecordingKeyWeak: (recordingKeyWeak) => set({ recordingKeyWeak }),
  setRecordingStoreRefused: (recordingStoreRefused) => set({ recordingStoreRefused }),
  setRecordingStoreTokenSaved: (recordingStoreTokenSaved) => set({ recordingStoreTokenSaved }),
});

/** The capture of one call, undefined when it is not recorded. */
export const selectLiveRecording =
  (callId: string) =>
  (s: RecordingSlice): LiveRecording | undefined =>
    s.liveRecordings[callId];

/** Whether the call is being recorded now: what the call's controls and the top bar's chip say. */
export function recordingStateOf(live: LiveRecording | undefined): 'recording' | 'paused' | 'off' {
  return live ? (live.paused ? 'paused' : 'recording') : 'off';
}

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends RecordingSlice {}
}
