import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Policy } from '@common/contract/policy';
import { readSetting, writeSetting } from '@renderer/db/settings-repo';
import { render, useStore } from '../../../support/app-store';
import { resetDbForTests } from '@renderer/db/db';
import { AudioSettings } from '@renderer/features/devices/components/AudioSettings';
import { startDevices } from '@renderer/features/devices/devices-service';
import { initI18n } from '@renderer/i18n';
import { FakeMediaDevices, headsetMic, headsetSpeaker, laptopMic, laptopSpeaker } from '../fakes';

class FakeAudioContext {
  resume = vi.fn(async () => undefined);
  close = vi.fn(async () => undefined);
  createAnalyser = () => ({ fftSize: 0, getFloatTimeDomainData: (out: Float32Array) => out.fill(0.2) });
  createMediaStreamSource = () => ({ connect: vi.fn(), disconnect: vi.fn() });
}

const policy = { audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false }, locked: [] } as unknown as Policy;
let media: FakeMediaDevices;

async function openDialog() {
  render(<AudioSettings />);
  fireEvent.click(screen.getByRole('button', { name: 'Audio settings' }));
  const dialog = await screen.findByRole('dialog', { name: 'Audio settings' });
  await within(dialog).findAllByRole('option', { name: 'Jabra Evolve 65' }); // lists filled in
  return dialog;
}

describe('Audio settings dialog', () => {
  beforeEach(async () => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
    media = new FakeMediaDevices([laptopMic, headsetMic, laptopSpeaker, headsetSpeaker]);
    Object.defineProperty(navigator, 'mediaDevices', { value: media, configurable: true });
    vi.stubGlobal('AudioContext', FakeAudioContext);
    await startDevices(policy, useStore).start();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    useStore.setState({ deviceNotices: [] });
  });

  it('names its controls and lists the connected devices per role', async () => {
    const dialog = await openDialog();
    const mic = within(dialog).getByRole('combobox', { name: 'Microphone' });
    const options = within(mic).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['System default (Default - Laptop Microphone)', 'Laptop Microphone', 'Jabra Evolve 65']);
    const speaker = within(dialog).getByRole('combobox', { name: 'Speaker' });
    expect(within(speaker).getAllByRole('option').map((o) => o.textContent)).toContain('Laptop Speakers');
    expect(within(dialog).getByRole('combobox', { name: 'Ringer' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Test speaker' })).toBeTruthy();
    const meter = within(dialog).getByRole('meter', { name: 'Microphone level' }) as HTMLMeterElement;
    await waitFor(() => expect(meter.value).toBeGreaterThan(0), { timeout: 2000 });
  });

  it('saves a choice in the settings table and shows it selected', async () => {
    const dialog = await openDialog();
    const speaker = within(dialog).getByRole('combobox', { name: 'Speaker' }) as HTMLSelectElement;
    fireEvent.change(speaker, { target: { value: headsetSpeaker.deviceId } });
    expect(speaker.value).toBe(headsetSpeaker.deviceId);
    await waitFor(async () =>
      expect(await readSetting('devices.speaker')).toEqual({ deviceId: 'out-jabra', label: 'Jabra Evolve 65', groupId: 'g-jabra' }),
    );
  });

  it('says when the saved device is missing after a restart', async () => {
    await writeSetting('devices.ringer', { deviceId: 'gone', label: 'Poly Blackwire', groupId: 'g-poly' });
    await startDevices(policy, useStore).start(); // a restart: choices come from the settings table
    const dialog = await openDialog();
    const ringer = within(dialog).getByRole('combobox', { name: 'Ringer' }) as HTMLSelectElement;
    expect(ringer.value).toBe('');
    expect(ringer.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(dialog).getByText('“Poly Blackwire” is not connected: using the system default')).toBeTruthy();
  });

  it('shows a role IT locked as the disabled system default, described "Locked by your IT policy", whatever the agent saved', async () => {
    await writeSetting('devices.microphone', { deviceId: headsetMic.deviceId, label: headsetMic.label, groupId: headsetMic.groupId });
    await startDevices({ ...policy, locked: ['devices.microphone'] }, useStore).start();
    const dialog = await openDialog();
    const mic = within(dialog).getByRole('combobox', { name: 'Microphone' }) as HTMLSelectElement;
    expect(mic.value).toBe('');
    expect(mic.disabled).toBe(true);
    expect(document.getElementById(mic.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Locked by your IT policy');
    expect((within(dialog).getByRole('combobox', { name: 'Speaker' }) as HTMLSelectElement).disabled).toBe(false);
    // The agent's saved choice is kept (it counts again if IT unlocks), only ignored.
    expect(await readSetting('devices.microphone')).toMatchObject({ deviceId: headsetMic.deviceId });
    await startDevices(policy, useStore).start();
  });

  it('Escape closes it, returns focus to the button, and stops the meter’s capture', async () => {
    const dialog = await openDialog();
    await waitFor(() => expect(media.tracks.some((t) => t.readyState === 'live')).toBe(true));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Audio settings' }));
    expect(media.tracks.every((t) => t.readyState === 'ended')).toBe(true);
  });

  it('keeps Tab inside the dialog', async () => {
    const dialog = await openDialog();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    close.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('combobox', { name: 'Microphone' }));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
  });
});

describe('Audio device notices', () => {
  afterEach(async () => {
    useStore.setState({ deviceNotices: [] });
    await initI18n('en');
  });

  it('tell the agent, politely, what moved — in every UI language', async () => {
    render(<AudioSettings />);
    act(() =>
      useStore.getState().addDeviceNotice({
        kind: 'unplugged',
        role: 'microphone',
        previous: { deviceId: 'mic-jabra', label: 'Jabra Evolve 65', groupId: 'g' },
        current: { deviceId: 'default', label: 'Laptop Microphone', groupId: 'g2' },
        currentIsDefault: true,
      }),
    );
    const status = screen.getByRole('status', { name: 'Audio device notices' });
    expect(status.textContent).toBe('Microphone “Jabra Evolve 65” unplugged: now using System default (Laptop Microphone)');
    await act(() => initI18n('zh-CN'));
    expect(screen.getByRole('status', { name: '音频设备通知' }).textContent).toBe('麦克风“Jabra Evolve 65”已拔出：现改用 系统默认（Laptop Microphone）');
    await act(() => initI18n('zh-TW'));
    expect(screen.getByRole('status', { name: '音訊裝置通知' }).textContent).toBe('麥克風「Jabra Evolve 65」已拔除：現改用 系統預設（Laptop Microphone）');
  });
});
