import { describe, expect, it } from 'vitest';
import { changeCause, endpointMoved, stillConnected } from '@renderer/features/devices/device-changes';
import type { AudioDevice } from '@renderer/features/devices/device-matching';

const laptop: AudioDevice = { deviceId: 'id-laptop', label: 'Laptop Microphone', groupId: 'g-laptop' };
const jabra: AudioDevice = { deviceId: 'id-jabra', label: 'Jabra Evolve 65', groupId: 'g-jabra' };
const defaultOf = (d: AudioDevice): AudioDevice => ({ deviceId: 'default', label: `Default - ${d.label}`, groupId: d.groupId });

describe('changeCause: what the notice says', () => {
  it('"unplugged" when the device in use left the list', () => {
    expect(changeCause({ how: 'id', device: jabra }, { how: 'fallback', device: defaultOf(laptop) }, [defaultOf(laptop), laptop])).toBe('unplugged');
  });
  it('"unplugged" when the OS default device itself went away', () => {
    const before = { how: 'default' as const, device: defaultOf(jabra) };
    expect(changeCause(before, { how: 'default', device: defaultOf(laptop) }, [defaultOf(laptop), laptop])).toBe('unplugged');
  });
  it('"back" when the saved device returns after a fallback', () => {
    expect(changeCause({ how: 'fallback', device: defaultOf(laptop) }, { how: 'id', device: jabra }, [defaultOf(laptop), laptop, jabra])).toBe('back');
  });
  it('"back" also where the "default" entry shares its groupId with no real device (Chromium’s fake devices)', () => {
    const fakeDefault = { deviceId: 'default', label: 'Fake Default Audio Input', groupId: 'g-fake' };
    const before = { how: 'fallback' as const, device: fakeDefault };
    expect(changeCause(before, { how: 'id', device: jabra }, [fakeDefault, laptop, jabra])).toBe('back');
    expect(stillConnected(fakeDefault, [fakeDefault, laptop])).toBe(true);
  });
  it('"changed" when the OS default moved to a newly plugged device', () => {
    const before = { how: 'default' as const, device: defaultOf(laptop) };
    expect(changeCause(before, { how: 'default', device: defaultOf(jabra) }, [defaultOf(jabra), laptop, jabra])).toBe('changed');
  });
  it('"not-found" when names appear and the saved device is not among them', () => {
    expect(changeCause({ how: 'unverified', device: jabra }, { how: 'fallback', device: defaultOf(laptop) }, [defaultOf(laptop), laptop])).toBe('not-found');
  });
  it('"none" when nothing of the kind is left', () => {
    expect(changeCause({ how: 'id', device: jabra }, { how: 'fallback', device: null }, [])).toBe('none');
  });
});

describe('stillConnected and endpointMoved', () => {
  it('judge real devices by id and the default entry by its physical device', () => {
    expect(stillConnected(jabra, [laptop])).toBe(false);
    expect(stillConnected(jabra, [jabra])).toBe(true);
    expect(stillConnected(defaultOf(jabra), [defaultOf(laptop), laptop, jabra])).toBe(true);
    expect(stillConnected(defaultOf(jabra), [defaultOf(laptop), laptop])).toBe(false);
  });
  it('see no move when only the way of finding the same device changed', () => {
    expect(endpointMoved({ how: 'unverified', device: { ...jabra, label: '' } }, { how: 'id', device: jabra })).toBe(false);
    expect(endpointMoved({ how: 'id', device: jabra }, { how: 'fallback', device: defaultOf(laptop) })).toBe(true);
  });
});
