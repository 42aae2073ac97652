/**
 * Click-to-dial in Electron main: links the OS hands over (the first launch's argv, a second instance's argv,
 * macOS `open-url`) and the clipboard when the dial shortcut is pressed, delivered to the renderer as
 * `dial:request` events. A request that arrives before the page listens (the link that started the app)
 * waits until the page says `dial:ready`; only the latest one waits, so a burst of clicks dials once.
 */
import type { Logger } from '@common/logging/logger';
import { dialRequest, type DialRequest } from '@common/contract/dial-request';
import { isDialLink, parseDialInput } from '@common/dial/number';

export interface DialLinkDeps {
  /** Sends a request to the page (DIAL_REQUEST_CHANNEL); false when there is no page to send it to. */
  send(request: DialRequest): boolean;
  /** Brings the window to the front: the agent clicked a link elsewhere and the Dial dialog opens here. */
  focus(): void;
  log: Pick<Logger, 'info' | 'warn'>;
}

export interface DialLinks {
  /** A command line (first launch or `second-instance`): its tel:/sip:/callto: argument, if any, is dialled. */
  fromArgv(argv: readonly string[]): boolean;
  /** macOS `open-url`. */
  fromUrl(url: string): boolean;
  /** The dial shortcut: the clipboard's text (the renderer says what is wrong with it, if anything). */
  fromClipboard(text: string): void;
  /** The page subscribed (`dial:ready`): what waited is sent now. */
  rendererReady(): void;
  /** The page is gone or reloading: requests wait again until it says ready. */
  rendererGone(): void;
}

const schemeOf = (link: string) => link.slice(0, link.indexOf(':')).toLowerCase();

/** Creates the router main/index.ts wires to argv, `second-instance`, `open-url`, the dial shortcut and `dial:ready`. */
export function createDialLinks({ send, focus, log }: DialLinkDeps): DialLinks {
  let ready = false;
  let waiting: DialRequest | undefined;

  const deliver = (request: DialRequest) => {
    focus();
    if (ready && send(request)) return;
    waiting = request;
  };

  const fromLink = (link: string): boolean => {
    const text = link.trim();
    if (!isDialLink(text)) return false;
    log.info(`dial link received (${schemeOf(text)}:)`);
    deliver(dialRequest(text, 'link'));
    return true;
  };

  return {
    // The link is the last argument Windows and Linux pass (after Chromium's own switches); the last one wins.
    fromArgv: (argv) => {
      const link = [...argv].reverse().find(isDialLink);
      return link !== undefined && fromLink(link);
    },
    fromUrl: (url) => {
      if (fromLink(url)) return true;
      log.warn(`ignored open-url for a scheme Lingxi does not dial (${schemeOf(url)}:)`);
      return false;
    },
    fromClipboard: (text) => deliver(dialRequest(text, 'clipboard')),
    rendererReady: () => {
      ready = true;
      const request = waiting;
      waiting = undefined;
      if (request && !send(request)) waiting = request;
    },
    rendererGone: () => {
      ready = false;
    },
  };
}

/** What the clipboard module offers: the clipboard, and on Linux the selection (what is highlighted, not yet copied). */
export interface ClipboardReaders {
  readText(): Promise<string>;
  selection?: { readText(): Promise<string> } | undefined;
}

/**
 * The text the dial key dials: on Linux the highlighted text when it is a number (select, press, no copy needed),
 * otherwise what was copied.
 */
export async function dialKeyText(clipboard: ClipboardReaders): Promise<string> {
  const selected = await clipboard.selection?.readText().catch(() => '');
  if (selected && parseDialInput(selected).ok) return selected;
  return clipboard.readText();
}
