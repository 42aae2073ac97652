/**
 * The "Test speaker" tone: a short 660 Hz beep on the chosen speaker. It goes through an <audio> element
 * (setSinkId on media elements works in every Chromium) fed by WebAudio, so no sound file is shipped.
 */
import { applySinkId } from '../../platform/audio-sinks';

export const TEST_TONE_HZ = 660;
export const TEST_TONE_MS = 2000;
const LEVEL = 0.3;
const RAMP_S = 0.02;

/**
 * Plays the tone on `sinkId` through `element` and resolves when it is over. The element stays attached
 * while the tone lasts (a MediaStream plays only through an element), then is cleared.
 */
export async function playTestTone(element: HTMLAudioElement, sinkId: string, onError?: (error: unknown) => void): Promise<void> {
  const context = new AudioContext();
  try {
    await context.resume();
    const destination = context.createMediaStreamDestination();
    const gain = context.createGain();
    const osc = context.createOscillator();
    osc.frequency.value = TEST_TONE_HZ;
    osc.connect(gain).connect(destination);
    // Short ramps avoid clicks at both ends.
    const start = context.currentTime;
    const end = start + TEST_TONE_MS / 1000;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(LEVEL, start + RAMP_S);
    gain.gain.setValueAtTime(LEVEL, end - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, end);
    osc.start(start);
    osc.stop(end);
    await applySinkId(element, sinkId, onError);
    element.srcObject = destination.stream;
    await element.play();
    await new Promise<void>((resolve) => osc.addEventListener('ended', () => resolve(), { once: true }));
  } finally {
    element.pause();
    element.srcObject = null;
    // The tone is over either way; a context that will not close has nothing left to play.
    await context.close().catch(() => undefined);
  }
}
