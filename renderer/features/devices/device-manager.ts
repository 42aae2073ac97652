/**
 * The device manager: keeps the device lists and the agent's choices in the store, supplies each call's
 * microphone (it is the phone engine's MediaProvider), and follows hot-plug: when the microphone in use
 * goes away or the preferred one comes back during a call, it opens the right one and hands it to the
 * engine, which swaps the track without renegotiating. Speakers follow through the store (setSinkId).
 * Every job runs in one queue, so a burst of devicechange events never swaps the microphone twice at once.
 */
import type { Logger } from '@common/logging/logger';
import type { MediaProvider } from '../phone';
import { changeCause, endpointMoved, withoutLabel } from './device-changes';
import { deviceOfTrack, isDeviceMissing, stopStream } from './streams';
import {
  audioDevicesOf,
  defaultDevice,
  deviceRoles,
  isPseudoDevice,
  isSpecific,
  labelsKnown,
  matchDevice,
  sameEndpoint,
  targetId,
  type AudioDevice,
  type DeviceMatch,
  type DeviceRole,
} from './device-matching';
import type { DeviceChoiceStore } from './devices-repo';
import type { DeviceNoticeKind, DevicesSlice, RoleRecord } from './devices-slice';

/** The part of PhoneEngine hot-plug needs. */
export interface MicrophoneTarget {
  replaceMicrophone(stream: MediaStream): Promise<void>;
}

export type MediaDevicesLike = Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia' | 'addEventListener' | 'removeEventListener'>;

export interface DeviceManagerOptions {
  /** navigator.mediaDevices; undefined outside a secure context. */
  mediaDevices: MediaDevicesLike | undefined;
  store: { getState(): DevicesSlice };
  /** The policy's capture processing (policy.audio), applied to every microphone stream. */
  processing: MediaTrackConstraints;
  choices: DeviceChoiceStore;
  /**
   * Whether a call may be sending the microphone. Needed besides the tracks handed out: a track ends by
   * itself when its device is unplugged, and that is exactly when a new one must be found.
   */
  callInProgress(): boolean;
  log: Logger;
}

export class DeviceManager implements MediaProvider {
  private target: MicrophoneTarget | null = null;
  /**
   * Microphone tracks handed to calls and not yet stopped. Held weakly: the engine stops a call's track
   * (no 'ended' event then) and drops it, and the manager must not keep the last call's track alive for the
   * rest of the shift (the soak counts every MediaStreamTrack left after its calls).
   */
  private readonly live = new Set<WeakRef<MediaStreamTrack>>();
  /** The device behind the newest microphone track handed out. */
  private inUse: AudioDevice | null = null;
  private queue: Promise<void> = Promise.resolve();
  private started: Promise<void> | null = null;
  private permissionAsked = false;
  private readonly onDeviceChange = (): void =>
    void this.enqueue(() => this.followChanges(true)).catch((error: unknown) => this.logFailure('following a device change', error));

  constructor(private readonly options: DeviceManagerOptions) {}

  private get state(): DevicesSlice {
    return this.options.store.getState();
  }

  /** Loads the saved choices, lists the devices and starts listening for hot-plug. Idempotent. */
  start(): Promise<void> {
    this.started ??= this.enqueue(async () => {
      const { mediaDevices, choices, log } = this.options;
      const saved = await choices.load().catch((error: unknown) => {
        log.warn('devices: saved choices unreadable, using system defaults', error);
        return { microphone: null, speaker: null, ringer: null };
      });
      this.state.setDeviceChoices(saved);
      if (!mediaDevices) {
        log.warn('devices: navigator.mediaDevices missing (not a secure context?)');
        return;
      }
      mediaDevices.addEventListener('devicechange', this.onDeviceChange);
      await this.refresh();
      for (const role of deviceRoles) {
        const match = this.state.deviceMatches[role];
        if (match.how === 'fallback') this.notify('not-found', role, this.state.deviceChoices[role], match);
      }
    });
    return this.started;
  }

  /** Stops listening for hot-plug. */
  stop(): void {
    this.options.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
  }

  /** Where a new microphone goes during calls (the phone engine). */
  attach(target: MicrophoneTarget): void {
    this.target = target;
  }

