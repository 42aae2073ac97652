/**
 * What the bank's IVR/ACD put on the INVITE (DESIGN.md §4). All optional; shown before any network
 * round trip.
 */
export interface CtiInfo {
  customerId?: string;
  ivrPath?: string;
  intent?: string;
  /** Identity verified in the IVR; undefined when the IVR did not say. */
  verified?: boolean;
  language?: string;
  queue?: string;
  vip?: string;
}

const TRUE = /^(1|true|yes|y|verified)$/i;
const FALSE = /^(0|false|no|n|unverified)$/i;

/** Reads CTI fields from the call's X-* headers (lower-cased names, as the phone stores them). */
export function readCti(headers: Record<string, string>): CtiInfo {
  const get = (name: string): string | undefined => {
    const value = headers[name]?.trim();
    return value ? value.slice(0, 200) : undefined;
  };
  const verified = get('x-verified');
  const cti: CtiInfo = {};
  const set = <K extends keyof CtiInfo>(key: K, value: CtiInfo[K] | undefined) => {
    if (value !== undefined) cti[key] = value;
  };
  set('customerId', get('x-customer-id'));
  set('ivrPath', get('x-ivr-path'));
  set('intent', get('x-intent'));
  set('verified', verified === undefined ? undefined : TRUE.test(verified) ? true : FALSE.test(verified) ? false : undefined);
  set('language', get('x-language'));
  set('queue', get('x-queue'));
  set('vip', get('x-vip'));
  return cti;
}

/** Whether the IVR told us anything at all. */
export function hasCti(cti: CtiInfo): boolean {
  return Object.keys(cti).length > 0;
}
