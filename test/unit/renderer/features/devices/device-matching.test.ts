import { describe, expect, it } from 'vitest';
import {
  audioDevicesOf,
  defaultDevice,
  isSpecific,
  matchDevice,
  normalizeLabel,
  parseChoice,
  sameEndpoint,
  targetId,
  type AudioDevice,
} from '@renderer/features/devices/device-matching';

const dflt: AudioDevice = { deviceId: 'default', label: 'Default - Laptop Microphone', groupId: 'g-laptop' };
const laptop: AudioDevice = { deviceId: 'id-laptop', label: 'Laptop Microphone', groupId: 'g-laptop' };
const jabra: AudioDevice = { deviceId: 'id-jabra', label: 'Jabra Evolve 65', groupId: 'g-jabra' };
const list = [dflt, laptop, jabra];

describe('matchDevice: finding the saved device again after a restart or re-plug', () => {
  it('uses the system default when nothing was saved', () => {
    expect(matchDevice(null, list)).toEqual({ how: 'default', device: dflt });
  });

  it('finds the device by its exact id first', () => {
    expect(matchDevice({ ...jabra, label: 'renamed', groupId: 'other' }, list)).toEqual({ how: 'id', device: jabra });
  });

  it('finds a device whose id changed by the same label and groupId', () => {
    const replugged = { ...jabra, deviceId: 'id-jabra-new' };
    expect(matchDevice(jabra, [dflt, laptop, replugged])).toEqual({ how: 'label-group', device: replugged });
  });

  it('prefers the same groupId among devices with the same label (two identical headsets)', () => {
    const first = { deviceId: 'a', label: 'Jabra Evolve 65', groupId: 'g-1' };
    const second = { deviceId: 'b', label: 'Jabra Evolve 65', groupId: 'g-2' };
    expect(matchDevice({ deviceId: 'old', label: 'Jabra Evolve 65', groupId: 'g-2' }, [dflt, first, second])).toEqual({
      how: 'label-group',
      device: second,
    });
  });

  it('falls back to the same label alone when the groupId changed too (another USB port)', () => {
    const moved = { deviceId: 'id-x', label: 'Jabra Evolve 65', groupId: 'g-new' };
    expect(matchDevice(jabra, [dflt, laptop, moved])).toEqual({ how: 'label', device: moved });
  });

  it('ignores the "2- " instance number Windows adds to labels', () => {
    const saved = { deviceId: 'old', label: 'Headset Microphone (Jabra Evolve 65)', groupId: 'g-old' };
    const now = { deviceId: 'new', label: 'Headset Microphone (2- Jabra Evolve 65)', groupId: 'g-new' };
    expect(matchDevice(saved, [dflt, now])).toEqual({ how: 'label', device: now });
  });

  it('falls back to the system default, and says so, when the device is not connected', () => {
    expect(matchDevice({ deviceId: 'gone', label: 'Poly Blackwire', groupId: 'g-poly' }, list)).toEqual({ how: 'fallback', device: dflt });
  });

  it('never matches the "default" entry by label, only real devices', () => {
    const saved = { deviceId: 'old', label: 'Default - Laptop Microphone', groupId: 'g-laptop' };
    expect(matchDevice(saved, list).how).toBe('fallback');
  });

  it('does not match an empty saved label against unnamed devices', () => {
    const unnamed = { deviceId: 'x', label: '', groupId: 'g' };
    expect(matchDevice({ deviceId: 'old', label: '', groupId: 'g' }, [dflt, unnamed]).how).toBe('fallback');
  });

  it('trusts the saved id as a hint while device names are hidden (no permission yet)', () => {
    const hidden = [{ deviceId: '', label: '', groupId: '' }];
    expect(matchDevice(jabra, hidden)).toEqual({ how: 'unverified', device: jabra });
    expect(targetId(matchDevice(jabra, hidden))).toBe('id-jabra');
  });

  it('uses the first device as the default where the browser lists no "default" entry, and none when nothing is connected', () => {
    expect(defaultDevice([laptop, jabra])).toBe(laptop);
    expect(matchDevice(null, [laptop, jabra])).toEqual({ how: 'default', device: laptop });
    expect(matchDevice(jabra, [])).toEqual({ how: 'fallback', device: null });
    expect(matchDevice(null, [])).toEqual({ how: 'default', device: null });
  });
});

describe('targetId and isSpecific', () => {
  it('give the device id for a found device and "" (system default) otherwise', () => {
    expect(targetId({ how: 'label', device: jabra })).toBe('id-jabra');
    expect(targetId({ how: 'fallback', device: dflt })).toBe('');
    expect(targetId({ how: 'default', device: dflt })).toBe('');
    expect(isSpecific({ how: 'label-group', device: jabra })).toBe(true);
    expect(isSpecific({ how: 'fallback', device: dflt })).toBe(false);
  });
});

describe('sameEndpoint', () => {
  it('sees the "default" entry move when the OS default changes (new groupId)', () => {
    expect(sameEndpoint(dflt, { ...dflt, label: 'Default - Jabra Evolve 65', groupId: 'g-jabra' })).toBe(false);
  });
  it('ignores labels that only one side knows (names appear with the permission)', () => {
    expect(sameEndpoint({ ...jabra, label: '' }, jabra)).toBe(true);
    expect(sameEndpoint(null, null)).toBe(true);
    expect(sameEndpoint(jabra, null)).toBe(false);
    expect(sameEndpoint(jabra, laptop)).toBe(false);
  });
});

describe('normalizeLabel', () => {
  it('trims, collapses spaces and drops Windows instance numbers', () => {
    expect(normalizeLabel('  Speakers  (3- Realtek   Audio) ')).toBe('Speakers (Realtek Audio)');
  });
});

describe('parseChoice: stored values are checked before use', () => {
  it('accepts a well-formed choice', () => {
    expect(parseChoice({ deviceId: 'x', label: 'L', groupId: 'g', extra: 1 })).toEqual({ deviceId: 'x', label: 'L', groupId: 'g' });
  });
  it.each([null, undefined, 'x', 42, {}, { deviceId: '', label: 'L', groupId: 'g' }, { deviceId: 'default', label: 'L', groupId: 'g' }, { deviceId: 'x', label: 3, groupId: 'g' }])(
    'treats %j as "system default"',
    (value) => expect(parseChoice(value)).toBeNull(),
  );
});

describe('audioDevicesOf', () => {
  it('keeps one kind, as plain objects', () => {
    const infos = [
      { kind: 'audioinput', deviceId: 'a', label: 'A', groupId: 'g', toJSON: () => ({}) },
      { kind: 'videoinput', deviceId: 'v', label: 'V', groupId: 'g', toJSON: () => ({}) },
      { kind: 'audiooutput', deviceId: 'o', label: 'O', groupId: 'g', toJSON: () => ({}) },
    ] as unknown as MediaDeviceInfo[];
    expect(audioDevicesOf(infos, 'audioinput')).toEqual([{ deviceId: 'a', label: 'A', groupId: 'g' }]);
    expect(audioDevicesOf(infos, 'audiooutput')).toEqual([{ deviceId: 'o', label: 'O', groupId: 'g' }]);
  });
});
