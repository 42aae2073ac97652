/**
 * The agent's side around the mix: supervision INVITEs are taken before they ring, a refused one is
 * answered 403 with no media, a mode switch on the customer's own call is refused 403, and what the agent
 * is shown follows `supervision.notifyAgent`.
 */
import { describe, expect, it, vi } from 'vitest';
import { supervisionPolicySchema } from '@common/contract/policy-supervision';
import { SUPERVISION_HEADER, SUPERVISION_INFO_TYPE } from '@common/supervision/supervision-protocol';
import { createAppStore } from '@renderer/app/store';
import { shownToAgent, startAgentSupervision, type AgentPhone } from '@renderer/features/supervision/calls/agent-supervision';
import { fakePhone } from '../../../support/phone-calls';

const warnings = vi.hoisted(() => [] as string[]);
vi.mock('@renderer/platform/logger', () => ({ createLogger: () => ({ debug: vi.fn(), info: vi.fn(), warn: (m: string) => warnings.push(m), error: vi.fn() }) }));

function request(headers: Record<string, string>, extra: Record<string, unknown> = {}) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    hasHeader: (name: string) => name.toLowerCase() in lower,
    getHeader: (name: string) => lower[name.toLowerCase()],
    reply: vi.fn(),
    ...extra,
  };
}

function setUp() {
  const store = createAppStore();
  const calls = fakePhone(store);
  let hook: Parameters<AgentPhone['onIncoming']>[0] | undefined;
  const customerSession = { receiveRequest: vi.fn() };
  const phone = {
    onIncoming: vi.fn((fn: typeof hook) => ((hook = fn), () => true)),
    callIdForSipCallId: vi.fn((id: string) => (id === 'cust@pbx' ? 'c1' : undefined)),
    callAudio: vi.fn(() => null),
    setOutgoingTrack: vi.fn(async () => null),
    sipSession: vi.fn(() => customerSession as never),
    hangup: vi.fn(),
  };
  const policy = supervisionPolicySchema.parse({ leads: [{ uri: 'sip:1003@pbx', publicKey: `${'A'.repeat(43)}=` }] });
  startAgentSupervision({ policy, phone: phone as unknown as AgentPhone, lifecycle: calls.lifecycle, store, iceServers: [] });
  return { calls, phone, customerSession, invite: (session: unknown, req: unknown) => hook?.(session as never, req as never) };
}

describe('agent supervision', () => {
  it('leaves ordinary INVITEs to the phone and takes supervision INVITEs before they ring', () => {
    const { invite } = setUp();
    const session = { terminate: vi.fn(), isEnded: () => false };
    expect(invite(session, request({ From: '<sip:1002@pbx>' }))).toBeUndefined();
    expect(invite(session, request({ From: '<sip:6666@pbx>', [SUPERVISION_HEADER]: 'v=1;mode=listen' }))).toBe('claim');
  });

  it('answers a refused supervision INVITE 403 with no media and a log line for IT', async () => {
    const { invite } = setUp();
    warnings.length = 0;
    const session = { terminate: vi.fn(), isEnded: () => false, answer: vi.fn() };
    invite(session, request({ From: '<sip:6666@pbx>;tag=1', [SUPERVISION_HEADER]: `v=1;mode=listen;call=cust%40pbx;lead=sip%3A6666%40pbx;ts=${Date.now()};nonce=${'n'.repeat(22)};sig=${'s'.repeat(86)}` }));
    await vi.waitFor(() => expect(session.terminate).toHaveBeenCalledWith({ status_code: 403, reason_phrase: 'Forbidden' }));
    expect(session.answer).not.toHaveBeenCalled();
    expect(warnings).toEqual([expect.stringMatching(/^supervision INVITE refused \(unknown-lead\) from <sip:6666@pbx>;tag=1: /)]);
  });

  it('refuses (403) a mode switch sent on the customer call itself', async () => {
    const { calls, customerSession } = setUp();
    const original = customerSession.receiveRequest;
    calls.update({ id: 'c1', answeredAt: Date.now() });
    const info = request({ From: '<sip:1002@pbx>', 'Content-Type': SUPERVISION_INFO_TYPE }, { method: 'INFO', body: '{}' });
    customerSession.receiveRequest(info);
    await vi.waitFor(() => expect(info.reply).toHaveBeenCalledWith(403));
    expect(original).not.toHaveBeenCalled();
    // Everything else still reaches JsSIP.
    const bye = request({}, { method: 'BYE' });
    customerSession.receiveRequest(bye);
    expect(original).toHaveBeenCalledWith(bye);
  });

  it('shows the agent the mode only where notifyAgent says so', () => {
    expect(['listen', 'whisper', 'barge'].map((m) => shownToAgent('never', m as never))).toEqual([false, false, false]);
    expect(['listen', 'whisper', 'barge'].map((m) => shownToAgent('whisper-and-barge', m as never))).toEqual([false, true, true]);
    expect(['listen', 'whisper', 'barge'].map((m) => shownToAgent('always', m as never))).toEqual([true, true, true]);
  });
});
