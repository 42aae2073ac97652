/**
 * The ring: a WebAudio two-tone cadence (no audio file to ship or to be blocked).
 * Electron allows autoplay (main sets the switch); in a browser the context may stay suspended until
 * the agent has clicked once, so the context is created early and resumed on the first gesture.
 */
const CADENCE_ON_S = 1;
const CADENCE_PERIOD_S = 3;

export class Ringer {
  private context: AudioContext | null = null;
  private nodes: { osc: OscillatorNode[]; gain: GainNode } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Resumes audio on the first gesture so later rings are audible in the browser host. */
  armOnFirstGesture(target: EventTarget = window): void {
    const arm = () => {
      void this.ensureContext().resume().catch(() => undefined);
      target.removeEventListener('pointerdown', arm);
      target.removeEventListener('keydown', arm);
    };
    target.addEventListener('pointerdown', arm);
    target.addEventListener('keydown', arm);
  }

  start(): void {
    if (this.timer) return;
    const ctx = this.ensureContext();
    void ctx.resume().catch(() => undefined);
    const gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(ctx.destination);
    const osc = [440, 480].map((hz) => {
      const o = ctx.createOscillator();
      o.frequency.value = hz;
      o.connect(gain);
      o.start();
      return o;
    });
    this.nodes = { osc, gain };
    const burst = () => {
      const t = ctx.currentTime;
      gain.gain.setValueAtTime(0.15, t);
      gain.gain.setValueAtTime(0, t + CADENCE_ON_S);
    };
    burst();
    this.timer = setInterval(burst, CADENCE_PERIOD_S * 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.nodes) {
      for (const o of this.nodes.osc) o.stop();
      this.nodes.gain.disconnect();
      this.nodes = null;
    }
  }

  private ensureContext(): AudioContext {
    this.context ??= new AudioContext();
    return this.context;
  }
}
