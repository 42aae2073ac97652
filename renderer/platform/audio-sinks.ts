/**
 * Sending audio to a chosen output device. HTMLMediaElement.setSinkId is in every Chromium;
 * AudioContext.setSinkId since Chromium 110 (not yet in TypeScript's DOM types).
 */

/** An AudioContext as Chromium ≥ 110 has it. */
export type SinkableAudioContext = AudioContext & { sinkId?: unknown; setSinkId?: (sinkId: string) => Promise<void> };

/** Whether this browser can choose output devices at all (Firefox before 116 and Safari cannot). */
export function canChooseOutput(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/**
 * Plays `element` on `sinkId` ('' = system default). A device that vanished makes setSinkId reject: the
 * element then goes back to the default rather than falling silent. Resolves with the sink in use.
 */
export async function applySinkId(element: HTMLMediaElement, sinkId: string, onError?: (error: unknown) => void): Promise<string> {
  if (typeof element.setSinkId !== 'function') return '';
  if (element.sinkId === sinkId) return sinkId;
  try {
    await element.setSinkId(sinkId);
    return sinkId;
  } catch (error) {
    onError?.(error);
    // The failure that matters went to onError; if even the default is refused, nothing is left to try.
    if (sinkId !== '') await element.setSinkId('').catch(() => undefined);
    return '';
  }
}

/** The same for an AudioContext (the ringer); a no-op where AudioContext.setSinkId does not exist. */
export async function applyContextSinkId(context: AudioContext, sinkId: string, onError?: (error: unknown) => void): Promise<void> {
  const sinkable = context as SinkableAudioContext;
  if (typeof sinkable.setSinkId !== 'function') return;
  // sinkId reads '' for the default; an options object never appears here since we only pass strings.
  if ((sinkable.sinkId ?? '') === sinkId) return;
  try {
    await sinkable.setSinkId(sinkId);
  } catch (error) {
    onError?.(error);
    // As above: reported through onError, and there is no device left to fall back to.
    if (sinkId !== '') await sinkable.setSinkId('').catch(() => undefined);
  }
}
