/**
 * One call's transcription with fake tracks, taps and provider: both legs stream for the whole call, the
 * right track feeds the right leg, a changed track (hot-plug, conference) is re-tapped, times count from the
 * answer, and an audio failure becomes "unavailable" instead of an exception.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallTranscription, FINAL_MEASURE, type CallTranscriptionDeps } from '@renderer/features/assist/transcription/call-transcription';
import type { FrameClock } from '@renderer/features/assist/transcription/frame-feed';
import type { Leg, LegStreams, StreamListener, StreamOptions } from '@renderer/features/assist/transcription/provider';
import type { TranscriptEvent, TranscriptionStatus } from '@renderer/features/assist/transcription/transcript-events';

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  constructor(readonly id: string) {}
}
const track = (id: string) => new FakeTrack(id) as unknown as MediaStreamTrack;

function harness(overrides: Partial<CallTranscriptionDeps> = {}) {
  const opened: { options: StreamOptions; listener: StreamListener; attached: [MessagePort, FrameClock][]; stopped: boolean }[] = [];
  const provider: LegStreams = {
    name: 'local',
    open(options, listener) {
      const stream = { options, listener, attached: [] as [MessagePort, FrameClock][], stopped: false };
      opened.push(stream);
      return {
        attach: (port, clock) => void stream.attached.push([port, clock]),
        stop: async () => void (stream.stopped = true),
        close: () => void (stream.stopped = true),
      };
    },
  };
  const taps: { track: MediaStreamTrack; leg: Leg; port: MessagePort; stopped: boolean }[] = [];
  let audio: { remote: MediaStreamTrack | null; local: MediaStreamTrack | null } = { remote: track('r1'), local: track('m1') };
  const transcripts: TranscriptEvent[] = [];
  const statuses: TranscriptionStatus[] = [];
  const session = new CallTranscription({
    callId: 'c1',
    answeredAt: 1000,
    tracks: () => audio,
    provider,
    language: 'en-US',
    hints: ['lost card'],
    keywords: [],
    prepare: async () => undefined,
    tap: (t, leg) => {
      const tap = { track: t, leg, port: new MessageChannel().port2, stopped: false };
      taps.push(tap);
      return { track: t, port: tap.port, stop: () => void (tap.stopped = true) };
    },
    publish: { transcript: (e) => transcripts.push(e), keyword: () => undefined, status: (s) => statuses.push(s) },
    recheckMs: 10,
    ...overrides,
  });
  return { session, opened, taps, transcripts, statuses, setAudio: (next: typeof audio) => (audio = next) };
}

afterEach(() => vi.useRealTimers());

describe('CallTranscription', () => {
  it('opens one stream per leg with the call’s language and hints, and taps customer = remote, agent = local', async () => {
    const { session, opened, taps } = harness();
    await session.start();
    expect(opened.map((o) => o.options)).toEqual([
      { leg: 'customer', language: 'en-US', hints: ['lost card'], keywords: [] },
      { leg: 'agent', language: 'en-US', hints: ['lost card'], keywords: [] },
    ]);
    expect(taps.map((t) => [t.leg, (t.track as unknown as FakeTrack).id])).toEqual([
      ['customer', 'r1'],
      ['agent', 'm1'],
    ]);
    await session.stop();
    expect(opened.every((o) => o.stopped)).toBe(true);
    expect(taps.every((t) => t.stopped)).toBe(true);
  });

  it('hands each leg’s tap port to its own stream, on the answer’s clock', async () => {
    const { session, opened, taps } = harness();
    await session.start();
    const clock = { answeredAt: 1000, pageTimeOrigin: performance.timeOrigin };
    expect(opened[0]?.attached).toEqual([[taps[0]?.port, clock]]);
    expect(opened[1]?.attached).toEqual([[taps[1]?.port, clock]]);
    await session.stop();
  });

  it('re-taps a leg whose track changed or ended, without reopening its stream', async () => {
    const { session, opened, taps, setAudio } = harness();
    await session.start();
    const microphone = track('m2');
    setAudio({ remote: taps[0]?.track ?? null, local: microphone });
    await vi.waitFor(() => expect(taps).toHaveLength(3));
    expect(taps[1]?.stopped, 'the unplugged microphone’s tap').toBe(true);
    expect(taps[2]).toMatchObject({ leg: 'agent', track: microphone, stopped: false });
    expect(opened[1]?.attached.map(([port]) => port), 'the new tap feeds the same stream').toEqual([taps[1]?.port, taps[2]?.port]);
    (microphone as unknown as FakeTrack).readyState = 'ended';
    await vi.waitFor(() => expect(taps[2]?.stopped).toBe(true));
    expect(opened).toHaveLength(2);
    await session.stop();
  });

  it('publishes partials and finals with the leg, and measures end of speech → final', async () => {
    const { session, opened, transcripts } = harness();
    await session.start();
    const speechEndAt = performance.now() - 580;
    opened[0]?.listener.result({ kind: 'partial', leg: 'customer', text: 'i lost', startMs: 100.4, endMs: 700, speechEndAt });
    opened[0]?.listener.result({ kind: 'final', leg: 'customer', text: 'i lost my card', startMs: 100.4, endMs: 1200.6, speechEndAt });
    expect(transcripts.map(({ callId, leg, text, final, startMs, endMs }) => ({ callId, leg, text, final, startMs, endMs }))).toEqual([
      { callId: 'c1', leg: 'customer', text: 'i lost', final: false, startMs: 100, endMs: 700 },
      { callId: 'c1', leg: 'customer', text: 'i lost my card', final: true, startMs: 100, endMs: 1201 },
    ]);
    const final = transcripts[1] as TranscriptEvent;
    expect(final.receivedAt - (final.speechEndAt ?? 0)).toBeGreaterThanOrEqual(580);
    const measure = performance.getEntriesByName(FINAL_MEASURE).at(-1);
    expect(measure?.duration).toBeCloseTo(final.receivedAt - (final.speechEndAt ?? 0), 3);
    await session.stop();
  });

  it('reports both legs unavailable, with the reason, when call audio cannot be tapped', async () => {
    const { session, statuses, opened, taps } = harness({ prepare: async () => Promise.reject(new Error('AudioWorklet failed to load')) });
    await session.start();
    expect(statuses.filter((s) => s.state === 'unavailable')).toEqual([
      { callId: 'c1', leg: 'customer', state: 'unavailable', reason: 'call audio cannot be tapped: AudioWorklet failed to load', droppedMs: 0 },
      { callId: 'c1', leg: 'agent', state: 'unavailable', reason: 'call audio cannot be tapped: AudioWorklet failed to load', droppedMs: 0 },
    ]);
    expect(opened.every((o) => o.stopped)).toBe(true);
    expect(taps).toEqual([]);
    await session.stop();
  });

  it('passes the provider’s status on with the call and leg', async () => {
    const { session, opened, statuses } = harness();
    await session.start();
    opened[1]?.listener.status({ state: 'ready', engine: 'pocketsphinx', droppedMs: 0 });
    expect(statuses.at(-1)).toEqual({ callId: 'c1', leg: 'agent', state: 'ready', engine: 'pocketsphinx', droppedMs: 0 });
    await session.stop();
  });
});
