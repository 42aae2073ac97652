/**
 * The CRM lookup behind `crm:lookup`: main makes the request, so the CRM token never enters the renderer.
 * The token comes from the secret store at each call (a token the agent just saved is used at once); the
 * CRM settings are the last valid policy's. Electron's net.fetch goes through Chromium's network stack, so
 * the bank's proxy settings (PAC) and the OS certificate store (an internal CA) apply as they would in the page.
 */
import type { CrmQuery, CrmResult } from '@common/crm/crm-client';
import { lookupCustomer } from '@common/crm/crm-client';
import type { Policy } from '@common/contract/policy';

export interface CrmLookupDeps {
  /** The CRM section of the policy in force, or undefined before a valid one loaded. */
  crm(): Policy['crm'] | undefined;
  /** The stored CRM token, or null (absent or unreadable: the CRM then answers 401 and the agent is asked). */
  token(): Promise<string | null>;
  fetch: typeof fetch;
}

/**
 * The CRM token as main holds it between lookups: read from the secret store (a file read and an OS decrypt)
 * once, not on every ringing call; `forget()` when the page stores a new one. Absent or unreadable (null) is
 * not remembered, so a keyring that opens later is read again.
 */
export function rememberedToken(read: () => Promise<string | null>): { get(): Promise<string | null>; forget(): void } {
  let held: Promise<string | null> | undefined;
  return {
    get() {
      held ??= read().then((token) => {
        if (token === null) held = undefined;
        return token;
      });
      return held;
    },
    forget() {
      held = undefined;
    },
  };
}

/** Creates the `crm:lookup` handler. */
export function createCrmLookup(deps: CrmLookupDeps): (query: CrmQuery) => Promise<CrmResult> {
  return async (query) => lookupCustomer(deps.crm(), query, await deps.token(), deps.fetch);
}
