import { describe, expect, it, vi } from 'vitest';
import { DeviceManager } from '@renderer/features/devices/device-manager';
import { selectRingerSinkId, selectSpeakerSinkId } from '@renderer/features/devices/devices-slice';
import {
  choiceOf,
  devicesStore,
  FakeEngine,
  FakeMediaDevices,
  headsetMic,
  headsetSpeaker,
  laptopMic,
  laptopSpeaker,
  memoryChoices,
  silentLog,
  trackOf,
} from './fakes';

const processing = { echoCancellation: false, noiseSuppression: true, autoGainControl: false };

function setup(options: { choices?: Parameters<typeof memoryChoices>[0]; inCall?: boolean } = {}) {
  const media = new FakeMediaDevices([laptopMic, headsetMic, laptopSpeaker, headsetSpeaker]);
  const store = devicesStore();
  const choices = memoryChoices(options.choices);
  const engine = new FakeEngine();
  let inCall = options.inCall ?? false;
  const manager = new DeviceManager({
    mediaDevices: media as unknown as MediaDevices,
    store,
    processing,
    choices,
    callInProgress: () => inCall,
    log: silentLog,
  });
  manager.attach(engine);
  /** Starts a call the way the engine does: take the provider's microphone. */
  const startCall = async () => {
    inCall = true;
    engine.current = await manager.acquireMicrophone();
    return engine.current;
  };
  const endCall = () => {
    inCall = false;
    if (engine.current) trackOf(engine.current).stop();
  };
  /** Waits until the manager's queue has handled the events dispatched so far. */
  const settled = () => manager.choose('ringer', store.getState().deviceChoices.ringer);
  return { media, store, choices, engine, manager, startCall, endCall, settled };
}

const lastConstraints = (media: FakeMediaDevices) => media.getUserMedia.mock.calls.at(-1)?.[0];
const notices = (store: ReturnType<typeof devicesStore>) =>
  store.getState().deviceNotices.map((n) => [n.role, n.kind, n.previous?.label ?? null, n.current?.label ?? null]);

describe('DeviceManager as the phone engine’s MediaProvider', () => {
  it('opens the saved microphone exactly, with the policy’s processing flags', async () => {
    const { media, manager } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    const stream = await manager.acquireMicrophone();
    expect(lastConstraints(media)).toEqual({ audio: { ...processing, deviceId: { exact: 'mic-jabra' } }, video: false });
    expect(trackOf(stream).label).toBe('Jabra Evolve 65');
  });

  it('opens the system default without a device constraint when nothing was chosen', async () => {
    const { media, manager } = setup();
    await manager.acquireMicrophone();
    expect(lastConstraints(media)).toEqual({ audio: processing, video: false });
  });

  it('finds the saved headset under its new id after a restart (same label and groupId)', async () => {
    const { media, manager, store } = setup({ choices: { microphone: choiceOf(headsetMic, { deviceId: 'id-from-last-week' }) } });
    await manager.acquireMicrophone();
    expect(store.getState().deviceMatches.microphone.how).toBe('label-group');
    expect(lastConstraints(media)).toMatchObject({ audio: { deviceId: { exact: 'mic-jabra' } } });
    expect(store.getState().deviceNotices).toEqual([]);
  });

  it('says so at start-up when a saved device is not connected, and uses the default', async () => {
    const poly = { deviceId: 'gone', label: 'Poly Blackwire', groupId: 'g-poly' };
    const { media, manager, store } = setup({ choices: { speaker: poly } });
    await manager.start();
    expect(store.getState().deviceMatches.speaker.how).toBe('fallback');
    expect(selectSpeakerSinkId(store.getState())).toBe('');
    expect(notices(store)).toEqual([['speaker', 'not-found', 'Poly Blackwire', 'Default - Laptop Speakers']]);
    await manager.acquireMicrophone();
    expect(lastConstraints(media)).toEqual({ audio: processing, video: false });
  });

  it('while names are hidden, tries the saved id as a hint and checks it once the capture reveals names', async () => {
    const { media, manager, store } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    media.namesHidden = true;
    await manager.start();
    expect(store.getState().deviceMatches.microphone.how).toBe('unverified');
    expect(store.getState().deviceNotices).toEqual([]); // no false "not found" before names are known
    await manager.acquireMicrophone();
    expect(media.getUserMedia.mock.calls[0]?.[0]).toMatchObject({ audio: { deviceId: { ideal: 'mic-jabra' } } });
    expect(store.getState().deviceMatches.microphone.how).toBe('id');
    expect(store.getState().devicePermission).toBe('granted');
  });

  it('opens the default when the chosen microphone vanished between listing and capture', async () => {
    const { media, manager } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    await manager.start();
    media.devices = media.devices.filter((d) => d !== headsetMic); // no devicechange yet
    const stream = await manager.acquireMicrophone();
    expect(trackOf(stream).getSettings().deviceId).toBe('default');
  });
});

