/**
 * Wires transcription into the app: picks the provider the policy names, starts a CallTranscription when a
 * call becomes active and stops it at hang-up. Results reach subscribers through transcript-events.ts
 * (onTranscript, onTranscriptionStatus); nothing is kept in the store.
 */
import type { LingxiApi } from '@common/contract/api';
import type { Policy } from '@common/contract/policy';
import type { TranscriptionPolicy } from '@common/contract/policy-transcription';
import { createLogger } from '../../../platform/logger';
import type { ServiceStore } from '../../../platform/store';
import type { CallLifecycle, CallSnapshot, PhoneEngine } from '../../phone';
import { selectActivePop, selectTrustedCti, type CtiInfo } from '../../screenpop';
import { loadTapWorklet, tapTrack } from './audio-tap';
import { CallTranscription } from './call-transcription';
import { callLanguage } from './language';
import type { LegStreams } from './provider';
import { SpeechWorkerStreams } from './speech-worker';
import { publish } from './transcript-events';
import tapWorkletUrl from './worklet-url';


/** Frame length sent to the engine: the protocol's shortest, for the quickest finals. */
const FRAME_MS = 20;
/** How long to wait for a suspended AudioContext to start (autoplay policy) before giving up on a call. */
const RESUME_TIMEOUT_MS = 3000;

const log = createLogger('assist');

export interface TranscriptionOptions {
  /** Extra phrase hints for a call (e.g. knowledge titles the assist pane expects), when policy hints are on. */
  hints?(call: CallSnapshot): readonly string[];
  /** Phrases the engine should report as keyword events. */
  keywords?(call: CallSnapshot): readonly string[];
  /** Replaces the policy's provider (tests). */
  provider?: LegStreams;
  /** Makes the tap's AudioContext (tests); a 48 kHz AudioContext by default. */
  createContext?: () => AudioContext;
}

export interface TranscriptionHandle {
  /** Stops every call's transcription. */
  stop(): Promise<void>;
}

/** The provider the policy names, run in the speech worker; null when transcription is off. */
export function providerFor(policy: TranscriptionPolicy, host: Pick<LingxiApi, 'speech'>): SpeechWorkerStreams | null {
  switch (policy.provider) {
    case 'local':
      return new SpeechWorkerStreams({ provider: 'local' }, host);
    case 'bank-asr':
      // The schema requires asrUrl for bank-asr; the guard keeps the type honest.
      return policy.asrUrl ? new SpeechWorkerStreams({ provider: 'bank-asr', url: policy.asrUrl }, host) : null;
    case 'off':
      return null;
  }
}

/** The IVR intent as a phrase ("lost-card" → "lost card"), the most specific hint a call comes with. */
function intentHint(cti: CtiInfo): string[] {
  const intent = cti.intent?.trim().replace(/[-_]+/g, ' ');
  return intent && intent.length <= 100 ? [intent] : [];
}

/**
 * Starts transcribing calls as they become active.
 * @param policy the app policy (its `transcription` section picks the provider, languages and hints)
 * @param lifecycle the phone's calls: a transcription from each call's answer to its end
 */
export function startTranscription(
  policy: Policy,
  store: ServiceStore,
  lifecycle: CallLifecycle,
  host: Pick<LingxiApi, 'speech'>,
  engine: Pick<PhoneEngine, 'callAudio'>,
  options: TranscriptionOptions = {},
): TranscriptionHandle {
  const settings = policy.transcription;
  const owned = options.provider ? null : providerFor(settings, host);
  const provider = options.provider ?? owned;
  if (!provider) return { stop: async () => undefined };
  const sessions = new Map<string, CallTranscription>();
  let context: AudioContext | null = null;

  const prepare = async (): Promise<void> => {
    // 48 kHz is WebRTC's own rate: no resampling before the tap, and an exact 3:1 decimation in it.
    context ??= options.createContext?.() ?? new AudioContext({ sampleRate: 48000 });
    if (context.state !== 'running') {
      const running = context.resume();
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the browser keeps audio suspended until the agent clicks')), RESUME_TIMEOUT_MS));
      await Promise.race([running, timeout]);
    }
    await loadTapWorklet(context, tapWorkletUrl);
  };

  const begin = (call: CallSnapshot): void => {
    const state = store.getState();
    const pop = selectActivePop(state);
    const profile = pop?.callId === call.id && pop.selected !== null ? pop.profiles[pop.selected] : undefined;
    // Only a trusted source's CTI: any caller can write X-Language or X-Intent.
    const cti = selectTrustedCti(state, call.id);
    const language = callLanguage(settings.languages, [cti.language, profile?.language]);
    const hints = settings.hints ? [...new Set([...intentHint(cti), ...(options.hints?.(call) ?? [])])].slice(0, 500) : [];
    const session = new CallTranscription({
      callId: call.id,
      // Transcript times count from the answer; answeredAt is epoch ms, the audio clock is the page's.
      answeredAt: performance.now() - (Date.now() - (call.answeredAt ?? Date.now())),
      tracks: () => engine.callAudio(call.id),
      provider,
      language,
      hints,
      keywords: options.keywords?.(call) ?? [],
      prepare,
      tap: (track, leg) => tapTrack(context as AudioContext, track, { playInElement: leg === 'customer', frameMs: FRAME_MS }),
      publish,
    });
    sessions.set(call.id, session);
    log.info(`transcribing call ${call.id} in ${language} with the ${provider.name} provider`);
    void session.start();
  };

  /**
   * Closes the context once no call is transcribed. A MediaStreamAudioSourceNode stays alive as long as its
   * context runs, disconnected or not, and holds its track: a context kept for the whole shift kept every
   * call's two tapped tracks (measured: 2 MediaStreamTracks more per call, test/e2e/soak.spec.ts).
   */
  const closeWhenIdle = (): void => {
    const idle = context;
    if (sessions.size > 0 || !idle) return;
    context = null;
    idle.close().catch((error: unknown) => log.warn('closing the transcription audio context failed', error));
  };

  const end = (callId: string): void => {
    const session = sessions.get(callId);
    if (!session) return;
    sessions.delete(callId);
    void session.stop().finally(() => {
      publish.forget(callId);
      closeWhenIdle();
    });
  };

  const unsubscribe = lifecycle.subscribe((event) => {
    if (event.type === 'answered' && !sessions.has(event.call.id)) begin(event.call);
    if (event.type === 'ended') end(event.call.id);
  });

  return {
    async stop() {
      unsubscribe();
      const running = [...sessions.values()];
      sessions.clear();
      await Promise.all(running.map((session) => session.stop()));
      owned?.terminate();
    },
  };
}
