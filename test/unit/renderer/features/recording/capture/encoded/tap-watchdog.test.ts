import { describe, expect, it } from 'vitest';
import { TapWatchdog, type Leg, type LegFlow } from '@renderer/features/recording/capture/encoded/tap-watchdog';
import { FRAMES_EVERY_MS } from '@renderer/features/recording/capture/encoded/tap-protocol';

/**
 * A call on a fake clock: RTP and microphone audio flow at real rates (a packet and 20 ms of audio every
 * 20 ms), the tap worker's heartbeat reports frame counts every FRAMES_EVERY_MS while `tapAlive`, and
 * the watchdog checks on each heartbeat and when `nextCheckInMs` says so in between, as EncodedTaps runs it.
 */
function simulate(options: { customerFlows?: boolean; agentSends?: boolean; heartbeatLagMs?: number } = {}) {
  const { customerFlows = true, agentSends = true, heartbeatLagMs = 0 } = options;
  const inFlight: { due: number; counts: { customer: number; agent: number } }[] = [];
  let now = 0;
  const stalls: { callId: string; leg: Leg; at: number }[] = [];
  const flow: LegFlow = { customer: 0, agent: agentSends ? 0 : null };
  const frames = { customer: 0, agent: 0 };
  /** Frames that reached the worker but that it has not got round to yet (it is starved of CPU). */
  const queued = { customer: 0, agent: 0 };
  const state = { tapAlive: true, legStuck: null as Leg | null, flowing: true, samples: 0, starvedUntil: 0 };
  const watchdog = new TapWatchdog({
    now: () => now,
    flow: (callId) => {
      state.samples++;
      return Promise.resolve(callId === 'call-1' ? { ...flow } : null);
    },
    stalled: (callId, leg) => stalls.push({ callId, leg, at: now }),
  });
  watchdog.watch('call-1');
  let nextCheckAt = now;
  let lastHeartbeat = now;
  const check = async () => {
    nextCheckAt = now + watchdog.nextCheckInMs();
    await watchdog.check();
  };
  const run = async (ms: number) => {
    for (const end = now + ms; now < end; ) {
      now += 10;
      if (state.flowing && now % 20 === 0) {
        if (customerFlows) flow.customer += 1;
        if (flow.agent !== null) flow.agent += 20;
        if (state.tapAlive) {
          if (customerFlows && state.legStuck !== 'customer') queued.customer++;
          if (agentSends && state.legStuck !== 'agent') queued.agent++;
        }
      }
      const running = state.tapAlive && now >= state.starvedUntil;
      if (running) {
        frames.customer += queued.customer;
        frames.agent += queued.agent;
        Object.assign(queued, { customer: 0, agent: 0 });
      }
      // The worker's interval timer: one overdue while it was starved fires as soon as it runs again.
      if (running && now - lastHeartbeat >= FRAMES_EVERY_MS) {
        inFlight.push({ due: now + heartbeatLagMs, counts: { ...frames } });
        lastHeartbeat = now;
      }
      let heartbeat = false;
      while (inFlight[0] && inFlight[0].due <= now) {
        watchdog.frames({ 'call-1': inFlight.shift()?.counts ?? frames });
        heartbeat = true;
      }
      if (heartbeat || now >= nextCheckAt) await check();
    }
  };
  return { watchdog, stalls, state, run, flow, at: () => now };
}

describe('TapWatchdog', () => {
  it('leaves a healthy call alone, however long it runs, and never samples its stats', async () => {
    const call = simulate({ heartbeatLagMs: 30 });
    await call.run(10_000);
    expect(call.stalls).toEqual([]);
    expect(call.state.samples).toBe(0);
    // Between heartbeats nothing is due before the next one is: the page wakes for the heartbeats only.
    expect(call.watchdog.nextCheckInMs()).toBeGreaterThan(FRAMES_EVERY_MS);
  });

  it('a dead worker (no heartbeat while RTP flows) is reported within 500 ms, once', async () => {
    const call = simulate();
    await call.run(2_000);
    call.state.tapAlive = false;
    const diedAt = call.at();
    await call.run(2_000);
    expect(call.stalls).toHaveLength(1);
    expect(call.stalls[0]?.callId).toBe('call-1');
    expect(call.stalls[0]?.at ?? Infinity).toBeLessThanOrEqual(diedAt + 500);
    expect(call.watchdog.watching).toBe(0);
  });

  it('a worker starved of CPU for 250 ms (no frame counted, no heartbeat) that then catches up is left alone', async () => {
    const call = simulate();
    // Starved at every point between two heartbeats (rounds of 1,010 ms): up to 350 ms without one.
    for (let round = 0; round < 10; round++) {
      await call.run(1_010);
      call.state.starvedUntil = call.at() + 250;
    }
    await call.run(1_000);
    expect(call.stalls).toEqual([]);
  });

  it("one leg stuck while the worker's heartbeat goes on: that leg is named", async () => {
    const call = simulate();
    await call.run(1_000);
    call.state.legStuck = 'agent';
    const stuckAt = call.at();
    await call.run(1_000);
    expect(call.stalls.map((s) => s.leg)).toEqual(['agent']);
    expect(call.stalls[0]?.at ?? Infinity).toBeLessThanOrEqual(stuckAt + 500);
  });

  it('no media, no verdict: frames that stop with the RTP (hold, a ringing call) are not a stall', async () => {
    const call = simulate();
    await call.run(1_000);
    call.state.flowing = false;
    await call.run(5_000);
    call.state.flowing = true;
    await call.run(2_000);
    expect(call.stalls).toEqual([]);
  });

  it('a call that sends nothing (the customer holds it) is not judged on its agent leg', async () => {
    const call = simulate({ agentSends: false });
    await call.run(5_000);
    expect(call.stalls).toEqual([]);
  });

  it('the first frames of a call, reported a heartbeat late and 30 ms in transit, are not mistaken for a stall', async () => {
    const call = simulate({ heartbeatLagMs: 30 });
    call.state.flowing = false;
    await call.run(3_000); // ringing: watched, nothing flows
    call.state.flowing = true;
    await call.run(3_000);
    expect(call.stalls).toEqual([]);
  });

  it('an unwatched call is forgotten; a call whose stats are gone (it ended) is dropped without a verdict', async () => {
    const call = simulate();
    await call.run(500);
    call.watchdog.unwatch('call-1');
    call.state.tapAlive = false;
    await call.run(2_000);
    expect(call.stalls).toEqual([]);

    const clock = { at: 0 };
    const ended = new TapWatchdog({ now: () => clock.at, flow: () => Promise.resolve(null), stalled: () => expect.unreachable() });
    ended.watch('call-2');
    clock.at = 1_000;
    await ended.check();
    expect(ended.watching).toBe(0);
  });
});
