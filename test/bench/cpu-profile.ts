/**
 * Chromium's sampling CPU profiler (CDP Profiler domain) on a page's main thread and on its dedicated
 * workers, for the bench's diagnostics: where a recorded call's JavaScript time goes. Workers are
 * reached through the page's CDP session with non-flattened auto-attach (Target.sendMessageToTarget),
 * since Playwright opens CDP sessions for pages only.
 */
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}
/** Self time per function (ms), largest first, of one thread. */
export interface ThreadProfile {
  thread: string;
  totalMs: number;
  functions: { name: string; ms: number }[];
}

const SAMPLING_US = 200;

/** Self time per function over one profile, largest first. */
export function selfTimes(profile: Profile): { totalMs: number; functions: { name: string; ms: number }[] } {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const byName = new Map<string, number>();
  let totalMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i] ?? -1);
    // A sample's delta is the time since the previous sample: attribute it to this one (good enough at 200 µs).
    const ms = (deltas[i] ?? 0) / 1000;
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.slice(url.lastIndexOf('/') + 1);
    const name = file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}` : functionName;
    byName.set(name, (byName.get(name) ?? 0) + ms);
    if (name !== '(idle)') totalMs += ms;
  }
  const functions = [...byName].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs, functions };
}

/** Sends a command to an attached worker over the page session and waits for its answer. */
function workerCommand(session: CDPSession, sessionId: string, id: number, method: string, params: object = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (reply.id !== id) return;
      session.off('Target.receivedMessageFromTarget', onMessage);
      if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
      else resolve(reply.result);
    };
    session.on('Target.receivedMessageFromTarget', onMessage);
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
}

/**
 * Starts profiling the page's main thread and every dedicated worker it has now; the returned function
 * stops and returns each thread's self times.
 */
export async function startCpuProfile(page: Page): Promise<() => Promise<ThreadProfile[]>> {
  const session = await page.context().newCDPSession(page);
  const workers = new Map<string, string>();
  session.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (event.targetInfo.type === 'worker') workers.set(event.sessionId, event.targetInfo.url.slice(event.targetInfo.url.lastIndexOf('/') + 1));
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  let id = 1;
  for (const sessionId of workers.keys()) {
    await workerCommand(session, sessionId, id++, 'Profiler.enable');
    await workerCommand(session, sessionId, id++, 'Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await workerCommand(session, sessionId, id++, 'Profiler.start');
  }
  await session.send('Profiler.start');
  return async () => {
    const out: ThreadProfile[] = [];
    const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
    out.push({ thread: 'main', ...selfTimes(profile) });
    for (const [sessionId, url] of workers) {
      const result = (await workerCommand(session, sessionId, id++, 'Profiler.stop')) as { profile: Profile };
      out.push({ thread: `worker ${url}`, ...selfTimes(result.profile) });
    }
    await session.detach();
    return out;
  };
}

/** One line per thread: its JS total and top functions. */
export function profileReport(threads: ThreadProfile[], seconds: number, top = 10): string {
  return threads
    .map((t) => {
      const list = t.functions
        .filter((f) => f.name !== '(idle)')
        .slice(0, top)
        .map((f) => `${f.name} ${(f.ms / seconds).toFixed(2)}`)
        .join('; ');
      return `${t.thread}: ${(t.totalMs / seconds).toFixed(1)} ms/s busy — ${list}`;
    })
    .join('\n');
}
