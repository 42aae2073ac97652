/**
 * The INVITE flood's figures (issue 25 §3): 50 INVITEs a second for 10 s through Kamailio while the agent talks
 * to a customer (call waiting off), as test/e2e/flood.spec.ts runs it. The spec asserts what must hold on any
 * machine (audio both ways, 500 × 486, no hang, the heap back); the bench reports the main thread's long tasks
 * during the flood against the target (no frame over 100 ms), which depends on the machine's load.
 */
import { launchApp } from '../fixtures/app-host';
import { inviteFlood } from '../fixtures/hostile-sip/flood';
import type { Kamailio } from '../fixtures/kamailio/kamailio';
import { Peer } from '../fixtures/peer/peer';
import { buildPolicy } from '../fixtures/policy';
import { talkingToCustomer } from '../e2e/support/calls';
import { watchLongTasks } from '../e2e/support/long-tasks';

const RATE = 50;
const SECONDS = 10;

export async function measureFlood(context: { sip: Kamailio; peerUrl: string; log: (m: string) => void }): Promise<Record<string, number>> {
  const { sip, peerUrl, log } = context;
  const app = await launchApp(buildPolicy({ sip: { callWaiting: false } }));
  const peers: Peer[] = [];
  try {
    const { page } = app;
    await talkingToCustomer(page, async ({ user, wav }) => {
      const peer = await Peer.launch({ user, wav, pageUrl: peerUrl, wsUrl: sip.wsUrl });
      peers.push(peer);
      return peer;
    });
    const longTasksSoFar = await watchLongTasks(page);
    const result = await inviteFlood({ rate: RATE, seconds: SECONDS });
    const tasks = await longTasksSoFar();
    log(`flood: ${JSON.stringify(result.finals)}, unanswered ${result.unanswered}, long tasks ${JSON.stringify(tasks.map(Math.round))}`);
    return {
      'flood.refused_486': result.finals[486] ?? 0,
      'flood.unanswered': result.unanswered,
      'flood.long_tasks': tasks.length,
      'flood.tasks_over_100ms': tasks.filter((ms) => ms > 100).length,
      'flood.longest_task_ms': Math.round(Math.max(0, ...tasks)),
    };
  } finally {
    await app.close().catch(() => undefined);
    for (const peer of peers) await peer.close().catch(() => undefined);
  }
}
