/**
 * The page's side of the speech worker (speech.worker.ts): opens legs' streams there, hands it each tap's port,
 * passes results and statuses to the listeners and answers its requests for the local service's endpoint. One
 * worker serves every call; a worker that fails is reported on every open leg (status unavailable, with the
 * reason) and replaced by a fresh one for the next call.
 */
import type { LingxiApi } from '@common/contract/api';
import type { SpeechEndpoint } from '@common/contract/speech-endpoint';
import { createLogger } from '../../../platform/logger';
import type { FrameClock } from './frame-feed';
import type { LegStream, LegStreams, StreamListener, StreamOptions } from './provider';
import type { FromSpeechWorker, SpeechServer, ToSpeechWorker } from './speech-worker-messages';

/** A stream's own stop waits up to 5 s for the last finals; this bounds a worker that never answers. */
const STOP_TIMEOUT_MS = 7000;

const log = createLogger('assist');

/** The worker as this side uses it (a fake in unit tests). */
export type SpeechWorkerPort = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

interface OpenLeg {
  listener: StreamListener;
  stopped?: () => void;
}

function defaultWorker(): SpeechWorkerPort {
  return new Worker(new URL('./speech.worker.ts', import.meta.url), { type: 'module', name: 'speech' });
}

/** How long a worker with no leg waits before it ends. */
const IDLE_END_MS = 2000;

export class SpeechWorkerStreams implements LegStreams {
  readonly name: LegStreams['name'];
  private worker: SpeechWorkerPort | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly legs = new Map<number, OpenLeg>();
  private nextId = 1;

  constructor(
    private readonly server: SpeechServer,
    private readonly host: Pick<LingxiApi, 'speech'>,
    private readonly createWorker: () => SpeechWorkerPort = defaultWorker,
  ) {
    this.name = server.provider;
  }

  open(options: StreamOptions, listener: StreamListener): LegStream {
    const worker = this.start();
    const id = this.nextId++;
    const leg: OpenLeg = { listener };
    this.legs.set(id, leg);
    const post = (message: ToSpeechWorker, transfer: Transferable[] = []): void => {
      if (this.worker === worker && this.legs.has(id)) worker.postMessage(message, transfer);
    };
    post({ type: 'open', id, server: this.server, options });
    return {
      attach: (port: MessagePort, clock: FrameClock) => post({ type: 'attach', id, port, clock }, [port]),
      stop: () =>
        new Promise<void>((resolve) => {
          if (!this.legs.has(id)) return resolve();
          const timer = setTimeout(() => leg.stopped?.(), STOP_TIMEOUT_MS);
          leg.stopped = () => {
            clearTimeout(timer);
            this.legs.delete(id);
            this.endWhenIdle();
            resolve();
          };
          post({ type: 'stop', id });
        }),
      close: () => {
        post({ type: 'close', id });
        this.legs.delete(id);
        this.endWhenIdle();
      },
    };
  }

  /**
   * No leg left: the worker ends a moment later (a re-tap or the next leg in that moment keeps it), so between
   * calls no thread, and no object a shift's leak count would see, is left behind.
   */
  private endWhenIdle(): void {
    if (this.legs.size > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.legs.size === 0) this.terminate();
    }, IDLE_END_MS);
  }

  /** Stops the worker (every stream with it). */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.legs.clear();
  }

  private start(): SpeechWorkerPort {
    clearTimeout(this.idleTimer);
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromSpeechWorker>) => this.handle(worker, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      this.failed(worker, event.message || 'it could not be loaded');
    };
    return worker;
  }

  private handle(worker: SpeechWorkerPort, message: FromSpeechWorker): void {
    switch (message.type) {
      case 'result': {
        const { result, speechEndAt } = message;
        return this.legs.get(message.id)?.listener.result(speechEndAt === undefined ? result : { ...result, speechEndAt });
      }
      case 'status':
        return this.legs.get(message.id)?.listener.status(message.status);
      case 'stopped':
        return this.legs.get(message.id)?.stopped?.();
      case 'endpoint?':
        return void this.endpoint().then((endpoint) => {
          if (this.worker === worker) worker.postMessage({ type: 'endpoint', request: message.request, endpoint } satisfies ToSpeechWorker);
        });
      case 'log':
        return log.warn(`speech worker: ${message.message}`);
    }
  }

  private async endpoint(): Promise<SpeechEndpoint> {
    try {
      return await this.host.speech.endpoint();
    } catch (error) {
      return { error: { code: 'failed', message: `speech endpoint: ${(error as Error).message}` } };
    }
  }

  /** The worker died or never loaded: every open leg hears why; the next call starts a fresh worker. */
  private failed(worker: SpeechWorkerPort, why: string): void {
    if (this.worker !== worker) return;
    worker.terminate();
    this.worker = null;
    const legs = [...this.legs.values()];
    this.legs.clear();
    for (const leg of legs) {
      leg.listener.status({ state: 'unavailable', reason: `the speech worker stopped: ${why}`, droppedMs: 0 });
      leg.stopped?.();
    }
  }
}
