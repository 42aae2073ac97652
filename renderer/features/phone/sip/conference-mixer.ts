/**
 * Three-way conference mixing in WebAudio: for each remote leg, what goes out is the agent's
 * microphone plus the other leg's remote audio; the agent hears both legs on their own <audio>
 * elements. Measured pitfalls this code follows (see the test bed README):
 * - a remote WebRTC stream feeds WebAudio only while attached to a playing element: the mixer plays
 *   each remote stream in its own muted element (muted is enough for WebAudio);
 * - an AudioContext resumes only within a user gesture: construct the mixer in the click handler;
 * - summed tones clip: every input is scaled by INPUT_GAIN;
 * - JsSIP's mute()/hold() disable the sender's track, i.e. the whole mix: mute is done here instead,
 *   on the microphone's gain.
 */

/** Two sources per output at 0.5 keep two full-scale-ish voices below clipping. */
export const INPUT_GAIN = 0.5;

/** One remote party of the conference, as the engine's call exposes it. */
export interface MixerLeg {
  id: string;
  /**
   * The party's audio: the receiver's track. Not the remote stream: a held call's stream loses its
   * track until the resume re-INVITE completes, and the conference starts before that.
   */
  remoteTrack: MediaStreamTrack | null;
  /** Puts `track` on the call's audio sender (replaceTrack, no re-INVITE) and returns the previous one. */
  setOutgoingTrack(track: MediaStreamTrack): Promise<MediaStreamTrack | null>;
}

interface LegGraph {
  leg: MixerLeg;
  element: HTMLAudioElement;
  remote: MediaStreamAudioSourceNode;
  remoteGain: GainNode;
  output: MediaStreamAudioDestinationNode;
  /** The leg's own microphone track, put back when the conference ends. */
  original: MediaStreamTrack | null;
}

export class ConferenceMixer {
  private readonly context: AudioContext;
  private readonly micGain: GainNode;
  private mic: { track: MediaStreamTrack; node: MediaStreamAudioSourceNode } | null = null;
  private legs: LegGraph[] = [];
  private stopped = false;

  /** Create within the agent's click: the AudioContext may only start running from a user gesture. */
  constructor(createContext: () => AudioContext = () => new AudioContext()) {
    this.context = createContext();
    void this.context.resume().catch(() => undefined);
    this.micGain = this.context.createGain();
    this.micGain.gain.value = INPUT_GAIN;
  }

  /**
   * Builds the mix for two legs and puts it on their senders. `microphone` becomes the mixer's own
   * (stopped by stop()); each leg's previous sender track is kept to be restored.
   */
  async start(legs: [MixerLeg, MixerLeg], microphone: MediaStreamTrack): Promise<void> {
    this.setMicrophone(microphone);
    this.legs = legs.map((leg) => this.buildLeg(leg));
    const [a, b] = this.legs as [LegGraph, LegGraph];
    // Each party hears the other party, not themselves.
    a.remoteGain.connect(b.output);
    b.remoteGain.connect(a.output);
    for (const graph of this.legs) {
      const [track] = graph.output.stream.getAudioTracks();
      if (track) graph.original = await graph.leg.setOutgoingTrack(track);
      if (this.stopped) return;
    }
  }

  /** Silences the agent for both parties without touching the senders (a disabled sender is the whole mix). */
  setMicMuted(muted: boolean): void {
    this.micGain.gain.value = muted ? 0 : INPUT_GAIN;
  }

  /** Swaps the microphone feeding the mix (device change); the previous one is stopped. */
  setMicrophone(track: MediaStreamTrack): void {
    const previous = this.mic;
    const node = this.context.createMediaStreamSource(new MediaStream([track]));
    node.connect(this.micGain);
    this.mic = { track, node };
    if (previous) {
      previous.node.disconnect();
      previous.track.stop();
    }
  }

  /** Ids of the legs being mixed. */
  get legIds(): string[] {
    return this.legs.map((graph) => graph.leg.id);
  }

  /**
   * Ends the mix: each surviving leg gets its own microphone track back; everything the mixer
   * created (nodes, elements, destination tracks, the context) is stopped and released.
   * @param survivors ids of legs still up (their original track is restored; others' are stopped)
   * @returns the restored tracks by leg id
   */
  async stop(survivors: readonly string[]): Promise<Map<string, MediaStreamTrack>> {
    if (this.stopped) return new Map();
    this.stopped = true;
    const restored = new Map<string, MediaStreamTrack>();
    for (const graph of this.legs) {
      const { original } = graph;
      if (original && survivors.includes(graph.leg.id)) {
        // A leg that ended meanwhile (Hang up in a conference ends both, one after the other) has a closed
        // connection: replaceTrack fails, nothing would ever stop the microphone, and it stayed captured.
        const onSender = await graph.leg.setOutgoingTrack(original).then(
          (previous) => previous !== null,
          () => false,
        );
        if (onSender) restored.set(graph.leg.id, original);
        else original.stop();
      } else {
        original?.stop();
      }
    }
    for (const graph of this.legs) {
      graph.remote.disconnect();
      graph.remoteGain.disconnect();
      for (const track of graph.output.stream.getTracks()) track.stop();
      graph.element.pause();
      graph.element.srcObject = null;
    }
    this.legs = [];
    if (this.mic) {
      this.mic.node.disconnect();
      this.mic.track.stop();
      this.mic = null;
    }
    this.micGain.disconnect();
    await this.context.close().catch(() => undefined);
    return restored;
  }

  private buildLeg(leg: MixerLeg): LegGraph {
    if (!leg.remoteTrack) throw new Error(`conference: call ${leg.id} has no remote audio track`);
    const stream = new MediaStream([leg.remoteTrack]);
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    const remote = this.context.createMediaStreamSource(stream);
    const remoteGain = this.context.createGain();
    remoteGain.gain.value = INPUT_GAIN;
    remote.connect(remoteGain);
    const output = this.context.createMediaStreamDestination();
    output.channelCount = 1;
    this.micGain.connect(output);
    return { leg, element, remote, remoteGain, output, original: null };
  }
}
