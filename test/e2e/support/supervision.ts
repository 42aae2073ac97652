/**
 * Supervision-call set-ups (issue 20 §2): agent 1001 (1000 Hz) on a call with customer 1002 (440 Hz), and
 * lead 1003 (1600 Hz) whose Ed25519 key pair is made for the test: the public key in the agent's policy,
 * the private key pasted by the lead into "Supervision key", as a lead does with what IT gave them.
 */
import type { Page } from '@playwright/test';
import { generateSupervisionKeyPair } from '@common/supervision/supervision-signing';
import type { AppInstance, LaunchOptions } from '../../fixtures/app-host';
import type { Peer } from '../../fixtures/peer/peer';
import type { PolicyDocument, PolicyPatch } from '../../fixtures/policy';
import { expect } from '../fixtures/app';
import { answerFrom, expectTwoWayAudio } from './calls';
import { AGENT_NAME, agentPolicy, LEAD, leadPolicy, teamBoard } from './team';
import { appUi } from './ui';

export const CUSTOMER_HZ = 440;
export const AGENT_HZ = 1000;
export const LEAD_HZ = 1600;
/** Where the agent hears the lead (whisper, barge). */
export const supervisionAudio = '[data-testid="supervision-audio"]';

export interface SupervisionParties {
  agent: AppInstance;
  lead: AppInstance;
  customer: Peer;
  /** The lead's private key as keygen printed it. */
  privateKey: string;
}

type AppFixture = (policy?: PolicyDocument, options?: LaunchOptions) => Promise<AppInstance>;
type PeerFixture = (spec: { user: string; wav: 'tone440' }) => Promise<Peer>;

/**
 * Agent and customer talking, the lead's board showing the agent on the call, the lead's key saved.
 * `agentKey`: the public key the agent's policy lists for lead 1003 (default: the lead's own); `agentPatch`:
 * the rest of the agent's policy (e.g. wrap-up on).
 */
export async function superviseSetUp(
  app: AppFixture,
  peer: PeerFixture,
  { agentSupervision = {}, agentKey, agentPatch = {} }: { agentSupervision?: Record<string, unknown>; agentKey?: string; agentPatch?: PolicyPatch } = {},
): Promise<SupervisionParties> {
  const pair = await generateSupervisionKeyPair();
  const agent = await app(agentPolicy({ leads: [{ uri: LEAD.uri, name: 'Lead', publicKey: agentKey ?? pair.publicKey }], ...agentSupervision }, agentPatch));
  const lead = await app(leadPolicy(), { wav: 'tone1600' });
  await expect(appUi(agent.page).status).toHaveText('Registered');
  await expect(appUi(lead.page).status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await answerFrom(agent.page, customer);
  await expectTwoWayAudio(agent.page, customer);
  await saveLeadKey(lead.page, pair.privateKey);
  await expect(agentRow(lead.page).getByRole('cell').nth(0)).toHaveText('On call');
  return { agent, lead, customer, privateKey: pair.privateKey };
}

/** The lead pastes the private key under "Supervision key" and saves it. */
export async function saveLeadKey(page: Page, privateKey: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Supervision' });
  await panel.getByText('Supervision key', { exact: true }).click();
  await panel.getByLabel('Supervision private key').fill(privateKey);
  await panel.getByRole('button', { name: 'Save key' }).click();
  await expect(panel).toContainText(/Key saved \(/);
}

export function agentRow(page: Page) {
  return teamBoard(page).row(AGENT_NAME);
}

/** The lead's "Supervision" status. */
export function supervisionStatus(page: Page) {
  return page.getByRole('status', { name: 'Supervision' });
}
