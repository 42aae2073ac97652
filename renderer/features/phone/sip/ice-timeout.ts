/**
 * JsSIP waits for ICE gathering to complete before sending an offer or answer; a blocked STUN/TURN
 * server can hold the INVITE for 10–40 s. JsSIP emits `icecandidate` with a `ready` callback that
 * sends at once: call it after a bounded wait. A new offer (re-INVITE) brings a new `ready`.
 */
export function createIceGatheringTimeout(timeoutMs: number, schedule = setTimeout, cancel = clearTimeout) {
  let currentReady: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    /** Handler for RTCSession `icecandidate`. */
    onCandidate(event: { ready: () => void }): void {
      if (event.ready === currentReady) return;
      if (timer !== undefined) cancel(timer);
      currentReady = event.ready;
      timer = schedule(() => {
        timer = undefined;
        event.ready();
      }, timeoutMs);
    },
    /** Stops the pending timer (call ended). */
    dispose(): void {
      if (timer !== undefined) cancel(timer);
      timer = undefined;
    },
  };
}