describe('DeviceManager hot-plug during a call', () => {
  it('headset unplugged: moves the call to the default microphone and tells the agent', async () => {
    const { media, engine, store, startCall, settled } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    const first = await startCall();
    media.unplug(headsetMic);
    await settled();
    expect(engine.replaceMicrophone).toHaveBeenCalledTimes(1);
    expect(trackOf(engine.replaced[0] as MediaStream).label).toBe('Laptop Microphone');
    expect(trackOf(first).readyState).toBe('ended');
    expect(lastConstraints(media)).toEqual({ audio: processing, video: false });
    expect(notices(store)).toEqual([['microphone', 'unplugged', 'Jabra Evolve 65', 'Laptop Microphone']]);
    expect(store.getState().deviceNotices[0]?.currentIsDefault).toBe(true);
  });

  it('preferred headset plugged back: moves the call back to it', async () => {
    const { media, engine, store, startCall, settled } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    await startCall();
    media.unplug(headsetMic);
    await settled();
    media.plug({ ...headsetMic, deviceId: 'mic-jabra-replugged' }); // a re-plug may bring a new id
    await settled();
    expect(engine.replaceMicrophone).toHaveBeenCalledTimes(2);
    expect(lastConstraints(media)).toMatchObject({ audio: { deviceId: { exact: 'mic-jabra-replugged' } } });
    expect(trackOf(engine.current as MediaStream).label).toBe('Jabra Evolve 65');
    expect(notices(store).at(-1)).toEqual(['microphone', 'back', 'Laptop Microphone', 'Jabra Evolve 65']);
  });

  it('the OS default moving to a new headset moves a call that follows the default', async () => {
    const { media, engine, store, startCall, settled } = setup();
    await startCall();
    media.defaultInput = 'mic-poly';
    media.plug({ kind: 'audioinput', deviceId: 'mic-poly', label: 'Poly Blackwire', groupId: 'g-poly' });
    await settled();
    expect(engine.replaceMicrophone).toHaveBeenCalledTimes(1);
    expect(trackOf(engine.current as MediaStream).label).toBe('Poly Blackwire');
    expect(notices(store)).toEqual([['microphone', 'changed', 'Laptop Microphone', 'Poly Blackwire']]);
  });

  it('ignores changes that do not concern the microphone in use', async () => {
    const { media, engine, store, startCall, settled } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    await startCall();
    media.plug({ kind: 'audioinput', deviceId: 'mic-webcam', label: 'Webcam Mic', groupId: 'g-cam' });
    await settled();
    expect(engine.replaceMicrophone).not.toHaveBeenCalled();
    expect(store.getState().deviceNotices).toEqual([]);
  });

  it('a burst of devicechange events swaps the microphone once', async () => {
    const { media, engine, startCall, settled } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    await startCall();
    media.unplug(headsetMic);
    media.dispatchEvent(new Event('devicechange'));
    media.dispatchEvent(new Event('devicechange'));
    await settled();
    expect(engine.replaceMicrophone).toHaveBeenCalledTimes(1);
  });

  it('without a call only tells the agent, and opens nothing', async () => {
    const { media, engine, store, manager, settled } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    await manager.start();
    const captures = media.getUserMedia.mock.calls.length;
    media.unplug(headsetMic);
    await settled();
    expect(engine.replaceMicrophone).not.toHaveBeenCalled();
    expect(media.getUserMedia.mock.calls.length).toBe(captures);
    expect(notices(store)).toEqual([['microphone', 'unplugged', 'Jabra Evolve 65', 'Default - Laptop Microphone']]);
  });

  it('after the call has ended, a change no longer touches the microphone', async () => {
    const { media, engine, startCall, endCall, settled } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    await startCall();
    endCall();
    media.unplug(headsetMic);
    await settled();
    expect(engine.replaceMicrophone).not.toHaveBeenCalled();
  });

  it('speaker unplugged and back: the call audio follows (sinkId) and the agent is told', async () => {
    const { media, store, manager, settled } = setup({ choices: { speaker: choiceOf(headsetSpeaker), ringer: choiceOf(laptopSpeaker) } });
    await manager.start();
    expect(selectSpeakerSinkId(store.getState())).toBe('out-jabra');
    expect(selectRingerSinkId(store.getState())).toBe('out-laptop');
    media.unplug(headsetSpeaker);
    await settled();
    expect(selectSpeakerSinkId(store.getState())).toBe('');
    expect(notices(store)).toEqual([['speaker', 'unplugged', 'Jabra Evolve 65', 'Default - Laptop Speakers']]);
    media.plug(headsetSpeaker);
    await settled();
    expect(selectSpeakerSinkId(store.getState())).toBe('out-jabra');
    expect(notices(store).at(-1)).toEqual(['speaker', 'back', 'Default - Laptop Speakers', 'Jabra Evolve 65']);
    expect(selectRingerSinkId(store.getState())).toBe('out-laptop'); // the ringer was never affected
  });

  it('says when no microphone is left at all', async () => {
    const { media, engine, store, startCall, settled } = setup({ choices: { microphone: choiceOf(headsetMic) } });
    await startCall();
    media.unplug(laptopMic);
    media.unplug(headsetMic);
    await settled();
    expect(engine.replaceMicrophone).not.toHaveBeenCalled();
    expect(notices(store).at(-1)).toEqual(['microphone', 'none', 'Jabra Evolve 65', null]);
  });
});

