/**
 * Utterance bookkeeping: which partials and final belong together, and a stream that merges them into
 * transcript rows with stable ids and drops repeats (an identical partial re-sent, a final delivered
 * twice after a reconnect).
 */
import { foldText } from './text';
import { checkEvent, type Leg, type TranscriptEvent } from './types';

/** Per leg, numbers utterances: the partials up to and including a final are one utterance. */
export class UtteranceCounter {
  private readonly index: Record<Leg, number> = { customer: 0, agent: 0 };
  private readonly open: Record<Leg, boolean> = { customer: false, agent: false };

  /** The number of the utterance this event belongs to (stable across its partials and final). */
  indexOf(event: TranscriptEvent): number {
    return this.index[event.leg];
  }

  /** True when no partial of this event's utterance has been recorded yet. */
  isNew(event: TranscriptEvent): boolean {
    return !this.open[event.leg];
  }

  /** Records the event; a final closes its utterance, so the next event starts a new one. */
  record(event: TranscriptEvent): void {
    if (event.final) {
      this.index[event.leg]++;
      this.open[event.leg] = false;
    } else {
      this.open[event.leg] = true;
    }
  }
}

/** A transcript row: one utterance, partial until its final arrives. */
export interface Utterance {
  /** Stable across the utterance's partials and final, e.g. "customer-3". */
  id: string;
  leg: Leg;
  text: string;
  startMs: number;
  endMs: number;
  final: boolean;
}

/** How an event changed the transcript. */
export type UtteranceChange =
  | { kind: 'added' | 'updated' | 'finished'; utterance: Utterance }
  /** A final with no words closed a partial row: remove the row. */
  | { kind: 'dropped'; id: string };

/** Merges partials into finals per leg and keeps the finished utterances. */
export class UtteranceStream {
  private readonly counter = new UtteranceCounter();
  private readonly current = new Map<Leg, Utterance>();
  private readonly lastFinal: Partial<Record<Leg, Utterance>> = {};
  private readonly done: Utterance[] = [];

  /**
   * Applies one event. Returns null when it changes nothing the agent would see: an empty partial, the
   * same partial again, or a final repeating the leg's previous final (same words, overlapping times)
   * with no partial in between.
   */
  feed(event: TranscriptEvent): UtteranceChange | null {
    checkEvent(event);
    const leg = event.leg;
    const text = event.text.trim();
    const open = this.current.get(leg);
    if (!event.final) {
      if (text === '' || (open && open.text === text && open.endMs === event.endMs)) return null;
      const utterance = this.row(event, text, open?.id);
      this.current.set(leg, utterance);
      this.counter.record(event);
      return { kind: open ? 'updated' : 'added', utterance };
    }
    const utterance = this.row(event, text, open?.id);
    this.counter.record(event);
    this.current.delete(leg);
    if (text === '') return open ? { kind: 'dropped', id: open.id } : null;
    const previous = this.lastFinal[leg];
    if (!open && previous && isRepeat(previous, event, text)) return null;
    this.lastFinal[leg] = utterance;
    this.done.push(utterance);
    return { kind: open ? 'finished' : 'added', utterance };
  }

  /** Finished utterances of both legs, in order of start time. */
  finals(): Utterance[] {
    return [...this.done].sort((a, b) => a.startMs - b.startMs);
  }

  /** The partial row a leg is speaking now, if any. */
  partial(leg: Leg): Utterance | undefined {
    return this.current.get(leg);
  }

  private row(event: TranscriptEvent, text: string, id: string | undefined): Utterance {
    return {
      id: id ?? `${event.leg}-${this.counter.indexOf(event)}`,
      leg: event.leg,
      text,
      startMs: event.startMs,
      endMs: event.endMs,
      final: event.final,
    };
  }
}

function isRepeat(previous: Utterance, event: TranscriptEvent, text: string): boolean {
  const overlaps = event.startMs < previous.endMs && previous.startMs < event.endMs;
  const same = previous.startMs === event.startMs && previous.endMs === event.endMs;
  return (overlaps || same) && foldText(previous.text).text === foldText(text).text;
}
