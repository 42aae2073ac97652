/**
 * The agent's WebAudio graph while a lead supervises (issue 20 §2). Three sources: the customer (the
 * customer call's receiver track), the agent's microphone, the lead (the supervision leg's receiver track).
 * Three outputs: what the supervision leg sends the lead, what the agent hears of the lead, and in barge
 * what the customer call sends. Which source feeds which output is `routing(mode)`; nobody ever hears
 * their own audio. The customer leg is not touched in listen and whisper (it keeps the raw microphone
 * track: no added delay); only barge puts `toCustomer` on it, and the caller puts the raw track back.
 * Pitfalls as in the phone's conference mixer: a remote WebRTC track feeds WebAudio only while it plays in
 * an element (muted is enough), and summed inputs are scaled by INPUT_GAIN so two tones do not clip.
 */
import type { SupervisionWireMode } from '@common/supervision/supervision-protocol';

export type MixMode = Exclude<SupervisionWireMode, 'takeover'>;
export type MixSource = 'customer' | 'agent' | 'lead';
export type MixOutput = 'toLead' | 'toAgent' | 'toCustomer';

/** Two sources per output at 0.5 keep two full-scale-ish voices below clipping. */
export const INPUT_GAIN = 0.5;

const SOURCES: readonly MixSource[] = ['customer', 'agent', 'lead'];
const OUTPUTS: readonly MixOutput[] = ['toLead', 'toAgent', 'toCustomer'];

/**
 * Who hears whom: listen — the lead hears customer and agent, nobody hears the lead; whisper — the agent
 * also hears the lead; barge — the customer also hears the lead (and the agent, through the mix).
 */
export function routing(mode: MixMode): Record<MixOutput, readonly MixSource[]> {
  switch (mode) {
    case 'listen':
      return { toLead: ['customer', 'agent'], toAgent: [], toCustomer: ['agent'] };
    case 'whisper':
      return { toLead: ['customer', 'agent'], toAgent: ['lead'], toCustomer: ['agent'] };
    case 'barge':
      return { toLead: ['customer', 'agent'], toAgent: ['lead'], toCustomer: ['agent', 'lead'] };
  }
}

/** Whether the customer call must carry the mixed track (else its own raw microphone track). */
export function customerNeedsMix(mode: MixMode): boolean {
  return routing(mode).toCustomer.includes('lead');
}

export interface MixerInputs {
  customer: MediaStreamTrack;
  agent: MediaStreamTrack;
}

export class SupervisionMixer {
  private readonly context: AudioContext;
  private readonly outputs: Record<MixOutput, MediaStreamAudioDestinationNode>;
  /** gains[source][output]: the one switch between a source and an output. */
  private readonly gains = new Map<MixSource, Map<MixOutput, GainNode>>();
  private readonly sources = new Map<MixSource, { node: MediaStreamAudioSourceNode; element?: HTMLAudioElement }>();
  private modeNow: MixMode = 'listen';
  private agentMuted = false;

  constructor(inputs: MixerInputs, createContext: () => AudioContext = () => new AudioContext()) {
    this.context = createContext();
    void this.context.resume().catch(() => undefined);
    this.outputs = {
      toLead: this.destination(),
      toAgent: this.destination(),
      toCustomer: this.destination(),
    };
    for (const source of SOURCES) {
      const row = new Map<MixOutput, GainNode>();
      for (const output of OUTPUTS) {
        const gain = this.context.createGain();
        gain.gain.value = 0;
        gain.connect(this.outputs[output]);
        row.set(output, gain);
      }
      this.gains.set(source, row);
    }
    this.setSource('customer', inputs.customer, true);
    this.setSource('agent', inputs.agent, false);
    this.apply();
  }

  get mode(): MixMode {
    return this.modeNow;
  }

  /** The supervision leg's outgoing track. */
  get toLead(): MediaStreamTrack {
    return this.track('toLead');
  }

  /** What the agent hears of the lead (silent in listen). */
  get toAgent(): MediaStream {
    return this.outputs.toAgent.stream;
  }

  /** The customer call's outgoing track in barge. */
  get toCustomer(): MediaStreamTrack {
    return this.track('toCustomer');
  }

  /** The lead's audio, once the supervision leg's receiver has it. */
  setLead(track: MediaStreamTrack): void {
    this.setSource('lead', track, true);
  }

  /** The agent's microphone changed (device change): the mix follows. */
  setAgent(track: MediaStreamTrack): void {
    this.setSource('agent', track, false);
  }

  setMode(mode: MixMode): void {
    this.modeNow = mode;
    this.apply();
  }

  /**
   * The agent muted the customer call: nobody hears the agent through the mix either (the microphone feeds
   * the mix directly, so the sender's disabled track does not silence it here).
   */
  setAgentMuted(muted: boolean): void {
    this.agentMuted = muted;
    this.apply();
  }

  /** The gain each source has on each output now (for the log and the tests). */
  levels(): Record<MixOutput, Partial<Record<MixSource, number>>> {
    const result = { toLead: {}, toAgent: {}, toCustomer: {} } as Record<MixOutput, Partial<Record<MixSource, number>>>;
    for (const [source, row] of this.gains) for (const [output, gain] of row) if (gain.gain.value > 0) result[output][source] = gain.gain.value;
    return result;
  }

  /** Releases everything the mixer created; the input tracks stay their owners'. */
  async stop(): Promise<void> {
    for (const { node, element } of this.sources.values()) {
      node.disconnect();
      if (element) {
        element.pause();
        element.srcObject = null;
      }
    }
    this.sources.clear();
    for (const row of this.gains.values()) for (const gain of row.values()) gain.disconnect();
    for (const output of OUTPUTS) for (const track of this.outputs[output].stream.getTracks()) track.stop();
    await this.context.close().catch(() => undefined);
  }

  private destination(): MediaStreamAudioDestinationNode {
    const node = this.context.createMediaStreamDestination();
    node.channelCount = 1;
    return node;
  }

  private track(output: MixOutput): MediaStreamTrack {
    const [track] = this.outputs[output].stream.getAudioTracks();
    if (!track) throw new Error(`supervision mixer: no ${output} track`);
    return track;
  }

  private setSource(source: MixSource, track: MediaStreamTrack, remote: boolean): void {
    const previous = this.sources.get(source);
    previous?.node.disconnect();
    if (previous?.element) {
      previous.element.pause();
      previous.element.srcObject = null;
    }
    const stream = new MediaStream([track]);
    let element: HTMLAudioElement | undefined;
    if (remote) {
      element = new Audio();
      element.muted = true;
      element.srcObject = stream;
      void element.play().catch(() => undefined);
    }
    const node = this.context.createMediaStreamSource(stream);
    for (const gain of this.gains.get(source)?.values() ?? []) node.connect(gain);
    this.sources.set(source, element ? { node, element } : { node });
  }

  private apply(): void {
    const routes = routing(this.modeNow);
    for (const [source, row] of this.gains) {
      const silenced = source === 'agent' && this.agentMuted;
      for (const [output, gain] of row) gain.gain.value = !silenced && routes[output].includes(source) ? INPUT_GAIN : 0;
    }
  }
}
