/**
 * What transcription tells the rest of the app, and the subscriptions to it. State stays out of the store:
 * the assist pane (and the bench) subscribe here and keep what they show.
 */
import type { TranscriptEvent as AnalysisEvent } from '../analysis/types';
import type { Leg, StreamState } from './provider';

/**
 * A partial (replaced by later partials and the final) or final utterance of one leg: the analysis's
 * event (times in ms since the call was answered) plus which call it belongs to and when it arrived.
 */
export interface TranscriptEvent extends AnalysisEvent {
  callId: string;
  /** performance.now() when the result reached the page (for latency figures). */
  receivedAt: number;
  /** performance.now() at the end of the leg's last audible frame before a final arrived (finals only). */
  speechEndAt?: number;
}

/** A listened-for keyword the engine reported in a final. */
export interface TranscriptKeyword {
  callId: string;
  leg: Leg;
  keyword: string;
  startMs: number;
  endMs: number;
}

/** One leg's transcription state (see StreamState), with the reason when it is unavailable or failing. */
export interface TranscriptionStatus {
  callId: string;
  leg: Leg;
  state: StreamState;
  reason?: string;
  engine?: string;
  /** Audio dropped under back-pressure or while disconnected, ms. */
  droppedMs: number;
}

type Listener<T> = (event: T) => void;

function channel<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    subscribe(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(event: T): void {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // One broken subscriber must not silence the others (or the transcription itself).
          console.error('transcript listener failed', error);
        }
      }
    },
  };
}

const transcripts = channel<TranscriptEvent>();
const keywords = channel<TranscriptKeyword>();
const statuses = channel<TranscriptionStatus>();
const latest = new Map<string, TranscriptionStatus>();

/** Subscribes to partial and final transcript lines; returns the unsubscribe function. */
export const onTranscript = transcripts.subscribe;
/** Subscribes to keywords the engine spotted; returns the unsubscribe function. */
export const onTranscriptKeyword = keywords.subscribe;
/** Subscribes to per-leg status changes; returns the unsubscribe function. */
export const onTranscriptionStatus = statuses.subscribe;

/** The latest status of every leg of the calls still transcribed (for a pane that mounts mid-call). */
export function transcriptionStatuses(): TranscriptionStatus[] {
  return [...latest.values()];
}

/** For the transcription service: publishes events. */
export const publish = {
  transcript: transcripts.emit,
  keyword: keywords.emit,
  status(status: TranscriptionStatus): void {
    latest.set(`${status.callId}:${status.leg}`, status);
    statuses.emit(status);
  },
  /** Forgets a finished call's statuses. */
  forget(callId: string): void {
    for (const key of [...latest.keys()]) if (key.startsWith(`${callId}:`)) latest.delete(key);
  },
};
