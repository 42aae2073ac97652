/**
 * The short shift (issue 25 §2) in CI: 20 back-to-back calls through Kamailio with recording and transcription
 * on — incoming and outgoing, hold/resume, DTMF, a blind transfer at call 10, a conference at call 20, wrap-up
 * after each — and nothing may fail or pile up. The full 500-call run is `npm run soak` (README "Reliability").
 */
import { SHORT_MIX } from '../soak/calls';
import { runShift } from '../soak/shift';
import { expect, test } from './fixtures/app';

const CALLS = 20;

test('a short shift: 20 calls, none failed, no media object left behind, the heap stays flat, recordings uploaded and deleted', async ({ sip, peerServer }) => {
  test.setTimeout(420_000);
  const report = await runShift({ sip, peerUrl: peerServer.url, calls: CALLS, mix: SHORT_MIX, log: (message) => console.log(message) });
  test.info().annotations.push({ type: 'soak', description: JSON.stringify({ ...report, objectsAfterEachCall: undefined }) });

  expect(report.failures, 'failed calls').toEqual([]);
  const left = `alive at the end: ${JSON.stringify(report.objectsAtEnd)}, idle: ${JSON.stringify(report.objectsIdle)}; tracks: ${report.tracksAtEnd.join(', ')}`;
  expect(report.leakedObjects.RTCPeerConnection, left).toBe(0);
  expect(report.leakedObjects.MediaStreamTrack, left).toBe(0);
  // At most one each, made once: when a starved machine stalls the recording tap, the call moves to the tap's
  // pass-through worker and the recording to the WebAudio recorder's context, both kept (renderer/features/recording).
  expect(report.leakedObjects.Worker, left).toBeLessThanOrEqual(1);
  expect(report.leakedObjects.AudioContext, left).toBeLessThanOrEqual(1);
  // An ended call's RTCPeerConnection object lingers until JsSIP's Timer M runs out (32 s: how many depends on the
  // machine's pace, so it is not counted here); it must be closed the moment its call ends, and gone by the end (above).
  expect(report.openPeerConnectionsPeak, 'peer connections still open right after a call').toBe(0);
  expect(report.heap.growthMb, `heap ${report.heap.atReferenceMb} MB at call ${report.heap.referenceCall} → ${report.heap.atEndMb} MB`).toBeLessThan(2);
  expect(report.storage.uploaded, 'every recording acknowledged by the store').toBe(report.storage.recordings);
  expect(report.storage.recordings).toBeGreaterThanOrEqual(CALLS);
  expect(report.answerToAudioMs.n).toBeGreaterThanOrEqual(10);
  expect(report.answerToAudioMs.p95).toBeLessThan(1500);
});
