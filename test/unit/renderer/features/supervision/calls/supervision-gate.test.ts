/**
 * The agent's gatekeeper (issue 20 §4): only a listed lead, with a valid fresh signature never seen before,
 * about a call the agent has, gets in; every other request is refused with the reason IT reads in the log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatModeSwitchBody, formatSupervisionHeader, type SupervisionClaim } from '@common/supervision/supervision-protocol';
import { generateSupervisionKeyPair, importPrivateKey, signClaim } from '@common/supervision/supervision-signing';
import { SupervisionGate, type GateResult } from '@renderer/features/supervision/calls/supervision-gate';

const LEAD = 'sip:1003@127.0.0.1';
const OTHER_LEAD = 'sip:1004@127.0.0.1';
const CALL = 'abc123@127.0.0.1';
const NOW = 1_800_000_000_000;

let leadKey: CryptoKey;
let otherKey: CryptoKey;
let strangerKey: CryptoKey;
let leads: { uri: string; publicKey: string }[];

beforeAll(async () => {
  const [lead, other, stranger] = await Promise.all([generateSupervisionKeyPair(), generateSupervisionKeyPair(), generateSupervisionKeyPair()]);
  [leadKey, otherKey, strangerKey] = await Promise.all([importPrivateKey(lead.privateKey), importPrivateKey(other.privateKey), importPrivateKey(stranger.privateKey)]);
  leads = [
    { uri: LEAD, publicKey: lead.publicKey },
    { uri: OTHER_LEAD, publicKey: other.publicKey },
  ];
});

function gate(now = NOW, calls = [CALL]) {
  return new SupervisionGate({ policy: () => ({ leads, maxClockSkewSeconds: 60 }), hasCall: (id) => calls.includes(id), now: () => now });
}

function claim(patch: Partial<SupervisionClaim> = {}): SupervisionClaim {
  return { mode: 'listen', call: CALL, lead: LEAD, ts: NOW, nonce: 'n0nce-0123456789ab', ...patch };
}

async function header(key = leadKey, patch: Partial<SupervisionClaim> = {}): Promise<string> {
  return formatSupervisionHeader(await signClaim(key, 'invite', claim(patch)));
}

/** The supervising lead's policy entry. */
const leadEntry = () => leads[0] as { uri: string; publicKey: string };
const from = (uri: string) => ({ from: `"Lead" <${uri}>;tag=x1` });
const reason = (result: GateResult) => (result.ok ? 'accepted' : result.reason);

