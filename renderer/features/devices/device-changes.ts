/**
 * What a device list change means for one role: did its audio move, and why (unplugged, back, …).
 * Pure, so the hot-plug rules are unit-tested without a browser.
 */
import { isPseudoDevice, isSpecific, sameEndpoint, type AudioDevice, type DeviceMatch } from './device-matching';
import type { DeviceNoticeKind } from './devices-slice';

/**
 * Whether a device is still connected. The "default" entry never goes away itself: it is judged by its
 * groupId (one per physical device), which the new "default" entry or a real device still carries if the
 * device it stood for is connected.
 */
export function stillConnected(device: AudioDevice, list: readonly AudioDevice[]): boolean {
  if (!isPseudoDevice(device.deviceId)) return list.some((d) => d.deviceId === device.deviceId);
  return device.groupId === '' || list.some((d) => d.groupId === device.groupId);
}

/** Whether `before` and `after` send audio to or take it from different places. */
export function endpointMoved(before: DeviceMatch, after: DeviceMatch): boolean {
  return !sameEndpoint(before.device, after.device);
}

/**
 * Why audio moved from `before` to `after`, given the devices connected now:
 * - `none`: nothing of this kind is left;
 * - `not-found`: the saved device turned out to be absent once names became visible;
 * - `back`: the saved device is connected again after a fallback;
 * - `unplugged`: the device in use went away;
 * - `changed`: anything else (the OS default moved, the agent picked another device).
 */
export function changeCause(before: DeviceMatch, after: DeviceMatch, list: readonly AudioDevice[]): DeviceNoticeKind {
  if (!after.device) return 'none';
  if (before.how === 'unverified' && after.how === 'fallback') return 'not-found';
  if (before.how === 'fallback' && isSpecific(after)) return 'back';
  if (before.device && !stillConnected(before.device, list)) return 'unplugged';
  return 'changed';
}

/** The same entry without its label: track labels and list labels of the "default" entry may differ. */
export function withoutLabel(device: AudioDevice | null): AudioDevice | null {
  return device ? { ...device, label: '' } : null;
}
