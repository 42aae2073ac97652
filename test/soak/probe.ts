/**
 * What a long shift could leak, read from the app's renderer over CDP: live objects of the media classes
 * (Runtime.queryObjects: exact, after V8's own full GC) and the JS heap after a forced GC.
 */
import type { CDPSession, Page } from 'playwright-core';

/** The classes a call creates and must let go of when it ends. */
export const WATCHED = ['RTCPeerConnection', 'AudioContext', 'MediaStreamTrack', 'Worker'] as const;
export type Watched = (typeof WATCHED)[number];
export type ObjectCounts = Record<Watched, number>;
/** The watched classes, and of the RTCPeerConnections how many are not closed (a closed one only waits for JsSIP's timers). */
export type ObjectCensus = ObjectCounts & { openPeerConnections: number };

export interface RendererProbe {
  /** Live instances of each watched class in the page's main world, and how many peer connections are still open. */
  objects(): Promise<ObjectCensus>;
  /** Every live MediaStreamTrack as "label (readyState)": what a count above idle is made of. */
  tracks(): Promise<string[]>;
  /** Used JS heap (MB) after HeapProfiler.collectGarbage. */
  heapMb(): Promise<number>;
  detach(): Promise<void>;
}

const GROUP = 'lingxi-soak';

export async function rendererProbe(page: Page): Promise<RendererProbe> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Runtime.enable');
  // All four are EventTargets: one queryObjects (one full GC) finds them all, sorted by class in the page.
  const countAll = async (): Promise<ObjectCensus> => {
    const prototype = await cdp.send('Runtime.evaluate', { expression: 'EventTarget.prototype', objectGroup: GROUP });
    if (!prototype.result.objectId) throw new Error('EventTarget.prototype: no object in the page');
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId, objectGroup: GROUP });
    if (!objects.objectId) throw new Error('queryObjects(EventTarget.prototype) returned no array');
    const counted = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: `function (names) {
        const counts = Object.fromEntries(names.map((name) => [name, 0]));
        counts.openPeerConnections = 0;
        for (const object of this) for (const name of names) if (object instanceof globalThis[name] && object !== globalThis[name].prototype) counts[name] += 1;
        for (const object of this) if (object instanceof RTCPeerConnection && object !== RTCPeerConnection.prototype && object.signalingState !== 'closed') counts.openPeerConnections += 1;
        return counts;
      }`,
      arguments: [{ value: WATCHED }],
      returnByValue: true,
    });
    return counted.result.value as ObjectCensus;
  };
  return {
    async objects() {
      try {
        return await countAll();
      } finally {
        // The arrays queryObjects returns hold the objects: release them, or the probe itself leaks.
        await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP });
      }
    },
    async tracks() {
      try {
        const prototype = await cdp.send('Runtime.evaluate', { expression: 'MediaStreamTrack.prototype', objectGroup: GROUP });
        if (!prototype.result.objectId) return [];
        const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId, objectGroup: GROUP });
        if (!objects.objectId) return [];
        const described = await cdp.send('Runtime.callFunctionOn', {
          objectId: objects.objectId,
          functionDeclaration: 'function () { return this.map((track) => `${track.label} (${track.readyState}${track.enabled ? "" : ", disabled"})`); }',
          returnByValue: true,
        });
        return described.result.value as string[];
      } finally {
        await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP });
      }
    },
    async heapMb() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

/** Classes whose count went above `baseline` (what the first finished call left alive: singletons). */
export function leaked(baseline: ObjectCounts, now: ObjectCounts): Partial<ObjectCounts> {
  const out: Partial<ObjectCounts> = {};
  for (const name of WATCHED) if (now[name] > baseline[name]) out[name] = now[name] - baseline[name];
  return out;
}
