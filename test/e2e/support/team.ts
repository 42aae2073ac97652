/** The lead's team board by role and accessible name (issue 20 §5); policies in fixtures/team-policy.ts. */
import type { Locator, Page } from '@playwright/test';

export { AGENT_NAME, agentPolicy, LEAD, leadPolicy } from '../../fixtures/team-policy';

/** The lead's "Agents" table and one agent's row in it. */
export function teamBoard(page: Page): { region: Locator; table: Locator; row(name: string): Locator } {
  const region = page.getByRole('region', { name: 'Team' });
  const table = region.getByRole('table', { name: 'Agents' });
  return { region, table, row: (name) => table.getByRole('row', { name, exact: true }) };
}
