/**
 * Finding the agent's saved audio device again. Browsers change device ids when a device is re-plugged,
 * when the profile's salt is reset, or on another machine, so a saved choice keeps its label and groupId
 * too and is matched in this order: exact id, same label and groupId, same label, else the system
 * default (and the UI says so). Pure functions, no browser objects: unit-tested in isolation.
 */

/** What the agent chose for one role. Ids alone are not stable, hence label and groupId. */
export interface AudioDevice {
  deviceId: string;
  label: string;
  groupId: string;
}

/** A saved choice has the same shape as a device: what it was when the agent picked it. */
export type DeviceChoice = AudioDevice;

/** The three places audio goes to or comes from, chosen separately. */
export const deviceRoles = ['microphone', 'speaker', 'ringer'] as const;
export type DeviceRole = (typeof deviceRoles)[number];

/** Which enumerateDevices() kind serves a role. */
export function kindOf(role: DeviceRole): 'audioinput' | 'audiooutput' {
  return role === 'microphone' ? 'audioinput' : 'audiooutput';
}

/**
 * How a choice was resolved:
 * - `id`, `label-group`, `label`: the saved device was found (by that rule);
 * - `unverified`: device names are hidden (no microphone permission yet), so the saved id is tried as is;
 * - `default`: nothing saved, the system default is used;
 * - `fallback`: the saved device is not connected, the system default is used instead.
 */
export type MatchHow = 'id' | 'label-group' | 'label' | 'unverified' | 'default' | 'fallback';

export interface DeviceMatch {
  how: MatchHow;
  /** The device used: the found one, or the system default's entry (null when none is listed). */
  device: AudioDevice | null;
}

/** Ids Chromium uses for "whatever the OS picks", not real devices. */
const PSEUDO_IDS = new Set(['default', 'communications']);

/** Whether the id names the OS's default rather than a device. */
export function isPseudoDevice(deviceId: string): boolean {
  return PSEUDO_IDS.has(deviceId);
}

/**
 * Label as compared: trimmed, whitespace collapsed, and without the "2- " instance number Windows puts
 * in front of the second identical device ("Headset (2- Jabra Evolve 65)"), which comes and goes with
 * the USB port.
 */
export function normalizeLabel(label: string): string {
  return label
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\(\d+- /g, '(');
}

/** The entry the OS plays to or records from when no device is named: "default", else the first one. */
export function defaultDevice(devices: readonly AudioDevice[]): AudioDevice | null {
  return devices.find((d) => d.deviceId === 'default') ?? devices[0] ?? null;
}

/** Whether the browser shows device names (it hides them until the microphone permission is granted). */
export function labelsKnown(devices: readonly AudioDevice[]): boolean {
  return devices.some((d) => d.label !== '');
}

/** Resolves a saved choice (or none) against the devices now connected of the matching kind. */
export function matchDevice(choice: DeviceChoice | null, devices: readonly AudioDevice[]): DeviceMatch {
  const fallback = defaultDevice(devices);
  if (!choice) return { how: 'default', device: fallback };
  const real = devices.filter((d) => !isPseudoDevice(d.deviceId) && d.deviceId !== '');
  const byId = real.find((d) => d.deviceId === choice.deviceId);
  if (byId) return { how: 'id', device: byId };
  // Without names nothing can be compared; the saved id may still work (ids are stable per origin).
  // (Browsers hiding names still list one nameless entry per kind; an empty list means no device at all.)
  if (devices.length > 0 && !labelsKnown(devices)) return { how: 'unverified', device: { ...choice } };
  const label = normalizeLabel(choice.label);
  // An empty saved label must never match the empty labels of other devices.
  if (label !== '') {
    const sameLabel = real.filter((d) => normalizeLabel(d.label) === label);
    const sameGroup = sameLabel.find((d) => choice.groupId !== '' && d.groupId === choice.groupId);
    if (sameGroup) return { how: 'label-group', device: sameGroup };
    const first = sameLabel[0];
    if (first) return { how: 'label', device: first };
  }
  return { how: 'fallback', device: fallback };
}

/** Whether the match names one device (found or assumed) rather than the system default. */
export function isSpecific(match: DeviceMatch): boolean {
  return match.how === 'id' || match.how === 'label-group' || match.how === 'label' || match.how === 'unverified';
}

/** The id to give setSinkId or getUserMedia: '' means the system default. */
export function targetId(match: DeviceMatch): string {
  return isSpecific(match) ? (match.device?.deviceId ?? '') : '';
}

/**
 * Whether two device entries are the same audio endpoint. The "default" entry keeps its id when the OS
 * default moves to another device, but its groupId (one per physical device) changes; labels are compared
 * only when both are known, since they appear once permission is granted.
 */
export function sameEndpoint(a: AudioDevice | null, b: AudioDevice | null): boolean {
  if (!a || !b) return a === b;
  if (a.deviceId !== b.deviceId) return false;
  if (a.groupId !== '' && b.groupId !== '' && a.groupId !== b.groupId) return false;
  if (a.label !== '' && b.label !== '' && normalizeLabel(a.label) !== normalizeLabel(b.label)) return false;
  return true;
}

/** Keeps the audio entries of one kind from enumerateDevices(), as plain serializable objects. */
export function audioDevicesOf(list: readonly MediaDeviceInfo[], kind: 'audioinput' | 'audiooutput'): AudioDevice[] {
  return list
    .filter((d) => d.kind === kind)
    .map((d) => ({ deviceId: d.deviceId, label: d.label, groupId: d.groupId }));
}

/** Checks a stored value before trusting it: the settings table holds whatever was written. */
export function parseChoice(value: unknown): DeviceChoice | null {
  if (typeof value !== 'object' || value === null) return null;
  const { deviceId, label, groupId } = value as Record<string, unknown>;
  if (typeof deviceId !== 'string' || deviceId === '' || isPseudoDevice(deviceId)) return null;
  if (typeof label !== 'string' || typeof groupId !== 'string') return null;
  return { deviceId, label, groupId };
}
