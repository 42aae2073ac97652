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
export const DEMO_CALLER = { user: '9001', password: 'demo9001' } as const;

export interface DemoPolicyInput {
  sipWsUrl: string;
  /** The demo services' base URL (CRM, knowledge server, recording store). */
  servicesUrl: string;
  language: Language;
  /** The colleague's desk: 8002, no transcription (one speech service is enough for a demo machine). */
  colleague?: boolean;
}

export function demoPolicy({ sipWsUrl, servicesUrl, language, colleague = false }: DemoPolicyInput): Record<string, unknown> {
  const who = colleague ? DEMO_COLLEAGUE : DEMO_AGENT;
  const name = colleague ? (language === 'en' ? 'Demo colleague' : '演示同事') : language === 'en' ? 'Demo agent' : '演示坐席';
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
  };
}
