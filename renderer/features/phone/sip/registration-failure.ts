/** Why JsSIP says a REGISTER failed, as the stable code the UI translates (the desk's UA and the sign-in check). */
import type { RegistrationFailure } from './types';

const AUTH_CAUSE = 'Authentication Error';

/** JsSIP's `registrationFailed` cause → the failure code ('config' is the app's own, never JsSIP's). */
export function registrationFailure(cause: string | undefined): Exclude<RegistrationFailure, 'config'> {
  if (cause === AUTH_CAUSE) return 'auth';
  if (cause === 'Request Timeout' || cause === 'RTP Timeout') return 'timeout';
  if (cause === 'Connection Error') return 'network';
  return 'rejected';
}
