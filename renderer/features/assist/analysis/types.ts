/**
 * Types shared by the assist pane's text analysis. Pure TypeScript: no DOM, React or store, so every
 * module here can run on the UI thread on each partial, in a worker, or in Node for tests and benches.
 */

/** Call leg: customer = the remote WebRTC track, agent = the microphone. */
export type Leg = 'customer' | 'agent';

/** UI languages the analysis renders text in (same set as the policy's ui.language). */
export type UiLanguage = 'zh-CN' | 'zh-TW' | 'en';

/**
 * One transcription result for one leg.
 *
 * Times are milliseconds on ONE clock for the whole call (e.g. since the call was answered): the pane
 * offsets each leg's stream times by the stream's start, because talk-over, silences and the PCI guard
 * compare times across legs.
 * A partial may be revised any number of times; a final replaces every partial since the previous final
 * of the same leg (the speech protocol's rule).
 */
export interface TranscriptEvent {
  leg: Leg;
  text: string;
  startMs: number;
  endMs: number;
  final: boolean;
}

/** A label written once per UI language; English is always present, so there is always a fallback. */
export interface AnalysisLabel {
  en: string;
  'zh-CN'?: string;
  'zh-TW'?: string;
}

/** Picks the label for a UI language: zh-TW falls back to zh-CN (and the reverse) before English. */
export function pickLabel(label: AnalysisLabel, language: UiLanguage): string {
  if (language === 'en') return label.en;
  const other = language === 'zh-CN' ? 'zh-TW' : 'zh-CN';
  return label[language] ?? label[other] ?? label.en;
}

/**
 * Rejects an event the analysis cannot place in time. Cheap enough for every partial; a provider bug
 * (NaN times, end before start, a leg the pane does not know) fails here with the field named, instead of
 * corrupting pace or PCI timing silently.
 */
export function checkEvent(event: TranscriptEvent): void {
  if (event.leg !== 'customer' && event.leg !== 'agent') {
    throw new TypeError(`transcript event: leg must be "customer" or "agent", got ${JSON.stringify(event.leg)}`);
  }
  if (typeof event.text !== 'string') throw new TypeError('transcript event: text must be a string');
  if (!Number.isFinite(event.startMs) || !Number.isFinite(event.endMs)) {
    throw new TypeError(`transcript event: startMs and endMs must be finite numbers, got ${event.startMs}–${event.endMs}`);
  }
  if (event.endMs < event.startMs) {
    throw new RangeError(`transcript event: endMs (${event.endMs}) is before startMs (${event.startMs})`);
  }
}
