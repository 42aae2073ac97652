import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DialRequest } from '@common/contract/dial-request';
import { BroadcastChannel as NodeChannel } from 'node:worker_threads';
import { createBrowserDial, registerDialHandlers, takeAddressDial } from '@renderer/platform/browser-dial';

const log = () => ({ info: vi.fn(), warn: vi.fn() });

afterEach(() => history.replaceState(null, '', '/'));

describe('?dial= in the address', () => {
  it('is taken once and leaves the address, keeping the rest of it', () => {
    history.replaceState(null, '', '/index.html?lang=en&dial=tel%3A%2B86-10-8888-8888#section');
    expect(takeAddressDial()).toBe('tel:+86-10-8888-8888');
    expect(`${location.pathname}${location.search}${location.hash}`).toBe('/index.html?lang=en#section');
    expect(takeAddressDial(), 'a reload does not dial again').toBeNull();
  });

  it('waits for the app to subscribe, then is delivered once', () => {
    history.replaceState(null, '', '/?dial=138%200013%208000');
    const dial = createBrowserDial(log(), () => undefined);
    expect(location.search).toBe('');
    const received: DialRequest[] = [];
    dial.api.onRequest((request) => void received.push(request));
    dial.api.onRequest((request) => void received.push(request));
    expect(received).toEqual([{ text: '138 0013 8000', source: 'address' }]);
  });
});

describe('a tab opened by a tel: link', () => {
  // Node's BroadcastChannel: a real one between the two "tabs" (happy-dom has none).
  const channel = () => new NodeChannel('lingxi-dial-test') as unknown as BroadcastChannel;

  it('hands its number to the running Lingxi tab, which shows it; the new tab starts nothing', async () => {
    const running = createBrowserDial(log(), () => undefined, channel);
    const received: DialRequest[] = [];
    running.api.onRequest((request) => void received.push(request));
    history.replaceState(null, '', '/?dial=tel%3A95588');
    const opened = createBrowserDial(log(), () => undefined, channel);
    expect(await opened.api.handOff()).toBe(true);
    expect(received).toEqual([{ text: 'tel:95588', source: 'address' }]);
    const own: DialRequest[] = [];
    opened.api.onRequest((request) => void own.push(request));
    expect(own, 'not dialled twice').toEqual([]);
    running.dispose();
    opened.dispose();
  });

  it('starts the app itself when no running tab takes the number (and a tab without ?dial= never waits)', async () => {
    const idle = createBrowserDial(log(), () => undefined, channel); // a tab still loading its policy: not listening
    history.replaceState(null, '', '/?dial=95588');
    const opened = createBrowserDial(log(), () => undefined, channel);
    expect(await opened.api.handOff()).toBe(false);
    const own: DialRequest[] = [];
    opened.api.onRequest((request) => void own.push(request));
    expect(own).toEqual([{ text: '95588', source: 'address' }]);
    const plain = createBrowserDial(log(), () => undefined, channel);
    const started = Date.now();
    expect(await plain.api.handOff()).toBe(false);
    expect(Date.now() - started).toBeLessThan(50);
    for (const dial of [idle, opened, plain]) dial.dispose();
  });
});

describe('the dial key in the browser', () => {
  it('reads the clipboard, or says the browser would not let it', async () => {
    let text: Promise<string> = Promise.resolve('010-8888 8888');
    const logger = log();
    const dial = createBrowserDial(logger, () => ({ readText: () => text }));
    const received: DialRequest[] = [];
    dial.api.onRequest((request) => void received.push(request));
    await dial.fromClipboard();
    text = Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError'));
    await dial.fromClipboard();
    expect(received).toEqual([
      { text: '010-8888 8888', source: 'clipboard' },
      { text: '', source: 'clipboard', problem: 'clipboard-unreadable' },
    ]);
    expect(logger.warn).toHaveBeenCalledWith('the dial key could not read the clipboard', expect.any(DOMException));
  });
});

describe('protocol handlers', () => {
  it('registers what the browser accepts (?dial=%s on this page) and logs the refusals', () => {
    const registered: string[][] = [];
    const nav = {
      registerProtocolHandler: (scheme: string, url: string) => {
        if (scheme === 'callto') throw new DOMException("The scheme 'callto' doesn't belong to the scheme allowlist.", 'SecurityError');
        registered.push([scheme, url]);
      },
    };
    const logger = log();
    expect(registerDialHandlers(nav, { origin: 'http://127.0.0.1:5180', pathname: '/' }, logger)).toEqual(['tel', 'sip']);
    expect(registered).toEqual([
      ['tel', 'http://127.0.0.1:5180/?dial=%s'],
      ['sip', 'http://127.0.0.1:5180/?dial=%s'],
    ]);
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^callto: links not handled by this browser \(SecurityError/));
    expect(registerDialHandlers({}, { origin: 'http://127.0.0.1:5180', pathname: '/' }, logger)).toEqual([]);
  });
});