describe('DeviceManager choices', () => {
  it('saves a choice and moves a running call to the new microphone at once', async () => {
    const { media, engine, store, choices, manager, startCall } = setup();
    await startCall();
    await manager.choose('microphone', headsetMic);
    expect(choices.saved.microphone).toEqual(choiceOf(headsetMic));
    expect(store.getState().deviceChoices.microphone).toEqual(choiceOf(headsetMic));
    expect(engine.replaceMicrophone).toHaveBeenCalledTimes(1);
    expect(lastConstraints(media)).toMatchObject({ audio: { ...processing, deviceId: { exact: 'mic-jabra' } } });
    expect(notices(store)).toEqual([['microphone', 'changed', 'Laptop Microphone', 'Jabra Evolve 65']]);
  });

  it('stores "system default" as null and never saves the pseudo "default" entry', async () => {
    const { choices, manager } = setup({ choices: { speaker: choiceOf(headsetSpeaker) } });
    await manager.choose('speaker', { deviceId: 'default', label: 'Default - Laptop Speakers', groupId: 'g-laptop' });
    expect(choices.saved.speaker).toBeNull();
  });

  it('keeps working when the saved choices cannot be read', async () => {
    const { store, media } = setup();
    const manager = new DeviceManager({
      mediaDevices: media as unknown as MediaDevices,
      store,
      processing,
      choices: { load: () => Promise.reject(new Error('disk')), save: vi.fn(async () => undefined) },
      callInProgress: () => false,
      log: silentLog,
    });
    await manager.start();
    expect(store.getState().deviceMatches.microphone.how).toBe('default');
  });
});

describe('DeviceManager.ensurePermission', () => {
  it('asks for the microphone once, only while names are hidden', async () => {
    const { media, manager, store } = setup();
    media.namesHidden = true;
    await manager.ensurePermission();
    await manager.ensurePermission();
    expect(media.getUserMedia).toHaveBeenCalledTimes(1);
    expect(store.getState().devicePermission).toBe('granted');
    expect(store.getState().audioInputs.map((d) => d.label)).toContain('Jabra Evolve 65');
    expect(media.tracks.every((t) => t.readyState === 'ended')).toBe(true); // the probe capture was stopped
  });

  it('records a refusal', async () => {
    const { media, manager, store } = setup();
    media.namesHidden = true;
    media.denyPermission = true;
    await manager.ensurePermission();
    expect(store.getState().devicePermission).toBe('denied');
  });
});

describe('DeviceManager when listing devices fails', () => {
  it('still gives the call the default microphone', async () => {
    const { media, store } = setup();
    media.enumerateDevices.mockRejectedValue(new Error('device service crashed'));
    const manager = new DeviceManager({
      mediaDevices: media as unknown as MediaDevices,
      store,
      processing,
      choices: memoryChoices(),
      callInProgress: () => false,
      log: silentLog,
    });
    await expect(manager.start()).rejects.toThrow('device service crashed');
    const stream = await manager.acquireMicrophone();
    expect(trackOf(stream).getSettings().deviceId).toBe('default');
  });
});
