import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConferenceMixer, INPUT_GAIN, type MixerLeg } from '@renderer/features/phone/sip/conference-mixer';
import { FakeStream, FakeTrack, fakeContext, sourcesOf, stubMediaGlobals, type Node } from '../../../support/fake-web-audio';

function leg(id: string) {
  const sent: FakeTrack[] = [new FakeTrack(`mic-${id}`)];
  return {
    id,
    remoteTrack: new FakeTrack(`remote-${id}`) as unknown as MediaStreamTrack,
    sent,
    setOutgoingTrack: vi.fn(async (track: MediaStreamTrack) => {
      const previous = sent.at(-1) ?? null;
      sent.push(track as unknown as FakeTrack);
      return previous as unknown as MediaStreamTrack;
    }),
  };
}

describe('ConferenceMixer', () => {
  beforeEach(stubMediaGlobals);
  afterEach(() => vi.unstubAllGlobals());

  async function started() {
    const { context, nodes } = fakeContext();
    const mixer = new ConferenceMixer(() => context as unknown as AudioContext);
    const a = leg('a');
    const b = leg('b');
    const mic = new FakeTrack('agent-mic');
    await mixer.start([a as MixerLeg, b as MixerLeg], mic as unknown as MediaStreamTrack);
    const outputs = nodes.filter((n) => n.label === 'destination') as (Node & { stream: FakeStream })[];
    return { mixer, context, nodes, a, b, mic, outputs };
  }

  it('sends each party the agent plus the other party, never themselves', async () => {
    const { nodes, a, b, outputs, context } = await started();
    expect(context.resume).toHaveBeenCalled();
    const toA = outputs.find((o) => o.stream.getAudioTracks()[0] === a.sent.at(-1));
    const toB = outputs.find((o) => o.stream.getAudioTracks()[0] === b.sent.at(-1));
    expect(toA && sourcesOf(nodes, toA).sort()).toEqual(['agent-mic', 'remote-b']);
    expect(toB && sourcesOf(nodes, toB).sort()).toEqual(['agent-mic', 'remote-a']);
  });

  it('scales every input so two voices cannot clip', async () => {
    const { nodes } = await started();
    const gains = nodes.filter((n) => n.label === 'gain') as (Node & { gain: { value: number } })[];
    expect(gains.length).toBe(3);
    expect(gains.every((g) => g.gain.value === INPUT_GAIN)).toBe(true);
    expect(INPUT_GAIN * 2).toBeLessThanOrEqual(1);
  });

  it('mutes the agent in the mix by gain, leaving the sent tracks enabled', async () => {
    const { mixer, nodes, a } = await started();
    mixer.setMicMuted(true);
    const micGain = nodes.find((n) => n.label === 'gain' && [...nodes].some((s) => s.label === 'source:agent-mic' && s.outputs.has(n))) as Node & {
      gain: { value: number };
    };
    expect(micGain.gain.value).toBe(0);
    expect(a.sent.at(-1)?.enabled).toBe(true);
    mixer.setMicMuted(false);
    expect(micGain.gain.value).toBe(INPUT_GAIN);
  });

  it('stop() puts the survivor’s own microphone back and releases everything it made', async () => {
    const { mixer, a, b, mic, context, nodes, outputs } = await started();
    const restored = await mixer.stop(['a']);
    expect(a.sent.at(-1)?.label).toBe('mic-a');
    expect(restored.get('a')).toBe(a.sent.at(-1));
    // The dropped leg's original microphone is stopped, not restored.
    expect(b.sent.at(-1)?.label).not.toBe('mic-b');
    expect(b.sent[0]?.stop).toHaveBeenCalled();
    expect(mic.stop).toHaveBeenCalled();
    for (const output of outputs) expect(output.stream.getAudioTracks()[0]?.stop).toHaveBeenCalled();
    expect(nodes.every((n) => n.outputs.size === 0)).toBe(true);
    expect(context.close).toHaveBeenCalled();
    expect(await mixer.stop(['a'])).toEqual(new Map());
  });

  it('stop() stops a survivor’s own microphone when its call ended meanwhile (replaceTrack fails on a closed connection)', async () => {
    const { mixer, a, b } = await started();
    a.setOutgoingTrack.mockRejectedValueOnce(new DOMException('The RTCPeerConnection is closed', 'InvalidStateError'));
    const restored = await mixer.stop(['a', 'b']);
    expect(restored.has('a')).toBe(false);
    expect(a.sent[0]?.stop).toHaveBeenCalled();
    expect(restored.get('b')?.label).toBe('mic-b');
    expect(b.sent[0]?.stop).not.toHaveBeenCalled();
  });

  it('a new microphone replaces the old one in the mix', async () => {
    const { mixer, nodes, mic, outputs } = await started();
    const headset = new FakeTrack('headset');
    mixer.setMicrophone(headset as unknown as MediaStreamTrack);
    expect(mic.stop).toHaveBeenCalled();
    expect(sourcesOf(nodes, outputs[0] as Node)).toContain('headset');
    expect(sourcesOf(nodes, outputs[0] as Node)).not.toContain('agent-mic');
  });
});
