/**
 * The speech worker: every call leg's protocol v1 stream (SpeechStream through the two providers) runs here,
 * fed by the tap worklet's frames over a MessagePort, so the 50 frames a second per leg, their WebSocket sends
 * and the burst when a stream (re)connects never take the page's main thread (issue 26: no long task during a
 * call). The page sends control messages and gets results and statuses (speech-worker-messages.ts).
 *
 * Loaded as `new Worker(new URL('./speech.worker.ts', import.meta.url), { type: 'module' })` (speech-worker.ts),
 * which Vite bundles in both hosts, as the recording tap worker is.
 */
/// <reference lib="webworker" />
import type { SpeechEndpoint } from '@common/contract/speech-endpoint';
import { FrameFeed } from './frame-feed';
import type { TranscriptionProvider, TranscriptionStream } from './provider';
import { BankAsrProvider, LocalSpeechProvider } from './providers';
import type { FromSpeechWorker, SpeechServer, ToSpeechWorker } from './speech-worker-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

interface Taps {
  /** The current tap's frames; its last voiced time dates the leg's finals. */
  feed: FrameFeed | null;
  unlisten: (() => void) | null;
}
type Leg = Taps & { stream: TranscriptionStream };

const legs = new Map<number, Leg>();
const endpoints = new Map<number, (endpoint: SpeechEndpoint) => void>();
let nextRequest = 1;

function post(message: FromSpeechWorker): void {
  scope.postMessage(message);
}

/** The local service's endpoint, asked of the page on every (re)connect (a restarted service has a new port). */
function askEndpoint(): Promise<SpeechEndpoint> {
  const request = nextRequest++;
  return new Promise((resolve) => {
    endpoints.set(request, resolve);
    post({ type: 'endpoint?', request });
  });
}

function providerFor(server: SpeechServer): TranscriptionProvider {
  const tuning = { log: (message: string) => post({ type: 'log', message }) };
  return server.provider === 'local' ? new LocalSpeechProvider({ speech: { endpoint: askEndpoint } }, tuning) : new BankAsrProvider(server.url, tuning);
}

function detach(leg: Taps): void {
  leg.unlisten?.();
  leg.unlisten = null;
}

scope.onmessage = (event: MessageEvent<ToSpeechWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'open': {
      const { id } = message;
      const taps: Taps = { feed: null, unlisten: null };
      const stream = providerFor(message.server).open(message.options, {
        result: (result) => {
          const speechEndAt = taps.feed?.lastVoicedAt;
          post({ type: 'result', id, result, ...(speechEndAt === undefined ? {} : { speechEndAt }) });
        },
        status: (status) => post({ type: 'status', id, status }),
      });
      legs.set(id, Object.assign(taps, { stream }));
      return;
    }
    case 'attach': {
      const leg = legs.get(message.id);
      if (!leg) return message.port.close();
      detach(leg);
      // The new tap's frames continue the same stream; the last voiced time carries over.
      const feed = new FrameFeed(message.clock, leg.stream);
      feed.lastVoicedAt = leg.feed?.lastVoicedAt;
      leg.feed = feed;
      leg.unlisten = feed.listen(message.port);
      return;
    }
    case 'endpoint':
      endpoints.get(message.request)?.(message.endpoint);
      endpoints.delete(message.request);
      return;
    case 'stop': {
      const leg = legs.get(message.id);
      if (!leg) return post({ type: 'stopped', id: message.id });
      detach(leg);
      void leg.stream.stop().finally(() => {
        legs.delete(message.id);
        post({ type: 'stopped', id: message.id });
      });
      return;
    }
    case 'close': {
      const leg = legs.get(message.id);
      if (!leg) return;
      detach(leg);
      leg.stream.close();
      legs.delete(message.id);
      return;
    }
  }
};
