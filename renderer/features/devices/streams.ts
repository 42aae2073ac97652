/** Small helpers on capture streams and the errors getUserMedia throws. */
import type { AudioDevice } from './device-matching';

/** The device a stream captures from, as its track reports it ("default" for the default capture). */
export function deviceOfTrack(stream: MediaStream): AudioDevice | null {
  const [track] = stream.getAudioTracks();
  if (!track) return null;
  const settings = track.getSettings();
  return { deviceId: settings.deviceId ?? '', groupId: settings.groupId ?? '', label: track.label };
}

/** Whether getUserMedia failed because the asked-for device is not there (rather than permission etc.). */
export function isDeviceMissing(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'OverconstrainedError' || name === 'NotFoundError';
}

/** Ends every track: the capture (and the browser's "microphone in use" indicator) stops. */
export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
