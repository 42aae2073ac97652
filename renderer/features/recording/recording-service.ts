/**
 * Wires recording into the app: opens the encrypted cache, closes what a crash left open, captures
 * calls as the policy says, keeps the store's view of the recordings fresh, and runs the upload queue.
 * Components and other features (the assist pane's PCI guard) use the exported actions only.
 */
import type { LingxiApi } from '@common/contract/api';
import type { Policy } from '@common/contract/policy';
import { createLogger } from '../../platform/logger';
import type { AppState, ServiceStore } from '../../platform/store';
import type { CallLifecycle, CallSnapshot, PhoneEngine } from '../phone';
import { CallRecordings, type CallInfo, type CaptureCallbacks } from './capture/call-recordings';
import { FLUSH_MS } from './capture/encoded/call-mux';
import { EncodedRecorder } from './capture/encoded/encoded-recorder';
import { EncodedTaps } from './capture/encoded/encoded-taps';
import { FailoverCapture } from './capture/failover-capture';
import { StereoRecorder } from './capture/stereo-recorder';
import { openCacheRetryingKey } from './open-cache';
import { playableAudio } from './restarted-playback';
import { saveHealth } from './save-health';
import { openRecordingStore, type RecordingStore } from './store';
import { connectUploadToken } from './upload-token';
import { startUploads, uploadOrigin, type UploadControl } from './upload-wiring';
import type { PausedBy, RecordingManifest } from './types';

const log = createLogger('recording');
/**
 * The recording graph runs at 48 kHz: WebRTC delivers call audio at 48 kHz and Chromium's MediaRecorder
 * encodes Opus from 48 kHz, so any other rate adds two resamplers per channel (measured: no saving).
 */
const RECORDING_SAMPLE_RATE = 48_000;
/** How often a recording key the OS cannot decrypt is asked for again. */
const KEY_RETRY_MS = 60_000;
/** Name of the performance measure per committed slice (read by the bench). */
export const COMMIT_MEASURE = 'lingxi:recording:commit';

/** A call the app went away during (crash, closed window), as its recovered recording knows it. */
export interface InterruptedCall {
  /** The call's id. */
  id: string;
  direction: 'incoming' | 'outgoing';
  number: string;
  startedAt: number;
  endedAt: number;
}

/** What recording tells the rest of the app, through ports bootstrap hands over. */
export interface RecordingPorts {
  /**
   * Every call with a recovered recording, at each start (the receiver keeps the ones it knows already),
   * so a call cut by a crash still reaches the call history.
   */
  interruptedCalls(calls: InterruptedCall[]): void;
  /** Hex SHA-256 of the policy as loaded (PolicyLoadResult.sha256): every upload carries it with the app version. */
  policySha256?: string;
}

let running: { recordings: CallRecordings; store: RecordingStore; uploads: UploadControl | null; mode: Policy['recording']['mode'] } | null = null;

/**
 * Starts recording for a valid policy. Resolves once the cache is open and recovery ran.
 * @param lifecycle the phone's calls: captures start as they are answered and stop as they end
 */
