/**
 * The supervision mix (issue 20 §2): in every mode the lead hears customer and agent; the agent hears the
 * lead only in whisper and barge; the customer hears the lead only in barge; nobody hears themselves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerNeedsMix, routing, SupervisionMixer, type MixMode } from '@renderer/features/supervision/calls/supervision-mixer';
import { audibleSourcesOf, FakeStream, FakeTrack, fakeContext, stubMediaGlobals, type Node } from '../../../support/fake-web-audio';

const modes: MixMode[] = ['listen', 'whisper', 'barge'];

function setUp() {
  const { context, nodes } = fakeContext();
  const mixer = new SupervisionMixer(
    { customer: new FakeTrack('customer') as unknown as MediaStreamTrack, agent: new FakeTrack('agent') as unknown as MediaStreamTrack },
    () => context as unknown as AudioContext,
  );
  mixer.setLead(new FakeTrack('lead') as unknown as MediaStreamTrack);
  const output = (track: MediaStreamTrack) => nodes.find((n) => (n as Node & { stream?: FakeStream }).stream?.getAudioTracks()[0] === (track as unknown as FakeTrack)) as Node;
  const heard = () => ({
    lead: audibleSourcesOf(nodes, output(mixer.toLead)).sort(),
    agent: audibleSourcesOf(nodes, output(mixer.toAgent.getAudioTracks()[0] as MediaStreamTrack)).sort(),
    customer: audibleSourcesOf(nodes, output(mixer.toCustomer)).sort(),
  });
  return { mixer, context, heard };
}

describe('SupervisionMixer', () => {
  beforeEach(stubMediaGlobals);
  afterEach(() => vi.unstubAllGlobals());

  it('routes listen → whisper → barge → listen as the issue says', () => {
    const { mixer, heard } = setUp();
    expect(heard()).toEqual({ lead: ['agent', 'customer'], agent: [], customer: ['agent'] });
    mixer.setMode('whisper');
    expect(heard()).toEqual({ lead: ['agent', 'customer'], agent: ['lead'], customer: ['agent'] });
    mixer.setMode('barge');
    expect(heard()).toEqual({ lead: ['agent', 'customer'], agent: ['lead'], customer: ['agent', 'lead'] });
    mixer.setMode('listen');
    expect(heard()).toEqual({ lead: ['agent', 'customer'], agent: [], customer: ['agent'] });
  });

  it('never lets anyone hear themselves, nor the customer hear the lead outside barge', () => {
    for (const mode of modes) {
      const routes = routing(mode);
      expect(routes.toLead).not.toContain('lead');
      expect(routes.toAgent).not.toContain('agent');
      expect(routes.toCustomer).not.toContain('customer');
      expect(routes.toCustomer.includes('lead')).toBe(mode === 'barge');
      expect(customerNeedsMix(mode)).toBe(mode === 'barge');
    }
  });

  it('silences the agent in every output while the agent is muted, in every mode', () => {
    const { mixer, heard } = setUp();
    mixer.setMode('barge');
    mixer.setAgentMuted(true);
    expect(heard()).toEqual({ lead: ['customer'], agent: ['lead'], customer: ['lead'] });
    mixer.setMode('listen');
    expect(heard().lead).toEqual(['customer']);
    mixer.setAgentMuted(false);
    expect(heard().lead).toEqual(['agent', 'customer']);
  });

  it('follows a new lead track (the leg renegotiated) without losing the mode', () => {
    const { mixer, heard } = setUp();
    mixer.setMode('whisper');
    mixer.setLead(new FakeTrack('lead2') as unknown as MediaStreamTrack);
    expect(heard().agent).toEqual(['lead2']);
  });

  it('stop releases its tracks and context, not the input tracks', async () => {
    const { mixer, context } = setUp();
    const toLead = mixer.toLead as unknown as FakeTrack;
    await mixer.stop();
    expect(toLead.stop).toHaveBeenCalled();
    expect(context.close).toHaveBeenCalled();
  });
});
