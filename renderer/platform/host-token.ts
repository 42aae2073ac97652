/**
 * The browser host's per-launch access token (main/web-host/request-guard.ts). The host prints the address
 * to open with the token in the fragment (`#token=…`), which the browser never sends over the wire; the page
 * takes it from there once, keeps it in sessionStorage (this tab only, so a reload keeps working), removes it
 * from the visible address (not left in the address bar, a screenshot or a copied link), and sends it as a
 * Bearer header on every request for the host's data (policy, knowledge package, speech endpoint).
 */

const FRAGMENT_KEY = 'token';
const STORAGE_KEY = 'lingxi.hostToken';

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the token lives only as long as this page
  }
}

/**
 * Takes the token from the address (storing it and cleaning the address) or, after a reload, from sessionStorage.
 * @returns the token, or null when the page was opened without one
 */
export function takeHostToken(): string | null {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromUrl = fragment.get(FRAGMENT_KEY);
  if (!fromUrl) return stored();
  try {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
  } catch {
    // storage disabled: a reload will need the printed address again
  }
  fragment.delete(FRAGMENT_KEY);
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return fromUrl;
}

/** fetch with the host's token: `Authorization: Bearer <token>` when there is one. */
export function fetchWithHostToken(token: string | null, input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

/** What the page says when the host refused it: the usual cause is an address opened without its token. */
export const HOST_REFUSED_MESSAGE = 'the browser host refused access (HTTP 401): open the full address `npm run web` printed (it ends in #token=…)';
