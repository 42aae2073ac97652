/** The agent's device choices in the settings table (one row per role: `devices.<role>`). */
import { readSetting, writeSetting } from '../../db/settings-repo';
import { deviceRoles, parseChoice, type DeviceChoice, type DeviceRole } from './device-matching';
import type { RoleRecord } from './devices-slice';

/** Settings key of a role's choice. */
export function settingKey(role: DeviceRole): string {
  return `devices.${role}`;
}

/** Where choices are kept; the device manager takes it as a parameter so tests can use memory. */
export interface DeviceChoiceStore {
  load(): Promise<RoleRecord<DeviceChoice | null>>;
  save(role: DeviceRole, choice: DeviceChoice | null): Promise<void>;
}

/**
 * The choices with IT's locks applied: a locked role reads as "system default" whatever the agent saved
 * (the saved row stays, and counts again if IT unlocks it), and choosing it is not saved.
 */
export function lockedChoiceStore(inner: DeviceChoiceStore, locked: ReadonlySet<DeviceRole>): DeviceChoiceStore {
  if (locked.size === 0) return inner;
  return {
    async load() {
      const choices = await inner.load();
      for (const role of locked) choices[role] = null;
      return choices;
    },
    async save(role, choice) {
      if (!locked.has(role)) await inner.save(role, choice);
    },
  };
}

/** Choices in Dexie. A row that does not parse counts as "system default" rather than breaking start-up. */
export const dexieChoiceStore: DeviceChoiceStore = {
  async load() {
    const entries = await Promise.all(
      deviceRoles.map(async (role) => [role, parseChoice(await readSetting<unknown>(settingKey(role)))] as const),
    );
    return Object.fromEntries(entries) as RoleRecord<DeviceChoice | null>;
  },
  async save(role, choice) {
    // null is stored rather than deleting the row: "system default" is a choice too.
    await writeSetting(settingKey(role), choice ? { deviceId: choice.deviceId, label: choice.label, groupId: choice.groupId } : null);
  },
};
