/**
 * A fake navigator.mediaDevices with devices that can be plugged and unplugged, and fake streams whose
 * tracks report their device like Chromium's do (settings.deviceId "default" for the default capture).
 */
import { vi } from 'vitest';
import { create } from 'zustand';
import type { AudioDevice, DeviceChoice, DeviceRole } from '@renderer/features/devices/device-matching';
import type { DeviceChoiceStore } from '@renderer/features/devices/devices-repo';
import { createDevicesSlice, type DevicesSlice, type RoleRecord } from '@renderer/features/devices/devices-slice';

export interface FakeDevice extends AudioDevice {
  kind: 'audioinput' | 'audiooutput';
}

export const laptopMic: FakeDevice = { kind: 'audioinput', deviceId: 'mic-laptop', label: 'Laptop Microphone', groupId: 'g-laptop' };
export const headsetMic: FakeDevice = { kind: 'audioinput', deviceId: 'mic-jabra', label: 'Jabra Evolve 65', groupId: 'g-jabra' };
export const laptopSpeaker: FakeDevice = { kind: 'audiooutput', deviceId: 'out-laptop', label: 'Laptop Speakers', groupId: 'g-laptop' };
export const headsetSpeaker: FakeDevice = { kind: 'audiooutput', deviceId: 'out-jabra', label: 'Jabra Evolve 65', groupId: 'g-jabra' };

export class FakeTrack extends EventTarget {
  readonly kind = 'audio';
  readyState: 'live' | 'ended' = 'live';
  enabled = true;
  constructor(
    readonly label: string,
    private readonly settings: { deviceId: string; groupId: string },
  ) {
    super();
  }
  getSettings() {
    return { ...this.settings };
  }
  stop(): void {
    this.readyState = 'ended';
  }
  /** What the browser does when the device goes away: the track ends and says so. */
  endByUnplug(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

export function fakeStream(track: FakeTrack): MediaStream {
  return { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
}

export function trackOf(stream: MediaStream): FakeTrack {
  return stream.getAudioTracks()[0] as unknown as FakeTrack;
}

function namedError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

export class FakeMediaDevices extends EventTarget {
  /** The OS default for each kind: the device the "default" entry stands for. */
  defaultInput = laptopMic.deviceId;
  defaultOutput = laptopSpeaker.deviceId;
  /** Before the microphone permission, Chromium lists devices without ids or names. */
  namesHidden = false;
  denyPermission = false;
  readonly tracks: FakeTrack[] = [];

  constructor(public devices: FakeDevice[]) {
    super();
  }

  enumerateDevices = vi.fn(async (): Promise<MediaDeviceInfo[]> => this.listed() as unknown as MediaDeviceInfo[]);

  getUserMedia = vi.fn(async (constraints: MediaStreamConstraints): Promise<MediaStream> => {
    if (this.denyPermission) throw namedError('NotAllowedError');
    const audio = (typeof constraints.audio === 'object' ? constraints.audio : {}) as MediaTrackConstraints;
    const wanted = audio.deviceId as { exact?: string; ideal?: string } | undefined;
    const inputs = this.devices.filter((d) => d.kind === 'audioinput');
    let device = inputs.find((d) => d.deviceId === (wanted?.exact ?? wanted?.ideal));
    if (wanted?.exact && !device) throw namedError('OverconstrainedError');
    let settingsId = device?.deviceId;
    if (!device) {
      device = inputs.find((d) => d.deviceId === this.defaultInput) ?? inputs[0];
      settingsId = 'default';
    }
    if (!device) throw namedError('NotFoundError');
    this.namesHidden = false;
    const track = new FakeTrack(device.label, { deviceId: settingsId ?? '', groupId: device.groupId });
    (track as FakeTrack & { deviceRef: string }).deviceRef = device.deviceId;
    this.tracks.push(track);
    return fakeStream(track);
  });

  /** The list as enumerateDevices() returns it, "default" entries first as in Chromium. */
  listed(): FakeDevice[] {
    const out: FakeDevice[] = [];
    for (const kind of ['audioinput', 'audiooutput'] as const) {
      const ofKind = this.devices.filter((d) => d.kind === kind);
      const target = ofKind.find((d) => d.deviceId === (kind === 'audioinput' ? this.defaultInput : this.defaultOutput)) ?? ofKind[0];
      if (target) out.push({ kind, deviceId: 'default', label: `Default - ${target.label}`, groupId: target.groupId });
      out.push(...ofKind);
    }
    return this.namesHidden ? out.map((d) => ({ ...d, deviceId: '', label: '' })) : out;
  }

  plug(device: FakeDevice): void {
    this.devices = [...this.devices, device];
    this.dispatchEvent(new Event('devicechange'));
  }

  unplug(device: FakeDevice): void {
    this.devices = this.devices.filter((d) => d !== device);
    for (const track of this.tracks) {
      if ((track as FakeTrack & { deviceRef?: string }).deviceRef === device.deviceId && track.readyState === 'live') track.endByUnplug();
    }
    this.dispatchEvent(new Event('devicechange'));
  }
}

/** What the phone engine does: swap the sender's track and stop the previous one. */
export class FakeEngine {
  current: MediaStream | null = null;
  readonly replaced: MediaStream[] = [];
  replaceMicrophone = vi.fn(async (stream: MediaStream) => {
    if (this.current) trackOf(this.current).stop();
    this.current = stream;
    this.replaced.push(stream);
  });
}

export function memoryChoices(initial: Partial<RoleRecord<DeviceChoice | null>> = {}): DeviceChoiceStore & { saved: RoleRecord<DeviceChoice | null> } {
  const saved: RoleRecord<DeviceChoice | null> = { microphone: null, speaker: null, ringer: null, ...initial };
  return {
    saved,
    load: async () => ({ ...saved }),
    save: async (role: DeviceRole, choice: DeviceChoice | null) => {
      saved[role] = choice;
    },
  };
}

export function devicesStore() {
  return create<DevicesSlice>()((...a) => createDevicesSlice(...a));
}

export const silentLog = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** A saved choice as the agent made it, possibly on an earlier day with other ids. */
export function choiceOf(device: AudioDevice, patch: Partial<AudioDevice> = {}): DeviceChoice {
  return { deviceId: device.deviceId, label: device.label, groupId: device.groupId, ...patch };
}
