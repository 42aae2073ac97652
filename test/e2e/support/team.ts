/**
 * Team-board set-ups (issue 20): agent 1001 whose policy names lead 1003, and the lead's app (1003, its
 * team: agent 1001). The Ed25519 key is a placeholder: the board does not sign, only supervision INVITEs do.
 */
import type { Locator, Page } from '@playwright/test';
import { buildPolicy, type PolicyDocument, type PolicyPatch } from '../../fixtures/policy';

export const LEAD = { user: '1003', password: 'pass1003', uri: 'sip:1003@127.0.0.1', displayName: 'Lead 1003' } as const;
export const AGENT_NAME = 'Agent 1001';
const PLACEHOLDER_KEY = `${'A'.repeat(43)}=`;

/** Agent 1001, watched by `leads` (default: lead 1003). */
export function agentPolicy(supervision: Record<string, unknown> = {}, patch: PolicyPatch = {}): PolicyDocument {
  return buildPolicy({
    ...patch,
    supervision: { leads: [{ uri: LEAD.uri, name: 'Lead', publicKey: PLACEHOLDER_KEY }], ...supervision },
  });
}

/** A lead's desktop: `user` (default 1003) with agent 1001 on the team. */
export function leadPolicy(supervision: Record<string, unknown> = {}, user: { user: string; password: string } = LEAD): PolicyDocument {
  return buildPolicy({
    sip: { uri: `sip:${user.user}@127.0.0.1`, password: user.password, displayName: `Lead ${user.user}` },
    supervision: { role: 'lead', team: [{ uri: 'sip:1001@127.0.0.1', name: AGENT_NAME }], ...supervision },
  });
}

/** The lead's "Agents" table and one agent's row in it. */
export function teamBoard(page: Page): { region: Locator; table: Locator; row(name: string): Locator } {
  const region = page.getByRole('region', { name: 'Team' });
  const table = region.getByRole('table', { name: 'Agents' });
  return { region, table, row: (name) => table.getByRole('row', { name, exact: true }) };
}
