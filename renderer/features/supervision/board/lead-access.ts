/**
 * Who may watch this agent (issue 20 §1, §4): only the policy's `supervision.leads`, matched on
 * P-Asserted-Identity where the proxy sets it, else From. SIP URIs compare on scheme-less user@host,
 * case-insensitive host, ignoring display names, parameters and ports.
 */

/** user@host of a SIP URI or name-addr (`"Lead" <sip:1002@pbx;transport=ws>` → `1002@pbx`), or null. */
export function addressOf(value: string): string | null {
  const inAngles = /<([^>]*)>/.exec(value)?.[1];
  const uri = (inAngles ?? value).trim();
  const [, user, host] = /^sips?:([^@;?>\s]+)@([^;?:>\s]+)/i.exec(uri) ?? [];
  return user && host ? `${user}@${host.toLowerCase()}` : null;
}

/** The identity a request speaks for: its P-Asserted-Identity when present, else its From. */
export function requesterOf(headers: { from: string; assertedIdentity?: string }): string | null {
  return addressOf(headers.assertedIdentity ?? headers.from);
}

/** Whether the requester is one of the agent's leads. */
export function isLead(requester: string | null, leads: readonly { uri: string }[]): boolean {
  if (!requester) return false;
  return leads.some((lead) => addressOf(lead.uri) === requester);
}