  /** MediaProvider: the chosen microphone with the policy's processing, for a new call. */
  async acquireMicrophone(): Promise<MediaStream> {
    // A failed start (device listing) must not cost the call its microphone: the default still works.
    await this.start().catch(() => undefined);
    return this.enqueue(async () => {
      const namesHidden = !labelsKnown(this.state.audioInputs);
      let stream = await this.openMicrophone();
      if (namesHidden) stream = await this.recheckWithNames(stream);
      this.adopt(stream);
      return stream;
    });
  }

  /**
   * The first capture reveals device names, so the saved choice can only now be checked properly; if it
   * resolves to another device than the one opened, that one is opened instead. Best effort: on any
   * failure the call keeps the stream it has.
   */
  private async recheckWithNames(stream: MediaStream): Promise<MediaStream> {
    try {
      await this.followChanges(false);
      const match = this.state.deviceMatches.microphone;
      if (!isSpecific(match) || sameEndpoint(withoutLabel(deviceOfTrack(stream)), withoutLabel(match.device))) return stream;
      const better = await this.open(match);
      stopStream(stream);
      return better;
    } catch (error) {
      this.logFailure('re-checking the microphone by its name', error);
      return stream;
    }
  }

  /** A capture of the chosen microphone for the level meter; the caller stops it. */
  openMeterStream(): Promise<MediaStream> {
    return this.enqueue(() => this.openMicrophone());
  }

  /** Saves the agent's choice for a role (null: system default) and applies it, during a call too. */
  choose(role: DeviceRole, device: AudioDevice | null): Promise<void> {
    const choice = device && !isPseudoDevice(device.deviceId) ? pick(device) : null;
    const { state } = this;
    state.setDeviceChoices({ ...state.deviceChoices, [role]: choice });
    // Resolved against the current list at once, so the select shows the choice without waiting for the queue.
    const list = role === 'microphone' ? state.audioInputs : state.audioOutputs;
    state.setDeviceLists(state.audioInputs, state.audioOutputs, { ...state.deviceMatches, [role]: matchDevice(choice, list) });
    return this.enqueue(async () => {
      await this.options.choices.save(role, choice).catch((error: unknown) => this.logFailure('saving the device choice', error));
      await this.refresh();
      if (role === 'microphone') await this.followMicrophone('changed');
    });
  }

  /**
   * Asks for the microphone once, so the lists show device names (browsers hide them until then), then
   * re-checks the saved choices against the named devices.
   */
  async ensurePermission(): Promise<void> {
    // A failed start was logged where it began (devices-service); asking for permission may still work.
    await this.start().catch(() => undefined);
    const { mediaDevices } = this.options;
    if (!mediaDevices || this.permissionAsked || labelsKnown(this.state.audioInputs)) return;
    this.permissionAsked = true;
    try {
      stopStream(await mediaDevices.getUserMedia({ audio: true, video: false }));
      this.state.setDevicePermission('granted');
    } catch (error) {
      this.options.log.warn('devices: microphone permission refused', error);
      this.state.setDevicePermission('denied');
    }
    await this.enqueue(() => this.followChanges(true));
  }