describe('supervision INVITE', () => {
  it('accepts a listed lead with a fresh valid signature about a call the agent has', async () => {
    const result = await gate().checkInvite(await header(), from(LEAD));
    expect(result.ok && result.lead.uri).toBe(LEAD);
    expect(result.ok && result.claim.mode).toBe('listen');
  });

  it('refuses an unknown lead, even one signing its own request correctly', async () => {
    const stranger = 'sip:6666@127.0.0.1';
    const result = await gate().checkInvite(await header(strangerKey, { lead: stranger }), from(stranger));
    expect(reason(result)).toBe('unknown-lead');
  });

  it('matches the lead on P-Asserted-Identity where the proxy set it, not on From', async () => {
    const spoofed = { from: `<${LEAD}>;tag=1`, assertedIdentity: '<sip:6666@127.0.0.1>' };
    expect(reason(await gate().checkInvite(await header(), spoofed))).toBe('unknown-lead');
    const asserted = { from: '<sip:anonymous@anonymous.invalid>;tag=1', assertedIdentity: `<${LEAD}>` };
    expect(reason(await gate().checkInvite(await header(), asserted))).toBe('accepted');
  });

  it('refuses a wrong signature: another key, or a field changed after signing', async () => {
    expect(reason(await gate().checkInvite(await header(strangerKey), from(LEAD)))).toBe('bad-signature');
    const signed = await header();
    expect(reason(await gate().checkInvite(signed.replace('mode=listen', 'mode=barge'), from(LEAD)))).toBe('bad-signature');
  });

  it('refuses a claim one listed lead signed in another lead name', async () => {
    expect(reason(await gate().checkInvite(await header(otherKey), from(OTHER_LEAD)))).toBe('lead-mismatch');
  });

  it('refuses a replayed header, also on a second check after the first succeeded', async () => {
    const checks = gate();
    const signed = await header();
    expect(reason(await checks.checkInvite(signed, from(LEAD)))).toBe('accepted');
    expect(reason(await checks.checkInvite(signed, from(LEAD)))).toBe('replayed');
  });

  it('refuses an expired or future timestamp beyond maxClockSkewSeconds, accepts within it', async () => {
    expect(reason(await gate(NOW + 61_000).checkInvite(await header(), from(LEAD)))).toBe('expired');
    expect(reason(await gate(NOW - 61_000).checkInvite(await header(), from(LEAD)))).toBe('expired');
    expect(reason(await gate(NOW + 59_000).checkInvite(await header(), from(LEAD)))).toBe('accepted');
  });

  it('refuses an INVITE for a call that does not exist', async () => {
    expect(reason(await gate(NOW, []).checkInvite(await header(), from(LEAD)))).toBe('no-such-call');
  });

  it('refuses a missing or malformed header', async () => {
    expect(reason(await gate().checkInvite(undefined, from(LEAD)))).toBe('malformed');
    expect(reason(await gate().checkInvite('v=1;mode=spy', from(LEAD)))).toBe('malformed');
    expect(reason(await gate().checkInvite('v=2;mode=listen', from(LEAD)))).toBe('malformed');
  });

  it('refuses an INVITE signature reused as a mode switch (the purpose is signed)', async () => {
    const signed = await signClaim(leadKey, 'invite', claim({ nonce: 'reuse-0123456789ab' }));
    const leg = { lead: leadEntry(), call: CALL };
    expect(reason(await gate().checkModeSwitch(formatModeSwitchBody(signed), from(LEAD), leg))).toBe('bad-signature');
  });
});

describe('mode switch (SIP INFO)', () => {
  const body = async (key: CryptoKey, patch: Partial<SupervisionClaim>) => formatModeSwitchBody(await signClaim(key, 'mode', claim({ mode: 'whisper', nonce: 'switch-0123456789', ...patch })));

  it('accepts a switch from the supervising lead about the supervised call', async () => {
    const result = await gate().checkModeSwitch(await body(leadKey, {}), from(LEAD), { lead: leadEntry(), call: CALL });
    expect(result.ok && result.claim.mode).toBe('whisper');
  });

  it('refuses a switch from a party that is not the supervising lead, even a listed lead with a valid signature', async () => {
    const leg = { lead: leadEntry(), call: CALL };
    expect(reason(await gate().checkModeSwitch(await body(otherKey, { lead: OTHER_LEAD }), from(OTHER_LEAD), leg))).toBe('not-supervising-lead');
    expect(reason(await gate().checkModeSwitch(await body(leadKey, {}), from('sip:1002@127.0.0.1'), leg))).toBe('unknown-lead');
  });

  it('refuses a switch sent outside a supervision leg (on the customer call) or about another call', async () => {
    expect(reason(await gate().checkModeSwitch(await body(leadKey, {}), from(LEAD), undefined))).toBe('not-supervising-lead');
    const leg = { lead: leadEntry(), call: 'other@127.0.0.1' };
    expect(reason(await gate().checkModeSwitch(await body(leadKey, {}), from(LEAD), leg))).toBe('not-supervising-lead');
  });

  it('refuses a replayed switch', async () => {
    const checks = gate();
    const leg = { lead: leadEntry(), call: CALL };
    const signed = await body(leadKey, { mode: 'barge' });
    expect(reason(await checks.checkModeSwitch(signed, from(LEAD), leg))).toBe('accepted');
    expect(reason(await checks.checkModeSwitch(signed, from(LEAD), leg))).toBe('replayed');
  });
});
