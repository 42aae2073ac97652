/**
 * Checks an agent's sign-in against the registrar before the desk starts (issue 21 §2): a short-lived UA
 * REGISTERs with the credentials and, once the registrar accepts them, un-REGISTERs and closes. The desk's
 * own UA registers afterwards, so a wrong password never starts the desk (recording, transcription, board).
 */
import { UA, WebSocketInterface } from 'jssip';
import { registrationFailure } from './registration-failure';
import type { EngineConfig } from './types';

/** The sign-in's outcome as the form explains it. */
export type CredentialCheck =
  | { ok: true }
  | { ok: false; reason: 'auth' | 'forbidden' | 'network' | 'timeout' | 'rejected'; status?: number };

export interface CredentialCheckOptions {
  /** Give up (network) after this long; default 10 s. */
  timeoutMs?: number;
}

type CheckedConfig = Pick<EngineConfig, 'servers' | 'uri' | 'password' | 'authorizationUser' | 'userAgent'>;

/**
 * REGISTERs once with these credentials and reports what the registrar said.
 * @returns ok, or why not: 401 twice (auth), 403 (forbidden), no server reachable (network), no answer (timeout)
 */
export function checkCredentials(config: CheckedConfig, { timeoutMs = 10_000 }: CredentialCheckOptions = {}): Promise<CredentialCheck> {
  return new Promise((resolve) => {
    let ua: UA;
    try {
      ua = new UA({
        sockets: config.servers.map((url, index) => ({ socket: new WebSocketInterface(url), weight: config.servers.length - index })),
        uri: config.uri,
        password: config.password,
        ...(config.authorizationUser ? { authorization_user: config.authorizationUser } : {}),
        register: true,
        // The short check must not leave a binding behind if the un-REGISTER is lost.
        register_expires: 60,
        connection_recovery_min_interval: 2,
        connection_recovery_max_interval: 4,
        user_agent: config.userAgent,
      });
    } catch {
      resolve({ ok: false, reason: 'rejected' });
      return;
    }
    let settled = false;
    const finish = (result: CredentialCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) {
        ua.stop();
        resolve(result);
        return;
      }
      // Un-REGISTER and wait for the answer before the desk's UA registers: a registrar that replaces an
      // AOR's contacts must not see this binding's removal after the desk's REGISTER.
      const done = () => {
        clearTimeout(fallback);
        ua.stop();
        resolve(result);
      };
      const fallback = setTimeout(done, 2000);
      ua.once('unregistered', done);
      ua.unregister();
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'network' }), timeoutMs);
    ua.on('registered', () => finish({ ok: true }));
    ua.on('registrationFailed', ({ response, cause }) => finish(failure(response?.status_code, cause)));
    ua.on('disconnected', ({ error }) => {
      if (error) finish({ ok: false, reason: 'network' });
    });
    ua.start();
  });
}

function failure(status: number | undefined, cause: string | undefined): CredentialCheck {
  // The desk's own mapping, plus the two answers a sign-in form words differently: 403 and a bare 401/407.
  const reason = status === 403 ? 'forbidden' : status === 401 || status === 407 ? 'auth' : registrationFailure(cause);
  return { ok: false, reason, ...(status ? { status } : {}) };
}
