/**
 * The bench's `soak` group: a shift of back-to-back calls (test/soak/shift.ts; 25 by default, 500 with
 * `npm run soak`). The full report goes to test/.run/soak-<calls>.json; the bench keeps the headline figures.
 */
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { SHIFT_MIX, SHORT_MIX } from '../soak/calls';
import { runShift } from '../soak/shift';
import { value, type Value } from './stats';

export async function measureSoak(options: { sip: Kamailio; peerUrl: string; calls: number; log: (message: string) => void }): Promise<Record<string, Value>> {
  // A short run gets the CI mix (a transfer and a conference in 20 calls); the full shift issue 25's.
  // The full shift kills the recording tap worker halfway (as a crash would): its second half soaks the WebAudio
  // recorder, the path of every G.711 call and of every call after a tap failure.
  const full = options.calls >= 50;
  const report = await runShift({ ...options, mix: full ? SHIFT_MIX : SHORT_MIX, ...(full ? { killTapBefore: Math.floor(options.calls / 2) + 1 } : {}) });
  const leakedTotal = Object.values(report.leakedObjects).reduce((sum, n) => sum + n, 0);
  return {
    'soak.heap_growth_mb': value(
      report.heap.growthMb,
      `renderer JS heap after a forced GC (HeapProfiler.collectGarbage), call ${report.heap.referenceCall} → call ${report.calls}, ${report.calls} calls with recording + transcription`,
    ),
    'soak.failed_calls': value(report.failedCalls, `calls of ${report.calls} that failed a step (set-up, tones both ways, hold/resume, DTMF, transfer/conference, wrap-up)`),
    'soak.leaked_objects': value(leakedTotal, 'RTCPeerConnection + AudioContext + MediaStreamTrack + Worker alive at the end above the idle count (CDP queryObjects), 45 s after the last call'),
    'soak.answer_to_audio_p95_ms': value(report.answerToAudioMs.p95, `real click on Answer → customer tone at the agent, p95 of ${report.answerToAudioMs.n} incoming calls`),
    'soak.tap_failovers': value(report.tapFailovers.length, `recording taps the watchdog took off${report.tapFailovers.length ? ` (calls ${report.tapFailovers.map((f) => f.call).join(', ')}; later calls recorded through WebAudio)` : ''}`),
    'soak.indexeddb_mb': value(report.storage.indexedDbMb ?? report.storage.usageMb, 'navigator.storage.estimate() IndexedDB usage at the end, every recording acknowledged by the store and deleted locally'),
  };
}
