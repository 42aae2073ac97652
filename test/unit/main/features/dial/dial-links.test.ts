import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import type { DialRequest } from '@common/contract/dial-request';
import { createDialLinks, dialKeyText } from '@main/features/dial/dial-links';
import { registerProtocolClients } from '@main/features/dial/protocol-client';
import { claimSingleInstance } from '@main/app/lifecycle';

function setup() {
  const sent: DialRequest[] = [];
  let pageAlive = true;
  const focus = vi.fn();
  const log = { info: vi.fn(), warn: vi.fn() };
  const links = createDialLinks({ send: (request) => pageAlive && (sent.push(request), true), focus, log });
  return { links, sent, focus, log, setPageAlive: (alive: boolean) => void (pageAlive = alive) };
}

describe('dial links', () => {
  it('keeps the link that started the app until the page listens, then sends it once', () => {
    const { links, sent, focus } = setup();
    expect(links.fromArgv(['C:\\Lingxi\\Lingxi.exe', '--no-sandbox-ignored', 'tel:+86-10-8888-8888;ext=12'])).toBe(true);
    expect(sent).toEqual([]);
    links.rendererReady();
    expect(sent).toEqual([{ text: 'tel:+86-10-8888-8888;ext=12', source: 'link' }]);
    links.rendererReady();
    expect(sent, 'not twice').toHaveLength(1);
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('hands a second instance’s link (Windows, Linux) straight to the listening page and brings the window forward', () => {
    const { links, sent, focus } = setup();
    const app = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => true });
    claimSingleInstance(app as unknown as Pick<App, 'requestSingleInstanceLock' | 'on'>, (argv) => void links.fromArgv(argv));
    links.rendererReady();
    app.emit('second-instance', {}, ['/opt/Lingxi/lingxi', 'callto:95588'], '/home/agent');
    app.emit('second-instance', {}, ['/opt/Lingxi/lingxi'], '/home/agent');
    expect(sent).toEqual([{ text: 'callto:95588', source: 'link' }]);
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('takes macOS open-url links and ignores other schemes with a log line', () => {
    const { links, sent, log } = setup();
    links.rendererReady();
    expect(links.fromUrl('sip:8001@pbx.bank.example')).toBe(true);
    expect(links.fromUrl('lingxi-evil://x')).toBe(false);
    expect(sent).toEqual([{ text: 'sip:8001@pbx.bank.example', source: 'link' }]);
    expect(log.warn).toHaveBeenCalledWith('ignored open-url for a scheme Lingxi does not dial (lingxi-evil:)');
    expect(JSON.stringify(log.info.mock.calls), 'no number in the log').not.toContain('8001');
  });

  it('waits again while the page reloads; only the latest request waits', () => {
    const { links, sent, setPageAlive } = setup();
    links.rendererReady();
    links.rendererGone();
    links.fromUrl('tel:95588');
    links.fromClipboard('138 0013 8000');
    setPageAlive(false);
    links.rendererReady();
    expect(sent).toEqual([]);
    setPageAlive(true);
    links.rendererReady();
    expect(sent).toEqual([{ text: '138 0013 8000', source: 'clipboard' }]);
  });

  it('never cuts an over-long clipboard or link into another number: the page is told it is too long', () => {
    const { links, sent } = setup();
    links.rendererReady();
    links.fromClipboard(`13800138000${' '.repeat(300)}`);
    links.fromUrl(`tel:${'1'.repeat(300)}`);
    expect(sent).toEqual([
      { text: '', source: 'clipboard', problem: 'too-long' },
      { text: '', source: 'link', problem: 'too-long' },
    ]);
  });
});

describe('the dial key’s text', () => {
  const reader = (text: string) => ({ readText: async () => text });

  it('dials the highlighted number on Linux without a copy, else what was copied', async () => {
    expect(await dialKeyText({ ...reader('010-8888 8888'), selection: reader('138 0013 8000') })).toBe('138 0013 8000');
    expect(await dialKeyText({ ...reader('010-8888 8888'), selection: reader('Dear customer,') })).toBe('010-8888 8888');
    expect(await dialKeyText({ ...reader('95588') })).toBe('95588');
    expect(await dialKeyText({ ...reader('95588'), selection: { readText: () => Promise.reject(new Error('no X11 selection')) } })).toBe('95588');
  });
});

describe('protocol clients', () => {
  const fakeApp = (refuse: string[] = [], already: string[] = []) => ({
    isDefaultProtocolClient: vi.fn((scheme: string) => already.includes(scheme)),
    setAsDefaultProtocolClient: vi.fn((scheme: string) => !refuse.includes(scheme)),
  });
  const log = () => ({ info: vi.fn(), warn: vi.fn() });

  it('registers tel, sip and callto for the packaged app, keeping what is already ours', () => {
    const app = fakeApp([], ['tel']);
    const handled = registerProtocolClients({ app, defaultApp: false, execPath: 'C:\\Lingxi\\Lingxi.exe', argv: ['C:\\Lingxi\\Lingxi.exe'], log: log() });
    expect(handled).toEqual(['tel', 'sip', 'callto']);
    expect(app.setAsDefaultProtocolClient.mock.calls).toEqual([['sip'], ['callto']]);
  });

  it('in development registers Electron with the app path, as Electron’s deep-link guide says', () => {
    const app = fakeApp();
    registerProtocolClients({ app, defaultApp: true, execPath: '/repo/node_modules/electron/dist/electron', argv: ['/repo/node_modules/electron/dist/electron', '/repo'], log: log() });
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('tel', '/repo/node_modules/electron/dist/electron', ['/repo']);
  });

  it('logs a refusal and carries on', () => {
    const app = fakeApp(['callto']);
    const logger = log();
    expect(registerProtocolClients({ app, defaultApp: false, execPath: '/opt/Lingxi/lingxi', argv: [], log: logger })).toEqual(['tel', 'sip']);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^callto: links not registered/));
  });
});
