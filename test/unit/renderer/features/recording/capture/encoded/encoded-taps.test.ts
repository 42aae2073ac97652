import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EncodedTaps } from '@renderer/features/recording/capture/encoded/encoded-taps';
import type { TapResponse } from '@renderer/features/recording/capture/encoded/tap-protocol';
import { FakeTransform, FakeWorker, startedTaps } from './fake-tap-worker';

type Codec = Pick<RTCRtpCodecParameters, 'mimeType'>;

function transceiver(sendCodecs: string[] = ['audio/opus'], receiveCodecs: string[] = ['audio/opus']) {
  const codecs = (types: string[]): Codec[] => types.map((mimeType) => ({ mimeType }));
  const fake = {
    sender: { transform: null as unknown, getParameters: () => ({ codecs: codecs(sendCodecs) }) },
    receiver: { transform: null as unknown, getParameters: () => ({ codecs: codecs(receiveCodecs) }) },
  };
  return { fake, real: fake as unknown as RTCRtpTransceiver };
}

const slice = (callId: string, endMs: number): TapResponse => ({ type: 'slice', callId, bytes: new ArrayBuffer(4), endMs });

describe('EncodedTaps.start', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('null where the runtime has no RTCRtpScriptTransform, without creating a worker', async () => {
    vi.stubGlobal('RTCRtpScriptTransform', undefined);
    const create = vi.fn(() => new FakeWorker());
    expect(await EncodedTaps.start(create)).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  describe('with RTCRtpScriptTransform', () => {
    beforeEach(() => vi.stubGlobal('RTCRtpScriptTransform', FakeTransform));

    it('null when the worker cannot be created', async () => {
      expect(
        await EncodedTaps.start(() => {
          throw new Error('worker blocked by CSP');
        }),
      ).toBeNull();
    });

    it('null when the worker fails before it is ready', async () => {
      const worker = new FakeWorker();
      const started = EncodedTaps.start(() => worker);
      worker.fail();
      expect(await started).toBeNull();
    });

    it('null when the worker never says ready within 5 s, and not before', async () => {
      vi.useFakeTimers();
      const worker = new FakeWorker();
      let result: EncodedTaps | null | 'pending' = 'pending';
      void EncodedTaps.start(() => worker).then((taps) => (result = taps));
      await vi.advanceTimersByTimeAsync(4999);
      expect(result).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(result).toBeNull();
      worker.reply({ type: 'ready' }); // too late
      await vi.advanceTimersByTimeAsync(0);
      expect(result).toBeNull();
    });

    it('the taps once the worker says ready', async () => {
      const { taps, worker } = await startedTaps();
      expect(taps.worker).toBe(worker);
    });
  });
});

describe('EncodedTaps', () => {
  beforeEach(() => vi.stubGlobal('RTCRtpScriptTransform', FakeTransform));
  afterEach(() => vi.unstubAllGlobals());

  it('tap: the receiver carries the customer, the sender the agent, both on the one worker', async () => {
    const { taps, worker } = await startedTaps();
    const { fake, real } = transceiver();
    taps.tap('call-1', real);
    expect(fake.receiver.transform).toBeInstanceOf(FakeTransform);
    expect(fake.receiver.transform).toMatchObject({ worker, options: { callId: 'call-1', leg: 'customer' } });
    expect(fake.sender.transform).toMatchObject({ worker, options: { callId: 'call-1', leg: 'agent' } });
  });

  it('tap: a call is tapped once', async () => {
    const { taps } = await startedTaps();
    const first = transceiver();
    const second = transceiver();
    taps.tap('call-1', first.real);
    taps.tap('call-1', second.real);
    expect(second.fake.receiver.transform).toBeNull();
    expect(second.fake.sender.transform).toBeNull();
  });

  it('canRecord: only tapped calls whose both directions negotiated Opus (plain or in RED) first', async () => {
    const { taps } = await startedTaps();
    const cases: [string, string[], string[], boolean][] = [
      ['opus', ['audio/opus'], ['audio/opus'], true],
      ['red', ['audio/red', 'audio/opus'], ['audio/red', 'audio/opus'], true],
      ['upper case', ['audio/OPUS'], ['audio/opus'], true],
      ['pcmu sent', ['audio/PCMU', 'audio/opus'], ['audio/opus'], false],
      ['pcmu received', ['audio/opus'], ['audio/PCMU'], false],
      ['g722', ['audio/G722'], ['audio/G722'], false],
      ['nothing negotiated', [], [], false],
    ];
    for (const [callId, send, receive, expected] of cases) {
      taps.tap(callId, transceiver(send, receive).real);
      expect(taps.canRecord(callId), callId).toBe(expected);
    }
    expect(taps.canRecord('never-tapped')).toBe(false);
  });

  it('a worker error after start: no new taps, nothing recordable from frames', async () => {
    const { taps, worker } = await startedTaps();
    taps.tap('before', transceiver().real);
    worker.fail();
    const after = transceiver();
    taps.tap('after', after.real);
    expect(after.fake.receiver.transform).toBeNull();
    expect(taps.canRecord('before')).toBe(false);
    expect(taps.canRecord('after')).toBe(false);
  });

  it("routes each call's worker messages to that call's listener only", async () => {
    const { taps, worker } = await startedTaps();
    const a: TapResponse[] = [];
    const b: TapResponse[] = [];
    taps.listen('a', (m) => a.push(m));
    taps.listen('b', (m) => b.push(m));
    worker.reply(slice('a', 800));
    worker.reply(slice('b', 1800));
    worker.reply(slice('nobody', 800));
    const stopped: TapResponse = { type: 'stopped', callId: 'a', stats: { placed: { customer: 1, agent: 2 }, late: 0, unsupported: 0 } };
    worker.reply(stopped);
    expect(a).toEqual([slice('a', 800), stopped]);
    expect(b).toEqual([slice('b', 1800)]);
  });

  it('release forgets the call: no messages, not recordable', async () => {
    const { taps, worker } = await startedTaps();
    const heard = vi.fn();
    taps.tap('a', transceiver().real);
    taps.listen('a', heard);
    taps.release('a');
    worker.reply(slice('a', 800));
    expect(heard).not.toHaveBeenCalled();
    expect(taps.canRecord('a')).toBe(false);
  });

  it('send posts the request to the worker', async () => {
    const { taps, worker } = await startedTaps();
    taps.send({ type: 'pause', callId: 'a', paused: true, atMs: 1234 });
    expect(worker.posted).toEqual([{ type: 'pause', callId: 'a', paused: true, atMs: 1234 }]);
  });
});

describe('EncodedTaps watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    vi.stubGlobal('RTCRtpScriptTransform', FakeTransform);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** A transceiver whose getStats counts a packet and 20 ms of microphone audio every 20 ms of fake time. */
  function flowing() {
    const { fake, real } = transceiver();
    const elapsed = () => performance.now();
    Object.assign(fake, { currentDirection: 'sendrecv' });
    Object.assign(fake.receiver, { getStats: () => Promise.resolve(new Map([['in', { type: 'inbound-rtp', packetsReceived: Math.floor(elapsed() / 20) }]])) });
    Object.assign(fake.sender, { getStats: () => Promise.resolve(new Map([['mic', { type: 'media-source', totalSamplesDuration: elapsed() / 1000 }]])) });
    return { fake, real };
  }

  /** Started taps whose stand-in is a marker object, to see where a failed call's transforms went. */
  async function tapsWithStandIn() {
    const standIn = { name: 'stand-in' } as unknown as Worker;
    const worker = new FakeWorker();
    const started = EncodedTaps.start(() => worker, () => standIn);
    worker.reply({ type: 'ready' });
    const taps = await started;
    if (!taps) throw new Error('taps did not start');
    return { taps, worker, standIn };
  }

  it("a worker that goes quiet while RTP flows: within 500 ms the call's audio moves to the stand-in, once, no later call is tapped, and the worker ends", async () => {
    const { taps, worker, standIn } = await tapsWithStandIn();
    const failures: unknown[] = [];
    taps.onFailover((failure) => failures.push(failure));
    const call = flowing();
    taps.tap('call-1', call.real);
    for (let frames = 1; frames <= 40; frames++) {
      await vi.advanceTimersByTimeAsync(50);
      worker.reply({ type: 'frames', counts: { 'call-1': { customer: frames * 2, agent: frames * 2 } } });
    }
    expect(failures).toEqual([]);
    expect(call.fake.sender.transform).toMatchObject({ worker });

    await vi.advanceTimersByTimeAsync(500); // the worker died: no more heartbeats
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ callId: 'call-1' });
    expect(call.fake.receiver.transform).toMatchObject({ worker: standIn, options: { callId: 'call-1', leg: 'customer' } });
    expect(call.fake.sender.transform).toMatchObject({ worker: standIn, options: { callId: 'call-1', leg: 'agent' } });
    expect(taps.canRecord('call-1')).toBe(false);
    expect(worker.terminated, 'no call passes through the distrusted worker any more').toBe(true);

    await vi.advanceTimersByTimeAsync(2000);
    expect(failures).toHaveLength(1);
    const later = flowing();
    taps.tap('call-2', later.real);
    expect(later.fake.sender.transform).toBeNull();
  });

  it('a distrusted worker still carrying another call ends when that call is released, not before', async () => {
    const { taps, worker } = await tapsWithStandIn();
    taps.tap('stalled', flowing().real);
    taps.tap('other', flowing().real);
    // Only the stalled call's frames stop: the other call still passes through the worker.
    for (let beat = 1; beat <= 20; beat++) {
      await vi.advanceTimersByTimeAsync(50);
      worker.reply({ type: 'frames', counts: { stalled: { customer: Math.min(beat, 5), agent: Math.min(beat, 5) }, other: { customer: beat * 2, agent: beat * 2 } } });
    }
    expect(taps.canRecord('stalled')).toBe(false);
    expect(worker.terminated).toBe(false);
    taps.release('other');
    expect(worker.terminated).toBe(true);
  });

  it('release stops the worker counting a call and ends the watch', async () => {
    const { taps, worker } = await startedTaps();
    taps.tap('call-1', flowing().real);
    taps.release('call-1');
    expect(worker.posted).toEqual([{ type: 'release', callId: 'call-1' }]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
