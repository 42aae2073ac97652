/**
 * The lead's side: a signed INVITE header on the call to the agent, signed INFO mode switches, the take over
 * answered only for the leg it replaces, and PBX feature codes (dial string with the extension, DTMF
 * digits); what the lead is told when the host cannot sign or the agent refuses.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { policySchema, type Policy } from '@common/contract/policy';
import type { SupervisionSignResult } from '@common/supervision/supervision-signer';
import { parseModeSwitchBody, parseSupervisionHeader, SUPERVISION_HEADER, SUPERVISION_INFO_TYPE } from '@common/supervision/supervision-protocol';
import { createAppStore } from '@renderer/app/store';
import { extensionOf, featureCodeDial, startLeadSupervision, type LeadPhone } from '@renderer/features/supervision/calls/lead-supervision';
import { fakePhone } from '../../../support/phone-calls';

vi.mock('@renderer/platform/logger', () => ({ createLogger: () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }) }));

const AGENT = { uri: 'sip:1001@pbx', name: 'Agent 1001', call: { id: 'cust-call@pbx' } };
const claim = { mode: 'listen' as const, call: AGENT.call.id, lead: 'sip:1003@pbx', ts: 1, nonce: 'n'.repeat(22), sig: 's'.repeat(86) };

function policy(supervision: Record<string, unknown> = {}): Policy {
  return policySchema.parse({ version: 1, sip: { servers: ['wss://pbx'], uri: 'sip:1003@pbx', password: 'p', displayName: 'Lead' }, supervision: { role: 'lead', ...supervision } });
}

/** A JsSIP session stand-in: records INFOs, lets the test answer them, emits 'replaces'. */
function fakeSession() {
  const handlers = new Map<string, (event: never) => void>();
  const infos: { contentType: string; body: string; settle(ok: boolean): void }[] = [];
  return {
    infos,
    on: vi.fn((event: string, fn: (e: never) => void) => handlers.set(event, fn)),
    once: vi.fn((event: string, fn: (e: never) => void) => handlers.set(event, fn)),
    emit: (event: string, payload: unknown) => handlers.get(event)?.(payload as never),
    sendInfo(contentType: string, body: string) {
      const info = new Map<string, () => void>();
      handlers.get('newInfo')?.({ info: { on: (e: string, fn: () => void) => info.set(e, fn) } } as never);
      infos.push({ contentType, body, settle: (ok) => info.get(ok ? 'succeeded' : 'failed')?.() });
    },
  };
}

function setUp(supervision: Record<string, unknown> = {}, signed: SupervisionSignResult = { ok: true, claim }) {
  const store = createAppStore();
  const calls = fakePhone(store);
  const session = fakeSession();
  let hook: Parameters<LeadPhone['onIncoming']>[0] | undefined;
  const phone = {
    dial: vi.fn(async () => ({ ok: true as const, callId: 'leg1' })),
    sipSession: vi.fn(() => session as never),
    sipCallId: vi.fn(() => 'leg-call@pbx'),
    onIncoming: vi.fn((fn: typeof hook) => ((hook = fn), () => true)),
    sendDtmf: vi.fn(),
    hangup: vi.fn(),
  };
  const sign = vi.fn(async () => signed);
  const host = { supervision: { sign }, secrets: { set: vi.fn(async () => ({ stored: true, protection: 'weak' as const, persistence: 'session' as const })) } };
  const lead = startLeadSupervision({ policy: policy(supervision), phone: phone as unknown as LeadPhone, lifecycle: calls.lifecycle, store, host });
  const incoming = (replaces?: string) => hook?.({} as never, (replaces ? { replaces: { call_id: replaces } } : {}) as never);
  return { store, calls, session, phone, sign, lead, incoming, state: () => store.getState() };
}

