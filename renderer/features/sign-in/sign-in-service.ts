/**
 * The agent's sign-in under a `sip.uriTemplate` policy (issue 21 §2): the form's credentials are checked
 * against the registrar (a short REGISTER) before the desk starts, the host keeps the password when the policy
 * and the agent allow, and Sign out un-REGISTERs, forgets it and shows the form again.
 */
import type { LingxiApi } from '@common/contract/api';
import type { Policy } from '@common/contract/policy';
import { agentIdSchema, signedInPolicy, type DeskPolicy, type SignInCredentials } from '@common/contract/sign-in';
import { readSetting, writeSetting } from '../../db/settings-repo';
import { createLogger } from '../../platform/logger';
import type { AppStore } from '../../platform/store';
import { checkCredentials, engineConfigFrom, type CredentialCheck } from '../phone';

const log = createLogger('sign-in');
const AGENT_ID_KEY = 'signin.agentId';

/** Why the form is back: the registrar's answer, the agent ID's shape, or a kept password that stopped working. */
export type SignInFailure = Exclude<CredentialCheck, { ok: true }>['reason'] | 'agent-id' | 'saved-refused';

export interface SignInDeps {
  host: LingxiApi;
  store: AppStore;
  /** Checks credentials with the registrar (default: a short REGISTER through the policy's servers). */
  check?: (policy: DeskPolicy) => Promise<CredentialCheck>;
}

function defaultCheck(host: LingxiApi) {
  return (policy: DeskPolicy) => checkCredentials(engineConfigFrom(policy, `Lingxi/${__APP_VERSION__} (${host.host})`));
}

/**
 * Resolves with the desk policy once the agent is signed in: straight away with a kept password the
 * registrar still accepts, else after the form. Never resolves while the form waits.
 */
export async function signInAgent(policy: Policy, { host, store, check = defaultCheck(host) }: SignInDeps): Promise<DeskPolicy> {
  const mayRemember = host.host === 'electron' && policy.sip.rememberPassword;
  const lastAgentId = (await readSetting<string>(AGENT_ID_KEY).catch(() => undefined)) ?? '';
  const kept = await host.signIn.remembered().catch(() => null);
  let error: SignInFailure | undefined;
  if (kept) {
    const desk = signedInPolicy(policy, kept);
    const result = await check(desk);
    if (result.ok) return finish(kept, true, desk);
    log.warn(`the kept password for agent ${kept.agentId} was refused (${result.reason})`);
    if (result.reason === 'auth' || result.reason === 'forbidden') {
      await host.signIn.signedOut().catch(() => undefined);
      error = 'saved-refused';
    } else {
      error = result.reason;
    }
  }
  const agentId = kept?.agentId ?? lastAgentId;
  store.getState().setSignIn({ status: 'form', agentId, checking: false, mayRemember, ...(error ? { error } : {}) });
  return new Promise((resolve) => {
    submitHandler = async (credentials, remember) => {
      const id = agentIdSchema.safeParse(credentials.agentId);
      if (!id.success) {
        store.getState().setSignIn({ status: 'form', agentId: credentials.agentId, checking: false, mayRemember, error: 'agent-id' });
        return;
      }
      const clean = { agentId: id.data, password: credentials.password };
      store.getState().setSignIn({ status: 'form', agentId: clean.agentId, checking: true, mayRemember });
      const desk = signedInPolicy(policy, clean);
      const result = await check(desk);
      if (!result.ok) {
        log.warn(`sign-in of agent ${clean.agentId} refused: ${result.reason}${result.status ? ` (${result.status})` : ''}`);
        store.getState().setSignIn({ status: 'form', agentId: clean.agentId, checking: false, mayRemember, error: result.reason });
        return;
      }
      submitHandler = null;
      resolve(await finish(clean, remember && mayRemember, desk));
    };
  });

  async function finish(credentials: SignInCredentials, remember: boolean, desk: DeskPolicy): Promise<DeskPolicy> {
    await writeSetting(AGENT_ID_KEY, credentials.agentId).catch(() => undefined);
    const kept = await host.signIn.signedIn(credentials, remember).catch(() => ({ remembered: false }));
    log.info(`agent ${credentials.agentId} signed in${kept.remembered ? ' (password kept in the OS secret store)' : ''}`);
    store.getState().setSignIn({ status: 'signed-in', agentId: credentials.agentId });
    return desk;
  }
}

let submitHandler: ((credentials: SignInCredentials, remember: boolean) => Promise<void>) | null = null;

/** The form's submit: checks the credentials; the form shows the outcome through the store. */
export async function submitSignIn(credentials: SignInCredentials, remember: boolean): Promise<void> {
  await submitHandler?.(credentials, remember);
}

/**
 * Sign out: the phone un-REGISTERs (`stopPhone`), the host forgets the agent and any kept password, and the
 * page starts again at the form (a fresh page: no feature keeps the old agent's state).
 */
export async function signOut(host: LingxiApi, stopPhone: () => Promise<void>, reload: () => void = () => window.location.reload()): Promise<void> {
  await stopPhone();
  await host.signIn.signedOut().catch(() => undefined);
  reload();
}
