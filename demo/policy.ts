/**
 * The demo's policy: the demo agent 8001 on the embedded SIP server, the demo CRM, the caller simulator
 * (9001) trusted as the IVR for CTI headers, recordings uploaded to the demo store, local transcription,
 * a short wrap-up. The sample knowledge base ships in the build (no packagePath needed) and is synced from
 * the demo's knowledge server (demo/knowledge-server.ts) on the agent's desk, as a bank's desks sync theirs. The colleague
 * (8002), whom the agent transfers or conferences to, gets the same policy on a desk of their own.
 */
import type { Language } from '@common/contract/policy';
import { demoCrmMapping } from './crm/customers';
import { KNOWLEDGE_SYNC_PATH } from './knowledge-server';

export const DEMO_AGENT = { user: '8001', password: 'demo8001' } as const;
export const DEMO_COLLEAGUE = { user: '8002', password: 'demo8002' } as const;
export const DEMO_LEAD = { user: '8003', password: 'demo8003' } as const;
export const DEMO_CALLER = { user: '9001', password: 'demo9001' } as const;

const uriOf = (user: string) => `sip:${user}@127.0.0.1`;
const names = {
  agent: { en: 'Demo agent', zh: '演示坐席' },
  colleague: { en: 'Demo colleague', zh: '演示同事' },
  lead: { en: 'Demo team lead', zh: '演示班组长' },
} as const;
const nameOf = (who: keyof typeof names, language: Language) => (language === 'en' ? names[who].en : names[who].zh);

export interface DemoPolicyInput {
  sipWsUrl: string;
  /** The demo services' base URL (CRM, knowledge server, recording store). */
  servicesUrl: string;
  language: Language;
  /** The colleague's desk: 8002, no transcription (one speech service is enough for a demo machine). */
  colleague?: boolean;
  /** The demo team lead's public key (a key pair made at each start): the lead may watch and supervise. */
  leadPublicKey?: string;
}

export function demoPolicy({ sipWsUrl, servicesUrl, language, colleague = false, leadPublicKey }: DemoPolicyInput): Record<string, unknown> {
  const who = colleague ? DEMO_COLLEAGUE : DEMO_AGENT;
  const name = nameOf(colleague ? 'colleague' : 'agent', language);
  return {
    version: 1,
    sip: { servers: [sipWsUrl], uri: `sip:${who.user}@127.0.0.1`, password: who.password, displayName: name },
    ui: { language },
    agent: { wrapUp: { enabled: true, timeLimitSeconds: 30 } },
    crm: { profileUrl: `${servicesUrl}/crm/customers?id={customerId}&phone={phone}`, mapping: demoCrmMapping },
    cti: { trustedSources: [`sip:${DEMO_CALLER.user}@127.0.0.1`] },
    // The agent's desk syncs; the colleague's keeps the built-in copy (each sync re-indexes the whole base).
    ...(colleague ? {} : { knowledge: { syncUrl: `${servicesUrl}${KNOWLEDGE_SYNC_PATH}` } }),
    recording: { mode: 'always', uploadUrl: `${servicesUrl}/files` },
    transcription: { provider: colleague ? 'off' : 'local' },
    ...(leadPublicKey ? { supervision: { leads: [{ uri: uriOf(DEMO_LEAD.user), name: nameOf('lead', language), publicKey: leadPublicKey }] } } : {}),
  };
}

/**
 * The demo team lead (8003): the Team board over the agent and the colleague, and listen / whisper / barge /
 * take over on their calls. Its private key stays with the lead's browser host (`supervisionKeyPath`), which
 * signs for the page; the lead records and transcribes nothing of its own (one speech service is enough).
 */
export function demoLeadPolicy({ sipWsUrl, language }: Pick<DemoPolicyInput, 'sipWsUrl' | 'language'>): Record<string, unknown> {
  return {
    version: 1,
    sip: { servers: [sipWsUrl], uri: uriOf(DEMO_LEAD.user), password: DEMO_LEAD.password, displayName: nameOf('lead', language) },
    ui: { language },
    recording: { mode: 'off' },
    transcription: { provider: 'off' },
    supervision: {
      role: 'lead',
      team: [
        { uri: uriOf(DEMO_AGENT.user), name: nameOf('agent', language) },
        { uri: uriOf(DEMO_COLLEAGUE.user), name: nameOf('colleague', language) },
      ],
      refreshSeconds: 30,
    },
  };
}