describe('lead supervision (desktop)', () => {
  beforeEach(() => vi.clearAllMocks());

  it('calls the agent with the signed header for its customer call, and follows the leg', async () => {
    const { lead, phone, sign, calls, state } = setUp();
    await lead.supervise(AGENT, 'listen');
    expect(sign).toHaveBeenCalledWith({ purpose: 'invite', mode: 'listen', call: AGENT.call.id });
    const [uri, headers] = phone.dial.mock.calls[0] as unknown as [string, string[]];
    expect(uri).toBe(AGENT.uri);
    const line = headers[0] ?? '';
    expect(line.startsWith(`${SUPERVISION_HEADER}: `)).toBe(true);
    expect(parseSupervisionHeader(line.slice(SUPERVISION_HEADER.length + 2))).toEqual({ ok: true, value: claim });
    expect(state().leadSupervision).toMatchObject({ agentUri: AGENT.uri, mode: 'listen', state: 'connecting', via: 'desktop' });
    calls.update({ id: 'leg1', direction: 'outgoing', answeredAt: Date.now() });
    expect(state().leadSupervision?.state).toBe('active');
    calls.end('leg1');
    expect(state().leadSupervision).toBeNull();
  });

  it('tells the lead when the agent refused (403), and when no key is stored (nothing is dialled)', async () => {
    const refused = setUp();
    await refused.lead.supervise(AGENT, 'listen');
    refused.calls.update({ id: 'leg1', direction: 'outgoing', phase: 'dialing', answeredAt: undefined });
    refused.calls.end('leg1', { statusCode: 403, cause: 'Rejected' });
    expect(refused.state().leadSupervisionProblem).toEqual({ code: 'refused' });

    const keyless = setUp({}, { ok: false, error: 'no-key', message: 'no supervision private key is stored on this desktop' });
    await keyless.lead.supervise(AGENT, 'listen');
    expect(keyless.phone.dial).not.toHaveBeenCalled();
    expect(keyless.state().leadSupervisionProblem).toMatchObject({ code: 'no-key' });

    const idle = setUp();
    await idle.lead.supervise({ uri: 'sip:1007@pbx', name: 'Idle' }, 'listen');
    expect(idle.state().leadSupervisionProblem).toEqual({ code: 'no-call' });
    expect(idle.sign).not.toHaveBeenCalled();
  });

  it('switches mode with a signed INFO in the leg; the new mode shows once the agent accepted it', async () => {
    const { lead, session, sign, state } = setUp();
    await lead.supervise(AGENT, 'listen');
    sign.mockResolvedValueOnce({ ok: true, claim: { ...claim, mode: 'whisper' } } as never);
    await lead.supervise(AGENT, 'whisper');
    expect(sign).toHaveBeenLastCalledWith({ purpose: 'mode', mode: 'whisper', call: AGENT.call.id });
    const [info] = session.infos;
    expect(info?.contentType).toBe(SUPERVISION_INFO_TYPE);
    expect(parseModeSwitchBody(info?.body ?? '')).toMatchObject({ ok: true, value: { mode: 'whisper' } });
    expect(state().leadSupervision?.mode).toBe('listen');
    info?.settle(true);
    expect(state().leadSupervision?.mode).toBe('whisper');
  });

  it('answers the take over only for an INVITE that replaces its own leg, after asking for it', async () => {
    const { lead, session, sign, incoming } = setUp();
    await lead.supervise(AGENT, 'listen');
    expect(incoming('leg-call@pbx')).toBeUndefined();
    sign.mockResolvedValueOnce({ ok: true, claim: { ...claim, mode: 'takeover' } } as never);
    await lead.supervise(AGENT, 'takeover');
    expect(incoming('leg-call@pbx')).toBe('answer');
    expect(incoming('another@pbx')).toBeUndefined();
    const replaces = { accept: vi.fn(), reject: vi.fn() };
    session.emit('replaces', replaces);
    expect(replaces.accept).toHaveBeenCalled();
  });
});

describe('lead supervision (PBX feature codes)', () => {
  const codes = { listen: '*222{extension}', barge: '*223{extension}', switchDigits: { whisper: '4', listen: '6' } };

  it('dials the mode code with the agent extension, or listen plus the switch digits once answered', async () => {
    const { lead, phone, calls, state } = setUp({ featureCodes: codes });
    await lead.supervise({ uri: AGENT.uri, name: AGENT.name }, 'whisper');
    expect(phone.dial).toHaveBeenCalledWith('*2221001');
    expect(phone.sendDtmf).not.toHaveBeenCalled();
    calls.update({ id: 'leg1', direction: 'outgoing', answeredAt: Date.now() });
    expect(phone.sendDtmf).toHaveBeenCalledWith('leg1', '4');
    expect(state().leadSupervision).toMatchObject({ via: 'pbx', mode: 'whisper' });
    await lead.supervise({ uri: AGENT.uri, name: AGENT.name }, 'listen');
    expect(phone.sendDtmf).toHaveBeenLastCalledWith('leg1', '6');
  });

  it('builds dial strings from templates', () => {
    expect(extensionOf('sips:8001@pbx.bank.example;transport=tls')).toBe('8001');
    expect(featureCodeDial(codes, 'barge', 'sip:8001@pbx')).toBe('*2238001');
    expect(featureCodeDial(codes, 'whisper', 'sip:8001@pbx')).toBeNull();
    expect(featureCodeDial(codes, 'takeover', 'sip:8001@pbx')).toBeNull();
  });
});
