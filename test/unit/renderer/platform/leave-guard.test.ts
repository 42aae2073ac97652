import { describe, expect, it } from 'vitest';
import { createBrowserHost } from '@renderer/platform/browser-host';

/** What the browser does before unloading: dispatches a cancelable beforeunload; a cancelled one means "ask". */
function browserWouldAsk(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('browser host: leaving the page mid-call', () => {
  it('asks before the tab closes or reloads while a call is up, and not otherwise', async () => {
    const host = createBrowserHost();
    expect(browserWouldAsk()).toBe(false);
    await host.power.setCallActive(true);
    expect(browserWouldAsk()).toBe(true);
    // A second report of the same call (conference, consult) changes nothing.
    await host.power.setCallActive(true);
    await host.power.setCallActive(false);
    expect(browserWouldAsk()).toBe(false);
  });
});
