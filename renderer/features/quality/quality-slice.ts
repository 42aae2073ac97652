/** Call quality in the store: per live call, the latest sample and the running summary. */
import type { StateCreator } from 'zustand';
import type { CallQualitySummary } from '../../db/schema';
import { addToSummary, type QualitySample } from './assessment';

/** What the app knows about one live call's quality. */
export interface CallQuality {
  latest: QualitySample;
  summary: CallQualitySummary;
}

export interface QualitySlice {
  /** By call id; a call appears with its first sample and leaves when it ends. */
  quality: Record<string, CallQuality>;
  recordQualitySample(callId: string, sample: QualitySample): void;
  clearQuality(callId: string): void;
}

export const createQualitySlice: StateCreator<QualitySlice, [], [], QualitySlice> = (set) => ({
  quality: {},
  recordQualitySample: (callId, sample) =>
    set((state) => ({
      quality: {
        ...state.quality,
        [callId]: { latest: sample, summary: addToSummary(state.quality[callId]?.summary ?? null, sample) },
      },
    })),
  clearQuality: (callId) =>
    set((state) => {
      if (!(callId in state.quality)) return state;
      return { quality: Object.fromEntries(Object.entries(state.quality).filter(([id]) => id !== callId)) };
    }),
});

/** The quality of one call, undefined before its first sample. */
export const selectCallQuality =
  (callId: string) =>
  (s: QualitySlice): CallQuality | undefined =>
    s.quality[callId];

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends QualitySlice {}
}
