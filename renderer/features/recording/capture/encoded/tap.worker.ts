/**
 * The recording tap: every call's sender and receiver hand their encoded audio frames through here
 * (RTCRtpScriptTransform). Each frame is copied and passed on at once, before anything else happens
 * to it; only then does the copy go to that call's CallMux (while the call is being recorded), which
 * turns both legs into Ogg Opus every FLUSH_MS. Recording never touches the frame the call sends or
 * plays, and a recording fault never stops a frame. The frame counts go to the page every
 * FRAMES_EVERY_MS: its watchdog takes the taps off a call whose frames stop while its RTP flows.
 */
/// <reference lib="webworker" />
import { CallMux, FLUSH_MS } from './call-mux';
import { FRAMES_EVERY_MS, type LegCounts, type TapOptions, type TapRequest, type TapResponse } from './tap-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const recordings = new Map<string, { mux: CallMux; startedAt: number }>();
/** Frames passed on per tapped call (recorded or not), for the page's watchdog. */
const counts = new Map<string, LegCounts>();
let timer: ReturnType<typeof setInterval> | undefined;
let serial = (Math.random() * 0xffffffff) >>> 0;

function post(message: TapResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function flush(callId: string, final: boolean): void {
  const recording = recordings.get(callId);
  if (!recording) return;
  const nowMs = performance.now() - recording.startedAt;
  const out = recording.mux.flush(nowMs, final);
  const tail = final ? null : recording.mux.tail(nowMs);
  const provisional = tail && { bytes: tail.bytes.buffer as ArrayBuffer, endMs: tail.endMs, withheldFromMs: tail.withheldFromMs };
  const transfer = provisional ? [provisional.bytes] : [];
  if (out) {
    const bytes = out.bytes.buffer as ArrayBuffer;
    post({ type: 'slice', callId, bytes, endMs: out.endMs, ...(provisional ? { tail: provisional } : {}) }, [bytes, ...transfer]);
  } else if (provisional) {
    // Nothing left the delay line yet (the call's first pciDelayMs), but a crash now must still keep this.
    post({ type: 'tail', callId, tail: provisional }, transfer);
  }
}

scope.addEventListener('message', (event: MessageEvent<TapRequest>) => {
  const request = event.data;
  if (request.type === 'start') {
    serial = (serial + 1) >>> 0;
    recordings.set(request.callId, { mux: new CallMux(serial, request.delayMs), startedAt: performance.now() });
    timer ??= setInterval(() => {
      for (const callId of recordings.keys()) flush(callId, false);
    }, FLUSH_MS);
  } else if (request.type === 'pause') {
    recordings.get(request.callId)?.mux.setPaused(request.paused, request.atMs);
  } else if (request.type === 'release') {
    counts.delete(request.callId);
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

/** Hands a copied frame to the call's recording, if it is being recorded; never throws. */
function record(callId: string, leg: TapOptions['leg'], data: ArrayBuffer, metadata: RTCEncodedAudioFrameMetadata, timestamp: number): void {
  const recording = recordings.get(callId);
  if (!recording) return;
  try {
    const { mimeType = 'audio/opus', rtpTimestamp } = metadata as RTCEncodedAudioFrameMetadata & { mimeType?: string };
    recording.mux.frame(leg, mimeType, new Uint8Array(data), rtpTimestamp ?? timestamp, performance.now() - recording.startedAt);
  } catch {
    // A frame the recording cannot use becomes silence in the file; the call never notices.
  }
}

scope.addEventListener('rtctransform', (event: RTCTransformEvent) => {
  const { transformer } = event;
  const { callId, leg } = transformer.options as TapOptions;
  const legCounts = counts.get(callId) ?? { customer: 0, agent: 0 };
  counts.set(callId, legCounts);
  const tap = new TransformStream<RTCEncodedAudioFrame, RTCEncodedAudioFrame>({
    transform(frame, controller) {
      if (!recordings.has(callId)) {
        controller.enqueue(frame);
        legCounts[leg]++;
        return;
      }
      const copy = frame.data.slice(0);
      const metadata = frame.getMetadata();
      const { timestamp } = frame;
      controller.enqueue(frame);
      legCounts[leg]++;
      record(callId, leg, copy, metadata, timestamp);
    },
  });
  void transformer.readable.pipeThrough(tap).pipeTo(transformer.writable);
});

setInterval(() => {
  if (counts.size > 0) post({ type: 'frames', counts: Object.fromEntries(counts) });
}, FRAMES_EVERY_MS);

post({ type: 'ready' });
