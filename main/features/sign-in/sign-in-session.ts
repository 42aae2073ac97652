/**
 * Main's side of the agent's sign-in (issue 21 §2): who signed in (a lead's supervision signatures name
 * that agent's URI) and, when the policy's `sip.rememberPassword` allows, the agent's ID and password in the
 * OS secret store, so the next start signs in by itself. A policy that stops allowing it deletes what was kept.
 * The password goes back to the page only for JsSIP's digest, which runs there.
 */
import { fillAgentId, signInCredentialsSchema, type SignInCredentials } from '@common/contract/sign-in';
import type { Policy } from '@common/contract/policy';
import type { SecretStatus } from '@common/contract/ipc';
import type { Logger } from '@common/logging/logger';

/** The secret store's part this module uses. */
export interface CredentialStore {
  get(name: 'sip.credentials'): Promise<string | null>;
  set(name: 'sip.credentials', value: string | null): Promise<SecretStatus>;
}

export interface SignInSessionOptions {
  store: CredentialStore;
  /** The last valid policy loaded (undefined before one, or after an invalid one). */
  policy: () => Policy | undefined;
  log: Logger;
}

export interface SignInSession {
  /** The agent signed in; `remember` is the agent's choice on the form. Returns whether the password is kept. */
  signedIn(credentials: SignInCredentials, remember: boolean): Promise<{ remembered: boolean }>;
  /** The kept agent ID and password, or null (none kept, or the policy does not allow keeping them). */
  remembered(): Promise<SignInCredentials | null>;
  /** Sign out: forget the agent and the kept password. */
  signedOut(): Promise<void>;
  /** The signed-in agent's SIP URI under a template policy; undefined otherwise. */
  signedInUri(): string | undefined;
}

export function createSignInSession({ store, policy, log }: SignInSessionOptions): SignInSession {
  let agentId: string | undefined;
  const template = () => policy()?.sip.uriTemplate;
  const mayRemember = () => Boolean(template() && policy()?.sip.rememberPassword);

  async function forget(): Promise<void> {
    await store.set('sip.credentials', null).catch((error: unknown) => log.error('could not delete the kept sign-in', error));
  }

  return {
    async signedIn(credentials, remember) {
      if (!template()) return { remembered: false };
      agentId = credentials.agentId;
      log.info(`agent ${agentId} signed in`);
      if (!remember || !mayRemember()) {
        await forget();
        return { remembered: false };
      }
      try {
        await store.set('sip.credentials', JSON.stringify(credentials));
        return { remembered: true };
      } catch (error) {
        log.error('could not keep the password in the OS secret store; the agent signs in again next time', error);
        return { remembered: false };
      }
    },
    async remembered() {
      if (!mayRemember()) {
        await forget();
        return null;
      }
      const text = await store.get('sip.credentials');
      if (text === null) return null;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      const parsed = signInCredentialsSchema.safeParse(value);
      if (parsed.success) return parsed.data;
      log.warn('the kept sign-in is not readable; it was deleted');
      await forget();
      return null;
    },
    async signedOut() {
      if (agentId) log.info(`agent ${agentId} signed out`);
      agentId = undefined;
      await forget();
    },
    signedInUri() {
      const uriTemplate = template();
      return uriTemplate && agentId ? fillAgentId(uriTemplate, agentId) : undefined;
    },
  };
}
