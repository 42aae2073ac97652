/**
 * Fakes for the page side of the recording tap: a worker the test answers for, and a stand-in for
 * RTCRtpScriptTransform (stub it with vi.stubGlobal before starting taps).
 */
import { EncodedTaps, type TapWorker } from '@renderer/features/recording/capture/encoded/encoded-taps';
import type { TapOptions, TapRequest, TapResponse } from '@renderer/features/recording/capture/encoded/tap-protocol';

/** A worker the test answers for. */
export class FakeWorker implements TapWorker {
  readonly posted: TapRequest[] = [];
  terminated = false;
  private readonly listeners: { type: string; listener: (event: never) => void }[] = [];

  postMessage(message: TapRequest): void {
    this.posted.push(message);
  }

  addEventListener(type: 'message' | 'error', listener: (event: never) => void): void {
    this.listeners.push({ type, listener });
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: TapResponse): void {
    for (const entry of this.listeners) if (entry.type === 'message') entry.listener({ data: message } as never);
  }

  fail(): void {
    for (const entry of this.listeners) if (entry.type === 'error') entry.listener(new Event('error') as never);
  }
}

/** Stands in for RTCRtpScriptTransform, remembering what it was made with. */
export class FakeTransform {
  constructor(
    readonly worker: unknown,
    readonly options: TapOptions,
  ) {}
}

/** Starts taps on a fake worker that says it is ready (RTCRtpScriptTransform must be stubbed). */
export async function startedTaps(): Promise<{ taps: EncodedTaps; worker: FakeWorker }> {
  const worker = new FakeWorker();
  const started = EncodedTaps.start(() => worker);
  worker.reply({ type: 'ready' });
  const taps = await started;
  if (!taps) throw new Error('taps did not start');
  return { taps, worker };
}
