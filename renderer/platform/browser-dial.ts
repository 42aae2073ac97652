/**
 * The browser host's click-to-dial requests: `?dial=<number or link>` in the page's address (taken once, then
 * removed from the address with history.replaceState, so a reload does not dial again), the browser's protocol
 * handlers for tel: and sip: (they open `?dial=%s`, in a new tab), and the clipboard when the dial key is pressed.
 * A new tab with `?dial=` first offers its request to a Lingxi tab already running (BroadcastChannel, same origin
 * and profile) and, when one takes it, starts no second phone: the browser's form of Electron's second instance.
 */
import type { LingxiApi } from '@common/contract/api';
import { dialRequest, type DialRequest } from '@common/contract/dial-request';
import { DIAL_SCHEMES } from '@common/dial/number';
import type { Logger } from '@common/logging/logger';

const PARAMETER = 'dial';
const CHANNEL = 'lingxi-dial';
/** How long a new tab waits for a running Lingxi tab to take its request before it starts the app itself. */
export const HAND_OFF_WAIT_MS = 600;

type HandOffMessage = { type: 'dial'; id: string; request: DialRequest } | { type: 'taken'; id: string };

/** Takes `?dial=` from the address and removes it there. @returns its value, or null when there is none. */
export function takeAddressDial(loc: Pick<Location, 'search' | 'pathname' | 'hash'> = location, hist: Pick<History, 'state' | 'replaceState'> = history): string | null {
  const params = new URLSearchParams(loc.search);
  const text = params.get(PARAMETER);
  if (text === null) return null;
  params.delete(PARAMETER);
  const query = params.toString();
  hist.replaceState(hist.state, '', `${loc.pathname}${query ? `?${query}` : ''}${loc.hash}`);
  return text;
}

/**
 * Asks the browser to open tel:, sip: and callto: links here (`?dial=%s`). Browsers accept only their safelist
 * (tel and sip in Chromium and Firefox; callto is not on it) and only in a secure context (127.0.0.1 is one):
 * a refusal is logged, never shown.
 * @returns the schemes the browser took
 */
export function registerDialHandlers(nav: Partial<Pick<Navigator, 'registerProtocolHandler'>>, page: Pick<Location, 'origin' | 'pathname'>, log: Pick<Logger, 'info'>): string[] {
  if (typeof nav.registerProtocolHandler !== 'function') {
    log.info('this browser has no registerProtocolHandler: tel: links will not open Lingxi');
    return [];
  }
  const taken: string[] = [];
  for (const scheme of DIAL_SCHEMES) {
    try {
      nav.registerProtocolHandler(scheme, `${page.origin}${page.pathname}?${PARAMETER}=%s`);
      taken.push(scheme);
    } catch (error) {
      log.info(`${scheme}: links not handled by this browser (${(error as Error).name}: ${(error as Error).message})`);
    }
  }
  return taken;
}

export interface BrowserDial {
  api: LingxiApi['dial'];
  /** Stops answering other tabs (tests; a page going away closes the channel anyway). */
  dispose(): void;
  /** The dial key was pressed in the window: the clipboard's text becomes a request (or why it could not be read). */
  fromClipboard(): Promise<void>;
}

/** Creates the browser host's `dial` API; takes `?dial=` from the address at once (like the host token). */
export function createBrowserDial(
  log: Pick<Logger, 'info' | 'warn'>,
  clipboard: () => Pick<Clipboard, 'readText'> | undefined = () => navigator.clipboard,
  openChannel: () => BroadcastChannel | undefined = () => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined),
): BrowserDial {
  const listeners = new Set<(request: DialRequest) => void>();
  // Only the latest request waits for the first subscriber (the app subscribes once the policy is loaded).
  let waiting: DialRequest | undefined;
  const address = takeAddressDial();
  if (address !== null) waiting = dialRequest(address, 'address');
  let registered = false;

  const emit = (request: DialRequest) => {
    if (listeners.size === 0) waiting = request;
    for (const listener of listeners) listener(request);
  };

  // A running app (one that listens for requests) takes what a new tab hands over, and says so.
  const channel = openChannel();
  const onMessage = (event: MessageEvent<HandOffMessage>) => {
    const message = event.data;
    if (message?.type !== 'dial' || listeners.size === 0) return;
    channel?.postMessage({ type: 'taken', id: message.id } satisfies HandOffMessage);
    log.info('took a dial request another tab was opened with');
    emit(message.request);
  };
  channel?.addEventListener('message', onMessage);

  const handOff = async (): Promise<boolean> => {
    const request = waiting;
    if (!request || !channel) return false;
    const id = crypto.randomUUID();
    const taken = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), HAND_OFF_WAIT_MS);
      const onTaken = (event: MessageEvent<HandOffMessage>) => {
        if (event.data?.type === 'taken' && event.data.id === id) done(true);
      };
      const done = (result: boolean) => {
        clearTimeout(timer);
        channel.removeEventListener('message', onTaken);
        resolve(result);
      };
      channel.addEventListener('message', onTaken);
      channel.postMessage({ type: 'dial', id, request } satisfies HandOffMessage);
    });
    if (taken) waiting = undefined;
    return taken;
  };

  return {
    api: {
      onRequest(listener) {
        listeners.add(listener);
        if (!registered) {
          registered = true;
          registerDialHandlers(navigator, location, log);
        }
        const request = waiting;
        waiting = undefined;
        if (request) listener(request);
        return () => void listeners.delete(listener);
      },
      handOff,
    },
    dispose: () => {
      channel?.removeEventListener('message', onMessage);
      channel?.close();
    },
    async fromClipboard() {
      try {
        const reader = clipboard();
        if (!reader) throw new Error('navigator.clipboard is not available (not a secure context?)');
        emit(dialRequest(await reader.readText(), 'clipboard'));
      } catch (error) {
        log.warn('the dial key could not read the clipboard', error);
        emit({ text: '', source: 'clipboard', problem: 'clipboard-unreadable' });
      }
    },
  };
}
