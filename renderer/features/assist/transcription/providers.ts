/**
 * The two TranscriptionProviders. Both speak Lingxi speech protocol v1 through SpeechStream; they differ only
 * in where the server is:
 * - LocalSpeechProvider: the local speech service, whose URL and token the host gives out (Electron main over
 *   `speech:endpoint`, the browser host at /speech.json). Asked again on every reconnect, because a restarted
 *   service listens on a new port.
 * - BankAsrProvider: the bank's ASR server at the policy's `transcription.asrUrl`.
 */
import type { LingxiApi } from '@common/contract/api';
import { SPEECH_PROTOCOL, speechSubprotocols } from '@common/contract/speech-protocol';
import type { StreamListener, StreamOptions, TranscriptionProvider, TranscriptionStream } from './provider';
import { SpeechStream, type SpeechStreamOptions, type SpeechTarget } from './speech-stream';

/** Stream settings shared by both providers (tests shorten the timeouts). */
export type StreamTuning = Omit<SpeechStreamOptions, keyof StreamOptions | 'target'>;

/** The local speech service, found through the host. */
export class LocalSpeechProvider implements TranscriptionProvider {
  readonly name = 'local';

  constructor(
    private readonly host: Pick<LingxiApi, 'speech'>,
    private readonly tuning: StreamTuning = {},
  ) {}

  open(options: StreamOptions, listener: StreamListener): TranscriptionStream {
    const target = async (): Promise<SpeechTarget> => {
      const endpoint = await this.host.speech.endpoint();
      if ('url' in endpoint) return { url: endpoint.url, protocols: speechSubprotocols(endpoint.token) };
      // "off" will not change during this call; a failed or slow start may (main restarts the service).
      return { unavailable: endpoint.error.message, retry: endpoint.error.code !== 'off' };
    };
    return new SpeechStream({ ...this.tuning, ...options, target }, listener);
  }
}

/** The bank's own ASR server (protocol v1 over wss://). */
export class BankAsrProvider implements TranscriptionProvider {
  readonly name = 'bank-asr';

  constructor(
    private readonly url: string,
    private readonly tuning: StreamTuning = {},
  ) {}

  open(options: StreamOptions, listener: StreamListener): TranscriptionStream {
    const target = async (): Promise<SpeechTarget> => ({ url: this.url, protocols: [SPEECH_PROTOCOL] });
    return new SpeechStream({ ...this.tuning, ...options, target }, listener);
  }
}
