/**
 * Where a spoken card number lies in a decoded recording, to prove the PCI pause kept it out. The customer
 * plays the festival "conversation" (lost card, complaint, card number, with exact 1.5 s gaps): the
 * complaint is found in the customer channel by its length and the silence before it, and the card-number
 * utterance starts a known time after the complaint's onset (both from the fixture's manifest).
 */
import type { SpeechClip } from '../../fixtures/speech/generate';
import type { DecodedRecording } from './recording';

/** Customer-channel RMS above this is speech energy (a paused slot decodes to exact zero). */
export const SPEECH_RMS = 0.005;

/** A stretch of speech in the customer channel, ms on the recording's timeline. */
export interface Burst {
  startMs: number;
  endMs: number;
}

/** Speech bursts of the left channel: windows above SPEECH_RMS, joined across pauses shorter than `joinMs`. */
export function speechBursts(recording: DecodedRecording, windowMs: number, joinMs = 400): Burst[] {
  const bursts: Burst[] = [];
  for (const w of recording.windows) {
    if (w.left.rms <= SPEECH_RMS) continue;
    const last = bursts.at(-1);
    if (last && w.startMs - last.endMs < joinMs) last.endMs = w.startMs + windowMs;
    else bursts.push({ startMs: w.startMs, endMs: w.startMs + windowMs });
  }
  return bursts;
}

/** Where the card-number utterance of one pass of the conversation starts, and where its first digit does. */
export interface CardNumberSpan {
  /** The complaint's onset in the recording. */
  complaintAt: number;
  utteranceAt: number;
  firstDigitAt: number;
}

/**
 * Every pass of the conversation whose complaint the recording holds whole: the complaint is a burst with
 * at least 1 s of silence on both sides, none of it before cut by a pause (speech resuming at a pause's
 * end is the tail of another utterance), as long as the fixture's (± 350 ms).
 * @param leadMs how long "my card number is" takes before the first digit
 * @param paused the recording's paused spans [start, end] ms
 */
export function cardNumberSpans(recording: DecodedRecording, conversation: SpeechClip, leadMs: number, windowMs: number, paused: [number, number][]): CardNumberSpan[] {
  const segment = (id: string) => {
    const found = conversation.segments.find((s) => s.id === id);
    if (!found) throw new Error(`the conversation has no "${id}" utterance`);
    return found;
  };
  const complaint = segment('complaint');
  const card = segment('card-number');
  const length = complaint.endMs - complaint.startMs;
  const bursts = speechBursts(recording, windowMs);
  return bursts
    .filter((b, i) => {
      const silentFrom = bursts[i - 1]?.endMs ?? 0;
      const cut = paused.some(([start, end]) => start < b.startMs && end > silentFrom);
      const silentAfter = (bursts[i + 1]?.startMs ?? recording.durationMs) - b.endMs;
      return i > 0 && !cut && b.startMs - silentFrom >= 1000 && silentAfter >= 1000 && Math.abs(b.endMs - b.startMs - length) <= 350;
    })
    .map((b) => {
      const utteranceAt = b.startMs + (card.startMs - complaint.startMs);
      return { complaintAt: b.startMs, utteranceAt, firstDigitAt: utteranceAt + leadMs };
    });
}

/** The loudest customer-channel window that lies wholly in [fromMs, toMs). */
export function loudestBetween(recording: DecodedRecording, fromMs: number, toMs: number, windowMs: number): number {
  return Math.max(0, ...recording.windows.filter((w) => w.startMs >= fromMs && w.startMs + windowMs <= toMs).map((w) => w.left.rms));
}
