import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { createOriginCheck } from '@main/app/origin';
import {
  hardenWebContents,
  installAppHardening,
  installPermissionHandlers,
  type PermissionName,
} from '@main/app/security';

const isTrusted = createOriginCheck();
const OURS = 'lingxi://app/index.html';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;

/** A session that keeps the handlers so tests can ask them like Chromium would. */
function fakeSession() {
  let request: RequestHandler = () => {
    throw new Error('no request handler installed');
  };
  let check: CheckHandler = () => {
    throw new Error('no check handler installed');
  };
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler | null) => void (handler && (request = handler)),
    setPermissionCheckHandler: (handler: CheckHandler | null) => void (handler && (check = handler)),
  };
  installPermissionHandlers(session, isTrusted);
  const contents = {} as WebContents;
  return {
    request: (permission: PermissionName, details: Record<string, unknown>) =>
      new Promise<boolean>((resolve) =>
        request(contents, permission, resolve, { isMainFrame: true, requestingUrl: OURS, ...details } as never),
      ),
    check: (permission: PermissionName, origin: string, details: Record<string, unknown> = {}) =>
      check(contents, permission, origin, { isMainFrame: true, ...details } as never),
  };
}

describe('permission request handler', () => {
  it('grants the microphone to our origin', async () => {
    const { request } = fakeSession();
    expect(await request('media', { mediaTypes: ['audio'], securityOrigin: 'lingxi://app' })).toBe(true);
  });

  it('denies the camera, even together with the microphone', async () => {
    const { request } = fakeSession();
    expect(await request('media', { mediaTypes: ['video'] })).toBe(false);
    expect(await request('media', { mediaTypes: ['audio', 'video'] })).toBe(false);
  });

  it('denies media when Electron does not say what is captured', async () => {
    const { request } = fakeSession();
    expect(await request('media', {})).toBe(false);
    expect(await request('media', { mediaTypes: [] })).toBe(false);
  });

  it('denies the microphone to other origins', async () => {
    const { request } = fakeSession();
    expect(await request('media', { mediaTypes: ['audio'], requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(await request('media', { mediaTypes: ['audio'], securityOrigin: 'https://evil.example' })).toBe(false);
  });

  it('grants notifications to our origin only', async () => {
    const { request } = fakeSession();
    expect(await request('notifications', {})).toBe(true);
    expect(await request('notifications', { requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(await request('speaker-selection', {})).toBe(true);
    expect(await request('speaker-selection', { requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it.each(['geolocation', 'display-capture', 'openExternal', 'midiSysex', 'clipboard-read', 'hid', 'fullscreen'] as const)(
    'denies %s even to our origin',
    async (permission) => {
      const { request } = fakeSession();
      expect(await request(permission, { mediaTypes: ['audio'] })).toBe(false);
    },
  );
});

describe('permission check handler', () => {
  it('agrees with the request handler', () => {
    const { check } = fakeSession();
    expect(check('media', 'lingxi://app', { mediaType: 'audio' })).toBe(true);
    expect(check('media', 'lingxi://app', { mediaType: 'video' })).toBe(false);
    expect(check('media', 'lingxi://app', { mediaType: 'unknown' })).toBe(false);
    expect(check('media', 'https://evil.example', { mediaType: 'audio' })).toBe(false);
    expect(check('media', 'lingxi://app', { mediaType: 'audio', securityOrigin: 'https://evil.example' })).toBe(false);
    expect(check('notifications', 'lingxi://app')).toBe(true);
    expect(check('notifications', 'https://evil.example')).toBe(false);
    expect(check('speaker-selection', 'lingxi://app')).toBe(true);
    expect(check('speaker-selection', 'https://evil.example')).toBe(false);
    expect(check('geolocation', 'lingxi://app')).toBe(false);
  });
});

/** Web contents with real event dispatch, so a handler's preventDefault is observable. */
function fakeContents() {
  const emitter = new EventEmitter();
  type OpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];
  let openHandler: OpenHandler = () => {
    throw new Error('no window open handler installed');
  };
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => void (openHandler = handler),
    session: {},
  });
  const navigate = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { url, preventDefault: () => void (prevented = true) });
    return prevented;
  };
  const open = (url: string) => openHandler({ url } as never);
  return { contents: contents as unknown as WebContents, navigate, open, emitter };
}

function harden() {
  const opened: string[] = [];
  const blocked: string[] = [];
  const fake = fakeContents();
  hardenWebContents(fake.contents, {
    isTrusted,
    openExternal: async (url) => void opened.push(url),
    onBlocked: (what, url) => blocked.push(`${what} ${url}`),
  });
  return { ...fake, opened, blocked };
}

describe('hardenWebContents', () => {
  it('prevents navigation away from our origin', () => {
    const { navigate, blocked } = harden();
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(blocked).toHaveLength(3);
  });

  it('allows navigation within our origin (reload)', () => {
    const { navigate } = harden();
    expect(navigate('will-navigate', 'lingxi://app/index.html')).toBe(false);
  });

  it('denies every window.open and sends only https links to the system browser', async () => {
    const { open, opened } = harden();
    expect(open('https://bank.example/help')).toEqual({ action: 'deny' });
    expect(open('http://bank.example/help')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('lingxi://app/index.html')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://bank.example/help']);
  });

  it('refuses to attach webviews', () => {
    const { navigate } = harden();
    expect(navigate('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('installAppHardening', () => {
  it('hardens every web contents created and its session once', () => {
    const app = new EventEmitter();
    const sessionsHandled: string[] = [];
    const session = {
      setPermissionRequestHandler: () => void sessionsHandled.push('request'),
      setPermissionCheckHandler: () => void sessionsHandled.push('check'),
    };
    installAppHardening(app as unknown as Pick<App, 'on'>, { isTrusted, openExternal: async () => undefined });
    const first = fakeContents();
    const second = fakeContents();
    Object.assign(first.contents, { session });
    Object.assign(second.contents, { session });
    app.emit('web-contents-created', {}, first.contents);
    app.emit('web-contents-created', {}, second.contents);
    expect(first.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(second.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(second.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(sessionsHandled).toEqual(['request', 'check']);
  });
});
