/**
 * Audio devices in the store: what is connected, what the agent chose, what each choice resolved to,
 * and the notices telling the agent that audio moved. MediaStreams stay in the device manager.
 */
import type { StateCreator } from 'zustand';
import { targetId, type AudioDevice, type DeviceChoice, type DeviceMatch, type DeviceRole } from './device-matching';

/** Why audio moved, for the notice text. */
export type DeviceNoticeKind = 'unplugged' | 'back' | 'changed' | 'not-found' | 'none';

/** One "audio moved" message; `id` grows so the same text is announced again. */
export interface DeviceNotice {
  id: number;
  kind: DeviceNoticeKind;
  role: DeviceRole;
  /** The device audio left (unplugged, not found). */
  previous: AudioDevice | null;
  /** The device audio uses now, and whether it is the system default. */
  current: AudioDevice | null;
  currentIsDefault: boolean;
}

/** Whether the browser shows device names, i.e. the microphone permission. */
export type DevicePermission = 'unknown' | 'granted' | 'denied';

export type RoleRecord<T> = Record<DeviceRole, T>;

export interface DevicesSlice {
  audioInputs: AudioDevice[];
  audioOutputs: AudioDevice[];
  deviceChoices: RoleRecord<DeviceChoice | null>;
  deviceMatches: RoleRecord<DeviceMatch>;
  devicePermission: DevicePermission;
  /** Newest last; at most MAX_NOTICES. */
  deviceNotices: DeviceNotice[];
  /** Roles IT locked (`locked: ["devices.<role>"]`): the system default, and the picker is disabled. */
  lockedDeviceRoles: DeviceRole[];
  setLockedDeviceRoles(roles: DeviceRole[]): void;
  setDeviceLists(inputs: AudioDevice[], outputs: AudioDevice[], matches: RoleRecord<DeviceMatch>): void;
  setDeviceChoices(choices: RoleRecord<DeviceChoice | null>): void;
  setDevicePermission(permission: DevicePermission): void;
  addDeviceNotice(notice: Omit<DeviceNotice, 'id'>): void;
  dismissDeviceNotice(id: number): void;
}

const MAX_NOTICES = 3;
const noMatch: DeviceMatch = { how: 'default', device: null };
let nextNoticeId = 1;

export const createDevicesSlice: StateCreator<DevicesSlice, [], [], DevicesSlice> = (set) => ({
  audioInputs: [],
  audioOutputs: [],
  deviceChoices: { microphone: null, speaker: null, ringer: null },
  deviceMatches: { microphone: noMatch, speaker: noMatch, ringer: noMatch },
  devicePermission: 'unknown',
  deviceNotices: [],
  lockedDeviceRoles: [],
  setLockedDeviceRoles: (lockedDeviceRoles) => set({ lockedDeviceRoles }),
  setDeviceLists: (audioInputs, audioOutputs, deviceMatches) => set({ audioInputs, audioOutputs, deviceMatches }),
  setDeviceChoices: (deviceChoices) => set({ deviceChoices }),
  setDevicePermission: (devicePermission) => set({ devicePermission }),
  addDeviceNotice: (notice) =>
    set((state) => ({ deviceNotices: [...state.deviceNotices, { ...notice, id: nextNoticeId++ }].slice(-MAX_NOTICES) })),
  dismissDeviceNotice: (id) => set((state) => ({ deviceNotices: state.deviceNotices.filter((n) => n.id !== id) })),
});

/** setSinkId() argument for the call audio: '' plays on the system default (and follows it). */
export const selectSpeakerSinkId = (s: DevicesSlice): string => targetId(s.deviceMatches.speaker);

/** setSinkId() argument for the ring. */
export const selectRingerSinkId = (s: DevicesSlice): string => targetId(s.deviceMatches.ringer);

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends DevicesSlice {}
}