  private logFailure(what: string, error: unknown): void {
    this.options.log.error(`devices: ${what} failed`, error);
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    // The caller gets the result or failure through `run`; the queue only has to move on to the next job, and
    // must not hold the last job's result (a call's microphone stream) for the rest of the shift.
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Lists the devices and resolves every role's choice against them. */
  private async refresh(): Promise<void> {
    const { mediaDevices } = this.options;
    if (!mediaDevices) return;
    const list = await mediaDevices.enumerateDevices();
    const inputs = audioDevicesOf(list, 'audioinput');
    const outputs = audioDevicesOf(list, 'audiooutput');
    const { deviceChoices: choices } = this.state;
    const matches: RoleRecord<DeviceMatch> = {
      microphone: matchDevice(choices.microphone, inputs),
      speaker: matchDevice(choices.speaker, outputs),
      ringer: matchDevice(choices.ringer, outputs),
    };
    this.state.setDeviceLists(inputs, outputs, matches);
    if (labelsKnown(inputs)) this.state.setDevicePermission('granted');
  }

  /** After a device change: re-resolve, tell the agent what moved, and move the call's microphone. */
  private async followChanges(moveMicrophone = true): Promise<void> {
    const before = this.state.deviceMatches;
    await this.refresh();
    const after = this.state.deviceMatches;
    for (const role of ['speaker', 'ringer'] as const) {
      if (!endpointMoved(before[role], after[role])) continue;
      this.notify(changeCause(before[role], after[role], this.state.audioOutputs), role, before[role].device, after[role]);
    }
    const cause = changeCause(before.microphone, after.microphone, this.state.audioInputs);
    if (moveMicrophone && this.microphoneInUse()) await this.followMicrophone(cause);
    else if (endpointMoved(before.microphone, after.microphone)) {
      this.notify(cause, 'microphone', before.microphone.device, after.microphone);
    }
  }

  /** During a call, switches to the resolved microphone if the one in use is not it (or has ended). */
  private async followMicrophone(cause: DeviceNoticeKind): Promise<void> {
    if (!this.microphoneInUse()) return;
    const match = this.state.deviceMatches.microphone;
    const trackAlive = this.live.size > 0; // microphoneInUse() just dropped the ended ones
    if (trackAlive && sameEndpoint(withoutLabel(this.inUse), withoutLabel(match.device))) return;
    const previous = this.inUse;
    if (!match.device) {
      this.notify('none', 'microphone', previous, match);
      return;
    }
    const stream = await this.openMicrophone();
    if (!this.target) {
      stopStream(stream);
      return;
    }
    await this.target.replaceMicrophone(stream);
    this.adopt(stream);
    // A track that ended by itself, or a device no longer listed, was unplugged whatever the list diff said.
    const gone = previous !== null && !isPseudoDevice(previous.deviceId) && !listed(previous, this.state.audioInputs);
    const unplugged = !trackAlive || gone;
    const reported = unplugged && cause !== 'none' ? 'unplugged' : cause;
    this.notify(reported, 'microphone', previous, this.state.deviceMatches.microphone, this.inUse);
    this.options.log.info(`devices: microphone moved (${reported})`);
  }

  /** Opens the resolved microphone; if the saved one vanished meanwhile, re-resolves and opens the default. */
  private async openMicrophone(): Promise<MediaStream> {
    const match = this.state.deviceMatches.microphone;
    try {
      return await this.open(match);
    } catch (error) {
      if (!isSpecific(match) || !isDeviceMissing(error)) throw error;
      // The device went away between the last list and this capture: take the default, the list follows.
      this.options.log.warn('devices: chosen microphone failed to open, using the default', error);
      await this.refresh();
      return this.open({ how: 'fallback', device: defaultDevice(this.state.audioInputs) });
    }
  }

  private open(match: DeviceMatch): Promise<MediaStream> {
    const { mediaDevices, processing } = this.options;
    if (!mediaDevices) return Promise.reject(new Error('No microphone access: navigator.mediaDevices is missing'));
    const id = targetId(match);
    // "unverified": the saved id is a hint only, since it could not be checked against device names.
    const deviceId = id === '' ? undefined : match.how === 'unverified' ? { ideal: id } : { exact: id };
    return mediaDevices.getUserMedia({ audio: { ...processing, ...(deviceId ? { deviceId } : {}) }, video: false });
  }

  /** Remembers a stream handed to a call; its track ending (device unplugged) triggers a re-check. */
  private adopt(stream: MediaStream): void {
    const [track] = stream.getAudioTracks();
    if (!track) return;
    this.pruneEnded(); // ended calls' tracks would otherwise pile up over a shift
    this.live.add(new WeakRef(track));
    this.inUse = deviceOfTrack(stream);
    track.addEventListener('ended', this.onDeviceChange, { once: true });
  }

  private microphoneInUse(): boolean {
    this.pruneEnded();
    return this.live.size > 0 || this.options.callInProgress();
  }

  private pruneEnded(): void {
    for (const ref of this.live) if (ref.deref()?.readyState !== 'live') this.live.delete(ref);
  }

  private notify(
    kind: DeviceNoticeKind,
    role: DeviceRole,
    previous: AudioDevice | null,
    match: DeviceMatch,
    current: AudioDevice | null = match.device,
  ): void {
    this.state.addDeviceNotice({ kind, role, previous, current, currentIsDefault: !isSpecific(match) });
  }
}

/** Only the three fields a choice keeps (components may pass richer objects). */
function pick({ deviceId, label, groupId }: AudioDevice): AudioDevice {
  return { deviceId, label, groupId };
}

function listed(device: AudioDevice, list: readonly AudioDevice[]): boolean {
  return list.some((d) => d.deviceId === device.deviceId);
}
