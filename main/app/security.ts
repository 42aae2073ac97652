/**
 * Electron's security checklist applied to every session and web contents:
 * permissions (microphone, notifications and choosing the audio output, our origin only), navigation,
 * new windows, webviews.
 */
import type { App, Session, WebContents } from 'electron';
import type { OriginCheck } from './origin';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};
/** Every permission name Electron knows; shared by request and check handlers. */
export type PermissionName = Parameters<RequestHandler>[1];
type RequestDetails = Parameters<RequestHandler>[3];
type CheckDetails = Parameters<CheckHandler>[3];

/**
 * Granted to our own origin without further detail: notifications (missed calls, alerts) and
 * speaker-selection (setSinkId: the agent's chosen headset and ringer device).
 */
const OWN_ORIGIN_GRANTS: ReadonlySet<PermissionName> = new Set<PermissionName>(['notifications', 'speaker-selection']);

/**
 * Decides a permission request (async API: getUserMedia, Notification.requestPermission).
 * 'media' is granted for audio only: the agent needs the microphone, never the camera.
 */
export function decidePermissionRequest(permission: PermissionName, details: RequestDetails, isTrusted: OriginCheck): boolean {
  if (!isTrusted(details.requestingUrl)) return false;
  if (OWN_ORIGIN_GRANTS.has(permission)) return true;
  if (permission !== 'media') return false;
  const media = details as { mediaTypes?: readonly string[]; securityOrigin?: string };
  if (media.securityOrigin !== undefined && !isTrusted(media.securityOrigin)) return false;
  // An empty or missing list means Electron could not say what is captured: refuse rather than guess.
  const types = media.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

/**
 * Decides a permission check (sync API: Permissions API, device labels in enumerateDevices).
 * Checks must agree with requests, or pages see "granted" and then fail, or the reverse.
 */
export function decidePermissionCheck(
  permission: PermissionName,
  requestingOrigin: string,
  details: CheckDetails,
  isTrusted: OriginCheck,
): boolean {
  if (!isTrusted(requestingOrigin)) return false;
  if (details.securityOrigin !== undefined && !isTrusted(details.securityOrigin)) return false;
  if (OWN_ORIGIN_GRANTS.has(permission)) return true;
  return permission === 'media' && details.mediaType === 'audio';
}

/** Installs both permission handlers on a session (the default one, and any other that appears). */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  isTrusted: OriginCheck,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermissionRequest(permission, details, isTrusted));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermissionCheck(permission, requestingOrigin, details, isTrusted),
  );
}

export interface HardeningDeps {
  isTrusted: OriginCheck;
  /** Opens an https URL in the system browser (features/shell/open-external.ts). */
  openExternal: (url: string) => Promise<void>;
  /** Told about blocked navigations and popups. */
  onBlocked?: (what: string, url: string) => void;
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks one web contents down: it may only navigate within our origin, never opens windows
 * (https links go to the system browser instead) and never attaches a <webview>.
 */
export function hardenWebContents(contents: HardenableContents, { isTrusted, openExternal, onBlocked }: HardeningDeps): void {
  const guardNavigation = (what: string) => (event: { url: string; preventDefault(): void }) => {
    if (isTrusted(event.url)) return;
    event.preventDefault();
    onBlocked?.(what, event.url);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked?.('webview', '(webview)');
  });
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked?.('window.open', url);
    if (url.startsWith('https:')) openExternal(url).catch(() => onBlocked?.('openExternal', url));
    return { action: 'deny' };
  });
}

/**
 * Applies hardenWebContents to every web contents the app ever creates (the main window, devtools
 * excluded by Electron, and anything unexpected), and the permission handlers to every session.
 */
export function installAppHardening(app: Pick<App, 'on'>, deps: HardeningDeps): void {
  const hardenedSessions = new WeakSet<object>();
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, deps);
    if (!hardenedSessions.has(contents.session)) {
      hardenedSessions.add(contents.session);
      installPermissionHandlers(contents.session, deps.isTrusted);
    }
  });
}
