/**
 * The stand-in for a failed recording tap: every frame goes on unchanged, nothing else happens here.
 * Chromium keeps a call's audio stopped at a transform whose worker died even after `transform = null`
 * (measured on Chromium 156: packets sent frozen), but a new transform on a live worker restarts it,
 * so the watchdog moves a failed call's sender and receiver onto this worker.
 */
/// <reference lib="webworker" />
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('rtctransform', (event: RTCTransformEvent) => {
  const { readable, writable } = event.transformer;
  void readable.pipeTo(writable);
});

scope.postMessage({ type: 'ready' });
