/**
 * The page's side of the speech worker, against a fake worker: streams are opened there, a tap's port is
 * transferred to it, results (with the worker's end of speech) and statuses reach the right leg, the local
 * service's endpoint is fetched on the page for the worker, stop waits for the worker's word, and a worker that
 * fails makes every open leg unavailable with the reason, the next call getting a fresh worker.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SpeechEndpoint } from '@common/contract/speech-endpoint';
import type { StreamResult, StreamStatus } from '@renderer/features/assist/transcription/provider';
import { SpeechWorkerStreams, type SpeechWorkerPort } from '@renderer/features/assist/transcription/speech-worker';
import type { FromSpeechWorker, ToSpeechWorker } from '@renderer/features/assist/transcription/speech-worker-messages';

class FakeWorker implements SpeechWorkerPort {
  readonly posted: { message: ToSpeechWorker; transfer: Transferable[] }[] = [];
  terminated = false;
  onmessage: ((this: Worker, event: MessageEvent) => unknown) | null = null;
  onerror: ((this: AbstractWorker, event: ErrorEvent) => unknown) | null = null;
  postMessage(message: ToSpeechWorker, transfer?: Transferable[] | StructuredSerializeOptions): void {
    this.posted.push({ message, transfer: Array.isArray(transfer) ? transfer : (transfer?.transfer ?? []) });
  }
  terminate(): void {
    this.terminated = true;
  }
  say(message: FromSpeechWorker): void {
    this.onmessage?.call(this as unknown as Worker, { data: message } as MessageEvent);
  }
  fail(message: string): void {
    this.onerror?.call(this as unknown as Worker, { message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function harness(endpoint: () => Promise<SpeechEndpoint> = async () => ({ url: 'ws://127.0.0.1:4000/', token: 'a'.repeat(32) })) {
  const workers: FakeWorker[] = [];
  const streams = new SpeechWorkerStreams({ provider: 'local' }, { speech: { endpoint } }, () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  const heard: { results: StreamResult[]; statuses: StreamStatus[] } = { results: [], statuses: [] };
  const listener = { result: (r: StreamResult) => void heard.results.push(r), status: (s: StreamStatus) => void heard.statuses.push(s) };
  return { streams, workers, heard, listener };
}

const options = { leg: 'customer' as const, language: 'en-US', hints: [], keywords: [] };

describe('SpeechWorkerStreams', () => {
  it('opens the stream in the worker and transfers the tap’s port to it with the clock', () => {
    const { streams, workers, listener } = harness();
    const stream = streams.open(options, listener);
    const { port1 } = new MessageChannel();
    stream.attach(port1, { answeredAt: 12, pageTimeOrigin: 34 });
    const [worker] = workers;
    expect(worker?.posted.map((p) => p.message)).toEqual([
      { type: 'open', id: 1, server: { provider: 'local' }, options },
      { type: 'attach', id: 1, port: port1, clock: { answeredAt: 12, pageTimeOrigin: 34 } },
    ]);
    expect(worker?.posted[1]?.transfer).toEqual([port1]);
    port1.close();
  });

  it('passes each leg its own results, with the worker’s end of speech, and statuses', () => {
    const { streams, workers, listener, heard } = harness();
    streams.open(options, listener);
    const other = harness().listener;
    streams.open({ ...options, leg: 'agent' }, other);
    const worker = workers[0] as FakeWorker;
    const result: StreamResult = { kind: 'final', leg: 'customer', text: 'i lost my card', startMs: 100, endMs: 900 };
    worker.say({ type: 'result', id: 1, result, speechEndAt: 4321 });
    worker.say({ type: 'status', id: 1, status: { state: 'ready', engine: 'pocketsphinx', droppedMs: 0 } });
    expect(heard.results).toEqual([{ ...result, speechEndAt: 4321 }]);
    expect(heard.statuses).toEqual([{ state: 'ready', engine: 'pocketsphinx', droppedMs: 0 }]);
    expect(workers, 'one worker serves every leg').toHaveLength(1);
  });

  it('fetches the local service’s endpoint on the page when the worker asks', async () => {
    const { streams, workers, listener } = harness(async () => ({ error: { code: 'timeout', message: 'still loading the model' } }));
    streams.open(options, listener);
    const worker = workers[0] as FakeWorker;
    worker.say({ type: 'endpoint?', request: 7 });
    await expect.poll(() => worker.posted.at(-1)?.message).toEqual({ type: 'endpoint', request: 7, endpoint: { error: { code: 'timeout', message: 'still loading the model' } } });
  });

  it('stop resolves when the worker says the stream stopped', async () => {
    const { streams, workers, listener } = harness();
    const stream = streams.open(options, listener);
    let stopped = false;
    const stopping = stream.stop().then(() => (stopped = true));
    const worker = workers[0] as FakeWorker;
    expect(worker.posted.at(-1)?.message).toEqual({ type: 'stop', id: 1 });
    await Promise.resolve();
    expect(stopped).toBe(false);
    worker.say({ type: 'stopped', id: 1 });
    await stopping;
    expect(stopped).toBe(true);
  });

  it('ends the worker 2 s after its last leg stopped, unless a leg opens meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const { streams, workers, listener } = harness();
      const first = streams.open(options, listener);
      const stopping = first.stop();
      (workers[0] as FakeWorker).say({ type: 'stopped', id: 1 });
      await stopping;
      await vi.advanceTimersByTimeAsync(1000);
      const second = streams.open(options, listener);
      await vi.advanceTimersByTimeAsync(5000);
      expect(workers, 'a leg opened within 2 s keeps the worker').toHaveLength(1);
      expect(workers[0]?.terminated).toBe(false);
      second.close();
      await vi.advanceTimersByTimeAsync(1999);
      expect(workers[0]?.terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(workers[0]?.terminated, 'no leg for 2 s: the worker ends').toBe(true);
      streams.open(options, listener);
      expect(workers).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed worker makes open legs unavailable with the reason; the next call gets a fresh worker', async () => {
    const { streams, workers, listener, heard } = harness();
    const stream = streams.open(options, listener);
    const stopping = stream.stop();
    (workers[0] as FakeWorker).fail('SyntaxError: unexpected token');
    await stopping;
    expect(heard.statuses).toEqual([{ state: 'unavailable', reason: 'the speech worker stopped: SyntaxError: unexpected token', droppedMs: 0 }]);
    expect(workers[0]?.terminated).toBe(true);
    streams.open(options, listener);
    expect(workers).toHaveLength(2);
  });
});
