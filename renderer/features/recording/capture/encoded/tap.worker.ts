/**
 * The recording tap: every call's sender and receiver hand their encoded audio frames through here
 * (RTCRtpScriptTransform). Each frame goes on unchanged and at once; while the call is being recorded a
 * copy of its bytes goes to that call's CallMux, which turns both legs into Ogg Opus every FLUSH_MS.
 * Recording never touches the frame the call sends or plays, and a recording fault never stops a frame.
 */
/// <reference lib="webworker" />
import { CallMux, FLUSH_MS } from './call-mux';
import type { TapOptions, TapRequest, TapResponse } from './tap-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const recordings = new Map<string, { mux: CallMux; startedAt: number }>();
let timer: ReturnType<typeof setInterval> | undefined;
let serial = (Math.random() * 0xffffffff) >>> 0;

function post(message: TapResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function flush(callId: string, final: boolean): void {
  const recording = recordings.get(callId);
  const out = recording?.mux.flush(performance.now() - recording.startedAt, final);
  if (!out) return;
  const bytes = out.bytes.buffer as ArrayBuffer;
  post({ type: 'slice', callId, bytes, endMs: out.endMs }, [bytes]);
}

scope.addEventListener('message', (event: MessageEvent<TapRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    serial = (serial + 1) >>> 0;
    recordings.set(request.callId, { mux: new CallMux(serial), startedAt: performance.now() });
    timer ??= setInterval(() => {
      for (const callId of recordings.keys()) flush(callId, false);
    }, FLUSH_MS);
  } else if (request.type === 'pause') {
    recordings.get(request.callId)?.mux.setPaused(request.paused, request.atMs);
  } else {
    const recording = recordings.get(request.callId);
    flush(request.callId, true);
    recordings.delete(request.callId);
    if (recordings.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
    post({ type: 'stopped', callId: request.callId, stats: recording?.mux.stats ?? { placed: { customer: 0, agent: 0 }, late: 0, unsupported: 0 } });
  }
});

scope.addEventListener('rtctransform', (event: RTCTransformEvent) => {
  const { transformer } = event;
  const { callId, leg } = transformer.options as TapOptions;
  const tap = new TransformStream<RTCEncodedAudioFrame, RTCEncodedAudioFrame>({
    transform(frame, controller) {
      const recording = recordings.get(callId);
      if (recording) {
        try {
          const { mimeType = 'audio/opus', rtpTimestamp } = frame.getMetadata() as RTCEncodedAudioFrameMetadata & { mimeType?: string };
          recording.mux.frame(leg, mimeType, new Uint8Array(frame.data.slice(0)), rtpTimestamp ?? frame.timestamp, performance.now() - recording.startedAt);
        } catch {
          // A frame the recording cannot use becomes silence in the file; the call never notices.
        }
      }
      controller.enqueue(frame);
    },
  });
  void transformer.readable.pipeThrough(tap).pipeTo(transformer.writable);
});

post({ type: 'ready' });
