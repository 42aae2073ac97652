import { beforeEach, describe, expect, it } from 'vitest';
import { readSetting, writeSetting } from '@renderer/db/settings-repo';
import { resetDbForTests } from '@renderer/db/db';
import { dexieChoiceStore, settingKey } from '@renderer/features/devices/devices-repo';

const jabra = { deviceId: 'id-jabra', label: 'Jabra Evolve 65', groupId: 'g-jabra' };

describe('device choices in Dexie', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });

  it('survive a restart with id, label and groupId', async () => {
    await dexieChoiceStore.save('microphone', jabra);
    await dexieChoiceStore.save('ringer', { ...jabra, deviceId: 'out-jabra' });
    resetDbForTests(); // a restart reads from disk, not from memory
    expect(await dexieChoiceStore.load()).toEqual({ microphone: jabra, speaker: null, ringer: { ...jabra, deviceId: 'out-jabra' } });
    expect(await readSetting(settingKey('microphone'))).toEqual(jabra);
  });

  it('store "system default" as null', async () => {
    await dexieChoiceStore.save('speaker', jabra);
    await dexieChoiceStore.save('speaker', null);
    expect((await dexieChoiceStore.load()).speaker).toBeNull();
  });

  it('read a damaged row as "system default" instead of failing start-up', async () => {
    await writeSetting('devices.microphone', 'Jabra');
    await writeSetting('devices.speaker', { deviceId: 7 });
    expect(await dexieChoiceStore.load()).toEqual({ microphone: null, speaker: null, ringer: null });
  });
});
