/**
 * Wires the device manager to the app: the store, the policy's capture processing, Dexie, and the
 * phone's calls. Components reach the manager through getDeviceManager(), never navigator.mediaDevices.
 */
import type { Policy } from '@common/contract/policy';
import { createLogger } from '../../platform/logger';
import type { ServiceStore } from '../../platform/store';
import { DeviceManager } from './device-manager';
import { deviceRoles, type DeviceRole } from './device-matching';
import { dexieChoiceStore, lockedChoiceStore, settingKey } from './devices-repo';


let manager: DeviceManager | null = null;

/** Phases in which a call has (or is about to have) a microphone track on its peer connection. */
const SENDING_PHASES = new Set(['dialing', 'early', 'connecting', 'active']);

/** Creates the manager for a valid policy and starts listing devices; give it to startPhone as `media`. */
export function startDevices(policy: Policy, store: ServiceStore): DeviceManager {
  manager?.stop();
  const log = createLogger('devices');
  const locked = deviceRoles.filter((role) => (policy.locked as readonly string[]).includes(settingKey(role)));
  store.getState().setLockedDeviceRoles(locked);
  const created = new DeviceManager({
    mediaDevices: typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined,
    store,
    processing: { ...policy.audio },
    choices: lockedChoiceStore(dexieChoiceStore, new Set<DeviceRole>(locked)),
    callInProgress: () => store.getState().calls.some((call) => SENDING_PHASES.has(call.phase)),
    log,
  });
  manager = created;
  // A failed first listing is not fatal: calls still get the default microphone, the next change retries.
  created.start().catch((error: unknown) => log.error('devices: start failed', error));
  return created;
}

/** The running manager (null before a valid policy is loaded). */
export function getDeviceManager(): DeviceManager | null {
  return manager;
}
