/**
 * A "device lab" over Chromium's fake capture devices, for hot-plug tests: headless Chromium cannot
 * plug hardware, so this init script hides devices from enumerateDevices(), ends their live tracks and
 * fires devicechange (what a real unplug does), and gives chosen devices their own tone so the peer can
 * hear which microphone the call really uses. Everything else (the app's device manager, the engine's
 * replaceTrack) is the real code path.
 */
import type { AppInstance } from '../../fixtures/app-host';

export interface DeviceLab {
  /** Hides the device (by label) and ends its tracks, as if its USB plug was pulled. */
  unplug(label: string): Promise<void>;
  /** Lists the device again, as if plugged back in. */
  replug(label: string): Promise<void>;
}

interface LabWindow {
  __deviceLab: { unplug(label: string): void; replug(label: string): void };
}

/** Installs the lab before the app's own scripts (a fresh page load) and returns its controls. */
export async function installDeviceLab(app: AppInstance, tones: Record<string, number>): Promise<DeviceLab> {
  await app.page.addInitScript((toneByLabel: Record<string, number>) => {
    const md = navigator.mediaDevices;
    const enumerate = md.enumerateDevices.bind(md);
    const capture = md.getUserMedia.bind(md);
    const hidden = new Set<string>();
    const live = new Map<string, MediaStreamTrack[]>();
    let context: AudioContext | undefined;
    const remember = (label: string, track: MediaStreamTrack) => live.set(label, [...(live.get(label) ?? []), track]);

    md.enumerateDevices = async () => (await enumerate()).filter((d) => !hidden.has(d.label));
    md.getUserMedia = async (constraints) => {
      const stream = await capture(constraints);
      const track = stream.getAudioTracks()[0];
      if (!track) return stream;
      const label = track.label;
      if (hidden.has(label)) {
        track.stop();
        throw new DOMException(`${label} is unplugged`, 'NotFoundError');
      }
      const hz = toneByLabel[label];
      if (!hz) {
        remember(label, track);
        return stream;
      }
      // The device's own "voice": a steady tone, on a track that reports the device like the real one.
      context ??= new AudioContext();
      const osc = context.createOscillator();
      osc.frequency.value = hz;
      const gain = context.createGain();
      gain.gain.value = 0.5;
      const destination = context.createMediaStreamDestination();
      osc.connect(gain).connect(destination);
      osc.start();
      const settings = track.getSettings();
      track.stop();
      const voiced = destination.stream.getAudioTracks()[0] as MediaStreamTrack;
      const voicedSettings = voiced.getSettings.bind(voiced);
      Object.defineProperty(voiced, 'label', { value: label });
      voiced.getSettings = () => ({ ...voicedSettings(), deviceId: settings.deviceId, groupId: settings.groupId });
      remember(label, voiced);
      return new MediaStream([voiced]);
    };
    (window as unknown as LabWindow).__deviceLab = {
      unplug(label) {
        hidden.add(label);
        for (const track of live.get(label) ?? []) {
          if (track.readyState === 'ended') continue;
          track.stop();
          track.dispatchEvent(new Event('ended'));
        }
        live.delete(label);
        md.dispatchEvent(new Event('devicechange'));
      },
      replug(label) {
        hidden.delete(label);
        md.dispatchEvent(new Event('devicechange'));
      },
    };
  }, tones);
  await app.reload();
  const { page } = app;
  return {
    unplug: (label) => page.evaluate((l) => (window as unknown as LabWindow).__deviceLab.unplug(l), label),
    replug: (label) => page.evaluate((l) => (window as unknown as LabWindow).__deviceLab.replug(l), label),
  };
}
