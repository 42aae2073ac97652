/** The load input of this run of the app: its arguments, environment, user and the built-in signing key. */
import { userInfo } from 'node:os';
import type { PolicyLoadInput } from './load-policy';

/** The public key in assets/policy-signing.pub when the package was built ('' when there was none). */
declare const __POLICY_SIGNING_KEY__: string;

function osUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined; // no passwd entry (some containers): no per-user managed preferences
  }
}

export function policyLoadInput(app: { isPackaged: boolean; getPath(name: 'userData'): string }): PolicyLoadInput {
  const name = osUserName();
  return {
    argv: process.argv,
    env: process.env,
    userDataDir: app.getPath('userData'),
    platform: process.platform,
    isPackaged: app.isPackaged,
    ...(name ? { userName: name } : {}),
    signingKey: typeof __POLICY_SIGNING_KEY__ === 'string' ? __POLICY_SIGNING_KEY__ : '',
  };
}
