/**
 * What getStats says reached a call's two legs, for the tap watchdog: RTP packets received from the
 * customer, and ms of microphone audio fed to the sender while the transceiver sends. Packets sent are
 * no use for the agent's leg: a stuck sender tap holds them back too.
 */
import type { LegFlow } from './tap-watchdog';

export async function rtpFlow(transceiver: RTCRtpTransceiver): Promise<LegFlow> {
  const [received, sent] = await Promise.all([transceiver.receiver.getStats(), transceiver.sender.getStats()]);
  let customer = 0;
  received.forEach((stats: { type: string; packetsReceived?: number }) => {
    if (stats.type === 'inbound-rtp') customer += stats.packetsReceived ?? 0;
  });
  const direction = transceiver.currentDirection;
  if (direction !== 'sendrecv' && direction !== 'sendonly') return { customer, agent: null };
  let agent: number | null = null;
  sent.forEach((stats: { type: string; totalSamplesDuration?: number }) => {
    if (stats.type === 'media-source' && stats.totalSamplesDuration !== undefined) agent = stats.totalSamplesDuration * 1000;
  });
  return { customer, agent };
}