export async function startRecording(
  policy: Policy,
  store: ServiceStore,
  lifecycle: CallLifecycle,
  host: LingxiApi,
  engine: PhoneEngine,
  ports: RecordingPorts,
): Promise<void> {
  const settings = policy.recording;
  // The store's token can be entered as soon as the Recordings area shows, before the cache is open.
  const queue: { uploads: UploadControl | null } = { uploads: null };
  if (settings.uploadUrl) connectUploadToken({ host, store, retryUploads: () => queue.uploads?.retryNow(), log });
  // The taps must be on each call's transceiver before its media flows, so they start with the app.
  const taps = settings.mode === 'off' ? Promise.resolve(null) : startTaps(engine);
  const cache = await openCacheRetryingKey({
    open: () => openRecordingStore({ host, cacheLimitMb: settings.cacheLimitMb, warnAtPercent: settings.warnAtPercent }),
    report: (problem) => store.getState().setRecordingProblem(problem),
    log,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    retryMs: KEY_RETRY_MS,
  });
  if (!cache) return;
  // The store itself tells IT's log about a weak key and about recovered recordings.
  store.getState().setRecordingKeyWeak(cache.keyWeak);
  await cache.recover(Date.now());
  const recovered = (await cache.list()).filter((m) => m.recoveredAt !== undefined);
  if (recovered.length > 0) ports.interruptedCalls(recovered.map(interruptedCallOf));

  const refresh = () => {
    void cache.list().then((list) => store.getState().setRecordings(list));
  };
  // Every committed chunk changes its manifest: only changes the Recordings list shows re-read it.
  const shown = new Map<string, string>();
  cache.onChange((manifest) => {
    const seen = shownSignature(manifest);
    if (shown.get(manifest.id) === seen) return;
    shown.set(manifest.id, seen);
    refresh();
  });
  cache.onQuota((event) => store.getState().setRecordingCache(event));
  store.getState().setRecordingCache(cache.quotaStatus());
  refresh();

  const encoded = await taps;
  const webAudio = (call: CallInfo, callbacks: CaptureCallbacks) => {
    // One context per call, closed by the recorder once its delay line drained: a running context keeps every
    // MediaStreamAudioSourceNode it made, and with it the call's tracks (the 500-call soak saw a context shared
    // by back-to-back calls, never idle long enough to suspend, keep two tracks a call). latencyHint playback:
    // the graph only feeds MediaRecorder, nobody listens to it live, so large render buffers are fine and wake
    // the audio thread far less often.
    const context = new AudioContext({ sampleRate: RECORDING_SAMPLE_RATE, latencyHint: 'playback' });
    void context.resume();
    // The encoded recorder's cadence (sliceMs): a crash loses at most one slice and its commit.
    return new StereoRecorder({ context, closeContext: true, tracks: () => engine.callAudio(call.id), bitrate: settings.bitrate, sliceMs: FLUSH_MS, delayMs: settings.pciDelayMs, ...callbacks });
  };
  /** Encoded recordings of calls still up, so a failed tap can hand the call to WebAudio. */
  const failovers = new Map<string, FailoverCapture>();
  encoded?.onFailover(({ callId, leg }) => {
    log.error(`recording tap of call ${callId} stopped passing the ${leg}'s audio: the call's audio bypasses it, the recording goes on through WebAudio`);
    failovers.get(callId)?.failover();
  });
  const saves = saveHealth({ setProblem: (problem) => store.getState().setRecordingProblem(problem), log });
  const recordings = new CallRecordings({
    store: cache,
    createCapture: (call, callbacks) => {
      if (!encoded?.canRecord(call.id)) return webAudio(call, callbacks);
      const capture = new FailoverCapture(
        (primary) => new EncodedRecorder(encoded, call.id, primary, (message) => log.warn(message), settings.pciDelayMs),
        (fallback) => webAudio(call, fallback),
        callbacks,
      );
      failovers.set(call.id, capture);
      return capture;
    },
    committed: (callId, commitMs) => {
      const end = performance.now();
      performance.measure(COMMIT_MEASURE, { start: end - commitMs, end });
      saves.saved(callId);
    },
    failed: (callId, error) => saves.failed(callId, error),
    closed: (callId) => saves.saved(callId),
    changed: (callId, live) => store.getState().setLiveRecording(callId, live),
    now: () => Date.now(),
  });
  const { uploadUrl } = settings;
  // A browser profile guards the cache only weakly: there a recording goes as soon as the store has it.
  const retentionDays = host.host === 'browser' ? 0 : settings.retentionDays;
  if (retentionDays !== settings.retentionDays) log.info(`browser host: recordings are deleted once the store acknowledges them (recording.retentionDays ${settings.retentionDays} applies to the desktop app)`);
  const uploads = uploadUrl
    ? startUploads(cache, { ...settings, uploadUrl, retentionDays }, () => callIsUp(store.getState()), uploadOrigin(ports.policySha256), {
        requestHeaders: (url) => host.recordingUpload.headers(url),
        onStoreRefusal: (refusal) => store.getState().setRecordingStoreRefused(refusal),
      })
    : null;
  queue.uploads = uploads;
  running = { recordings, store: cache, uploads, mode: settings.mode };

  const recordAnswered = (call: CallSnapshot) => {
    if (settings.mode === 'always' && !recordings.isRecording(call.id)) void recordings.start(infoOf(call));
  };
  lifecycle.subscribe((event) => {
    if (event.type === 'answered') recordAnswered(event.call);
    // Every call's tap goes with the call, recorded or not.
    if (event.type === 'ended') {
      failovers.delete(event.call.id);
      void recordings.stop(event.call.id).finally(() => encoded?.release(event.call.id));
    }
    if (event.type === 'updated' || event.type === 'ended') uploads?.callsChanged();
  });
  // The cache opened asynchronously: a call answered meanwhile is recorded from now.
  for (const call of store.getState().calls) if (call.phase === 'active') recordAnswered(call);
  window.addEventListener('pagehide', () => void recordings.stopAll());
  host.system.onEvent((event) => {
    if (event === 'online' || event === 'resume') uploads?.retryNow();
  });
}

