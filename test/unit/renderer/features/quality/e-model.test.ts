import { describe, expect, it } from 'vitest';
import {
  delayImpairment,
  effectiveEquipmentImpairment,
  estimateMos,
  listenerEchoImpairment,
  mosFromR,
  rFactor,
  talkerEchoImpairment,
} from '@renderer/features/quality/e-model';

/** Total delay impairment Id = Idte + Idle + Idd for one-way delay d (T = Ta = d, Tr = 2d). */
const id = (d: number): number => talkerEchoImpairment(d) + listenerEchoImpairment(2 * d) + delayImpairment(d);

describe('G.107 E-model', () => {
  it('gives R = 93.2 and MOS 4.41 with every parameter at its default (no delay, no loss)', () => {
    expect(rFactor({ oneWayDelayMs: 0, lossPercent: 0 })).toBeCloseTo(93.2, 1);
    expect(mosFromR(93.2)).toBeCloseTo(4.41, 2);
    expect(estimateMos({ oneWayDelayMs: 0, lossPercent: 0 }).mos).toBeCloseTo(4.41, 2);
  });

  it('maps R to MOS with the Annex B curve, clamped to 1–4.5', () => {
    // 1 + 0.035R + R(R − 60)(100 − R)·7e-6 at round R values.
    expect(mosFromR(50)).toBeCloseTo(2.575, 3);
    expect(mosFromR(70)).toBeCloseTo(3.597, 3);
    expect(mosFromR(80)).toBeCloseTo(4.024, 3);
    expect(mosFromR(90)).toBeCloseTo(4.339, 3);
    expect(mosFromR(-5)).toBe(1);
    expect(mosFromR(3)).toBe(1); // the cubic dips below 1 for 0 < R < 6.5
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(120)).toBe(4.5);
  });

  it('has no delay impairment Idd up to 100 ms, then the G.107 curve', () => {
    expect(delayImpairment(0)).toBe(0);
    expect(delayImpairment(100)).toBe(0);
    // X = 1 at 200 ms: 25·(2^(1/6) − 3·(1 + 3^-6)^(1/6) + 2)
    expect(delayImpairment(200)).toBeCloseTo(3.04, 2);
    expect(delayImpairment(400)).toBeCloseTo(24.07, 1);
  });

  it('follows the published fit of the pure delay curve (Cole & Rosenbluth 2001) within 3 R points', () => {
    // Id ≈ 0.024·d + 0.11·(d − 177.3)·H(d − 177.3), fitted to G.107 at default echo parameters.
    const fit = (d: number): number => 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
    for (const d of [25, 50, 100, 150, 200, 250, 300, 400]) expect(Math.abs(id(d) - fit(d)), `d = ${d} ms`).toBeLessThan(3);
  });

  it('lowers R steadily as delay grows, and passes below MOS 3.5 only past ~350 ms without loss', () => {
    let previous = Infinity;
    for (let d = 20; d <= 1000; d += 10) {
      const r = rFactor({ oneWayDelayMs: d, lossPercent: 0 });
      expect(r, `R at ${d} ms`).toBeLessThan(previous);
      previous = r;
    }
    expect(estimateMos({ oneWayDelayMs: 150, lossPercent: 0 }).mos).toBeGreaterThan(4.2);
    expect(estimateMos({ oneWayDelayMs: 300, lossPercent: 0 }).mos).toBeGreaterThan(3.5);
    expect(estimateMos({ oneWayDelayMs: 450, lossPercent: 0 }).mos).toBeLessThan(3.5);
  });

  it('raises Ie,eff monotonically with packet loss, from Ie = 0 towards 95', () => {
    expect(effectiveEquipmentImpairment(0)).toBe(0);
    let previous = -1;
    for (let loss = 0; loss <= 100; loss += 0.5) {
      const ie = effectiveEquipmentImpairment(loss);
      expect(ie, `Ie,eff at ${loss} %`).toBeGreaterThan(previous);
      expect(ie).toBeLessThan(95);
      previous = ie;
    }
    // 95 · Ppl / (Ppl + Bpl) with Bpl = 25.1
    expect(effectiveEquipmentImpairment(5)).toBeCloseTo(15.78, 2);
    // Bursty loss hurts more than random loss at the same rate.
    expect(effectiveEquipmentImpairment(5, 0, 25.1, 2)).toBeGreaterThan(effectiveEquipmentImpairment(5));
  });

  it('puts a loopback call at 0 % loss in Good and 10 % loss below MOS 3.5', () => {
    expect(estimateMos({ oneWayDelayMs: 60, lossPercent: 0 }).mos).toBeGreaterThan(4.3);
    expect(estimateMos({ oneWayDelayMs: 60, lossPercent: 5 }).mos).toBeGreaterThan(3.5);
    expect(estimateMos({ oneWayDelayMs: 60, lossPercent: 10 }).mos).toBeLessThan(3.5);
  });

  it('rejects impossible inputs with a clear error', () => {
    expect(() => rFactor({ oneWayDelayMs: -1, lossPercent: 0 })).toThrow(/one-way delay/);
    expect(() => rFactor({ oneWayDelayMs: Number.NaN, lossPercent: 0 })).toThrow(/one-way delay/);
    expect(() => rFactor({ oneWayDelayMs: 10, lossPercent: 101 })).toThrow(/packet loss must be 0–100/);
  });
});
