/**
 * The assist pane's state: a store of its own (like knowledge), since it changes on every partial
 * transcript and nothing else in the app re-renders for it. One view per live call; summaries stay
 * until wrap-up is done.
 */
import { create } from 'zustand';
import type { CallSummary } from './analysis';
import type { SessionView } from './assist-session';

/** Whether transcription runs for the call, per leg, and why not. */
export interface TranscriptionHealth {
  state: 'off' | 'connecting' | 'ready' | 'unavailable' | 'error';
  reason?: string;
}

export interface CallSummaryView {
  callId: string;
  summary: CallSummary;
  text: string;
}

export interface AssistState {
  /** By call id, while the call is live. */
  views: Record<string, SessionView>;
  /** By call id, while the call is live. */
  transcription: Record<string, TranscriptionHealth>;
  /** By call id, from hang-up until the agent is done with it. */
  summaries: Record<string, CallSummaryView>;
}

export const useAssist = create<AssistState>()(() => ({ views: {}, transcription: {}, summaries: {} }));

export function setView(callId: string, view: SessionView | null): void {
  useAssist.setState((s) => ({ views: view ? { ...s.views, [callId]: view } : without(s.views, callId) }));
}

export function setSummary(summary: CallSummaryView): void {
  // Only the last few calls' summaries: wrap-up covers the call just ended (or two, after a transfer).
  useAssist.setState((s) => ({ summaries: Object.fromEntries([...Object.entries(s.summaries), [summary.callId, summary]].slice(-4)) }));
}

export function setHealth(callId: string, health: TranscriptionHealth | null): void {
  useAssist.setState((s) => ({ transcription: health ? { ...s.transcription, [callId]: health } : without(s.transcription, callId) }));
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** The call summaries for other features (callbacks keep the summary with a callback promised on the call). */
export const callSummaries = {
  /** The summary text of a call while assist keeps it (from hang-up until wrap-up is done). */
  textOf(callId: string): string | undefined {
    return useAssist.getState().summaries[callId]?.text;
  },
  /** Calls `listener` with each summary as it is made. @returns unsubscribe */
  subscribe(listener: (callId: string, text: string) => void): () => void {
    return useAssist.subscribe((state, previous) => {
      for (const [callId, view] of Object.entries(state.summaries)) if (previous.summaries[callId] !== view) listener(callId, view.text);
    });
  },
};
