/**
 * The ITU-T G.107 E-model (06/2015), narrowband, reduced to the inputs a softphone can measure: one-way
 * delay and packet loss. Everything else is held at G.107's default values (SLR 8, RLR 2,
 * STMR 15, LSTR 18, Ds 3, TELR 65, WEPL 110, Nc -70, Nfor -64, Ps = Pr = 35, qdu 1, A 0), which is what
 * a headset agent on a well-configured path looks like; the loss and delay terms are what move.
 *
 *   R = Ro − Is − Id − Ie,eff + A
 *
 * The scale tops out at R = 93.2 (MOS 4.41) at zero delay and loss. Opus in WebRTC is wideband or better,
 * so this underrates a perfect Opus call against the wideband model (G.107.1, Rmax 129); we keep the
 * narrowband scale because the thresholds agents and vendors use (MOS 3.5, Twilio's 4.2 "excellent")
 * are quoted on it.
 */

/** Ro, the basic signal-to-noise ratio, computed from the default parameters: 94.77. */
const RO = 94.77;
/** Is, simultaneous impairments (Iolr + Ist + Iq), at the default parameters: 1.41. */
const IS = 1.41;
/** Talker echo loudness rating (dB) and weighted echo path loss (dB): G.107 defaults. */
const TELR = 65;
const WEPL = 110;
/** Roe for talker echo: −1.5 (No − RLR) with the default No = −61.18 dBm0p, RLR = 2. */
const ROE = 94.77;

/**
 * Opus planning values on the narrowband scale. No ITU-T table lists Opus for the narrowband model
 * (G.113 Appendix I covers the ITU codecs; the published Opus values are for the wideband model), so we
 * treat Opus like the best narrowband codec with packet-loss concealment:
 * - Ie = 0: G.113 Appendix I gives Ie = 0 for G.711; Opus at WebRTC's bitrates (≥ 24 kb/s wideband)
 *   is at least that transparent within a narrowband band.
 * - Bpl = 25.1: G.113 Appendix I's robustness for G.711 with its Appendix I PLC under random loss.
 *   Opus's own PLC is at least as good; in-band FEC would do better still, but Chromium only spends
 *   bits on FEC once the receiver reports loss, so we do not count on it.
 */
export const OPUS_IE = 0;
export const OPUS_BPL = 25.1;

/**
 * Opus's algorithmic delay with WebRTC's 20 ms frames: the frame itself plus 6.5 ms of look-ahead and
 * resampling delay (Opus's documented default of 26.5 ms). Added to network and jitter-buffer delay for mouth-to-ear delay.
 */
export const OPUS_CODEC_DELAY_MS = 26.5;

/** Delay impairment Idd from absolute one-way delay Ta (ms); zero up to 100 ms. */
export function delayImpairment(ta: number): number {
  if (ta <= 100) return 0;
  const x = Math.log10(ta / 100) / Math.log10(2);
  return 25 * ((1 + x ** 6) ** (1 / 6) - 3 * (1 + (x / 3) ** 6) ** (1 / 6) + 2);
}

/**
 * Talker-echo impairment Idte for mean one-way echo path delay T (ms), default TELR.
 * The standard's curve dips a fraction of a point below zero for T of a few ms; we keep it as written.
 */
export function talkerEchoImpairment(t: number): number {
  // G.107: below 1 ms the talker's echo is heard as sidetone, not echo.
  if (t < 1) return 0;
  const terv = TELR - 40 * Math.log10((1 + t / 10) / (1 + t / 150)) + 6 * Math.exp(-0.3 * t * t);
  const re = 80 + 2.5 * (terv - 14);
  const half = (ROE - re) / 2;
  return (half + Math.sqrt(half * half + 100) - 1) * (1 - Math.exp(-t));
}

/** Listener-echo impairment Idle for round-trip echo delay Tr (ms), default WEPL. */
export function listenerEchoImpairment(tr: number): number {
  const rle = 10.5 * (WEPL + 7) * (tr + 1) ** -0.25;
  const half = (RO - rle) / 2;
  return half + Math.sqrt(half * half + 169);
}

/** Effective equipment impairment Ie,eff for packet loss Ppl (%); BurstR 1 = random loss. */
export function effectiveEquipmentImpairment(lossPercent: number, ie = OPUS_IE, bpl = OPUS_BPL, burstR = 1): number {
  return ie + ((95 - ie) * lossPercent) / (lossPercent / burstR + bpl);
}

export interface EModelInput {
  /** Absolute one-way (mouth-to-ear) delay in ms; also used as the echo path delay T (Tr = 2T). */
  oneWayDelayMs: number;
  /** Packet loss over the measured interval, 0–100 %. */
  lossPercent: number;
}

/** The transmission rating factor R for a measured delay and loss, G.107 defaults elsewhere. */
export function rFactor({ oneWayDelayMs, lossPercent }: EModelInput): number {
  if (!Number.isFinite(oneWayDelayMs) || oneWayDelayMs < 0) {
    throw new RangeError(`E-model: one-way delay must be a finite number of ms ≥ 0, got ${oneWayDelayMs}`);
  }
  if (!Number.isFinite(lossPercent) || lossPercent < 0 || lossPercent > 100) {
    throw new RangeError(`E-model: packet loss must be 0–100 %, got ${lossPercent}`);
  }
  const id =
    talkerEchoImpairment(oneWayDelayMs) + listenerEchoImpairment(2 * oneWayDelayMs) + delayImpairment(oneWayDelayMs);
  return RO - IS - id - effectiveEquipmentImpairment(lossPercent);
}

/**
 * R → MOS (conversational quality, estimated), G.107 Annex B. The cubic dips below 1 for
 * 0 < R < 6.5; MOS is a 1–4.5 scale, so we clamp there.
 */
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  const mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
  return Math.min(4.5, Math.max(1, mos));
}

/** MOS estimate for a measured delay and loss. */
export function estimateMos(input: EModelInput): { r: number; mos: number } {
  const r = rFactor(input);
  return { r, mos: mosFromR(r) };
}
