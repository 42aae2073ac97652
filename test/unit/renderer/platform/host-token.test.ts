import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '@renderer/platform/browser-host';

const BASE = 'http://127.0.0.1:5173/';
const POLICY = JSON.stringify({ sip: { servers: ['wss://pbx/ws'], uri: 'sip:1001@pbx', password: 'pw' } });

/** Opens the page at `url` (as the agent does with the printed address): a fresh page load in the same tab. */
function open(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** The Authorization header of every request the page made, by path. */
function sent(fetchMock: ReturnType<typeof vi.fn>): Array<[string, string | null]> {
  return fetchMock.mock.calls.map(([input, init]) => [new URL(String(input), BASE).pathname, new Headers((init as RequestInit | undefined)?.headers).get('Authorization')]);
}

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  sessionStorage.clear();
  fetchMock = vi.fn(async (input: string) => {
    if (input.endsWith('policy.json')) return new Response(POLICY, { status: 200 });
    if (input.endsWith('speech.json')) return new Response(JSON.stringify({ error: { code: 'off', message: 'off' } }), { status: 200 });
    return new Response(null, { status: 204 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  open(BASE);
});

describe('the browser host’s launch token in the page', () => {
  it('takes the token from the fragment, removes it from the address, and sends it on every data request', async () => {
    open(`${BASE}#token=launch-token-1`);
    const host = createBrowserHost();
    expect(location.href, 'the token leaves the address bar at once').toBe(BASE);
    expect(location.hash).toBe('');
    const policy = await host.policy.load();
    expect(policy.ok).toBe(true);
    await host.knowledge.readPackage();
    await host.speech.endpoint();
    expect(sent(fetchMock)).toEqual([
      ['/policy.json', 'Bearer launch-token-1'],
      ['/knowledge-package.json', 'Bearer launch-token-1'],
      ['/speech.json', 'Bearer launch-token-1'],
    ]);
  });

  it('keeps working after a reload of the same tab (sessionStorage), and a new printed address replaces the old token', async () => {
    open(`${BASE}#token=first`);
    createBrowserHost();
    open(BASE); // F5: the address no longer carries the token
    await createBrowserHost().policy.load();
    open(`${BASE}#token=second`); // the host was restarted and printed a new address
    await createBrowserHost().policy.load();
    expect(sent(fetchMock).map(([, auth]) => auth)).toEqual(['Bearer first', 'Bearer second']);
    expect(location.href).toBe(BASE);
  });

  it('keeps other fragment parameters and the query when cleaning the address', () => {
    open(`${BASE}?lang=en#token=t&view=calls`);
    createBrowserHost();
    expect(location.href).toBe(`${BASE}?lang=en#view=calls`);
  });

  it('sends no token when opened without one, and tells the agent to open the printed address when refused', async () => {
    open(BASE);
    fetchMock.mockResolvedValue(new Response('Unauthorized', { status: 401 }));
    const result = await createBrowserHost().policy.load();
    expect(sent(fetchMock)).toEqual([['/policy.json', null]]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toMatch(/open the full address .*#token=/);
  });
});
