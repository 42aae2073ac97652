/**
 * Our own origin: the only one that may call IPC, get permissions or be navigated to.
 * Pure Node (no electron import) so IPC registration, security and tests share one definition.
 */

/** The privileged custom scheme the packaged renderer is served from. */
export const APP_SCHEME = 'lingxi';
/** The single host under that scheme; anything else is not ours. */
export const APP_HOST = 'app';
/** The renderer's entry page in production. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Answers whether a URL or origin string belongs to the app. */
export type OriginCheck = (urlOrOrigin: string | null | undefined) => boolean;

/**
 * Builds the trusted-origin check.
 * Compared by protocol + host (+ port) rather than URL.origin, because WHATWG URL reports the
 * origin of a non-special scheme such as lingxi: as "null", which would match every opaque origin.
 * @param devServerUrl the electron-vite dev server (ELECTRON_RENDERER_URL), trusted only in
 *   unpackaged runs: index.ts passes undefined when packaged so an environment variable cannot
 *   point a production build at a foreign page.
 */
export function createOriginCheck(devServerUrl?: string): OriginCheck {
  const dev = devServerUrl ? safeParse(devServerUrl) : null;
  return (urlOrOrigin) => {
    if (!urlOrOrigin) return false;
    const url = safeParse(urlOrOrigin);
    if (!url || url.username !== '' || url.password !== '') return false;
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return dev !== null && url.protocol === dev.protocol && url.host === dev.host;
  };
}

function safeParse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