/** The encoded-frame taps, set on every call's audio as it is created; null where unavailable. */
async function startTaps(engine: PhoneEngine): Promise<EncodedTaps | null> {
  const taps = await EncodedTaps.start();
  if (!taps) {
    log.warn('encoded audio taps unavailable: calls are recorded through WebAudio and a second encoder');
    return null;
  }
  engine.onAudioTransceiver((callId, transceiver) => taps.tap(callId, transceiver));
  return taps;
}

/** What the Recordings list shows of a manifest (not its chunk count, which changes every second). */
function shownSignature(m: RecordingManifest): string {
  return JSON.stringify([m.state, m.endedAt, m.paused, m.restarts, m.upload?.lastError, m.upload?.uploadedAt, m.audioDeleted, m.damage]);
}

function interruptedCallOf(m: RecordingManifest): InterruptedCall {
  return { id: m.callId, direction: m.direction, number: m.number, startedAt: m.startedAt, endedAt: m.endedAt ?? m.startedAt };
}

function callIsUp(state: AppState): boolean {
  return state.calls.some((call) => call.phase !== 'ended');
}

function infoOf(call: CallSnapshot): CallInfo {
  return { id: call.id, direction: call.direction, number: call.remoteNumber };
}

/**
 * Pauses one call's recording (the agent's button, or the assist pane's PCI guard through `by`).
 * `fromEpochMs` back-dates the pause (the PCI guard's: where the triggering utterance began), as far as
 * the delay line (recording.pciDelayMs) reaches. Returns false when the call is not being recorded.
 */
export function pauseRecording(callId: string, by: PausedBy = 'agent', reason?: string, fromEpochMs?: number): boolean {
  return running?.recordings.setPaused(callId, true, by, reason, fromEpochMs) ?? false;
}

/** Resumes one call's recording. */
export function resumeRecording(callId: string, by: PausedBy = 'agent'): boolean {
  return running?.recordings.setPaused(callId, false, by) ?? false;
}

/** The Pause/Resume recording shortcut: flips the call's capture. */
export function toggleRecordingPause(callId: string): boolean {
  const paused = running?.recordings.isPaused(callId);
  if (paused === undefined) return false;
  return paused ? resumeRecording(callId) : pauseRecording(callId);
}

/** On-demand mode: the agent starts recording the call (from the click, so WebAudio may start). */
export function startCallRecording(call: CallSnapshot): void {
  if (!running || running.mode === 'off') return;
  void running.recordings.start(infoOf(call));
}

/**
 * The recording as a playable file (decrypted, chain verified; one WAV when its recorder restarted);
 * throws DamagedRecordingError.
 */
export async function recordingAudio(recordingId: string): Promise<Blob> {
  if (!running) throw new Error('recording cache not open');
  return playableAudio(await running.store.export(recordingId));
}
