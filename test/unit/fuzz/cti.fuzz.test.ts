/**
 * CTI headers from an INVITE anyone can send: the raw message goes through JsSIP's own parser, then the
 * phone's header readers and screen pop's trust decision. Nothing throws; what screen pop shows is trimmed
 * and bounded; a signature holds for exactly the headers it was made over; a customer id that reaches
 * the CRM matches the policy's pattern.
 */
import fc from 'fast-check';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { describe, expect, it } from 'vitest';
import { ctiPolicySchema, DEFAULT_CUSTOMER_ID_PATTERN } from '@common/contract/policy';
import { readCtiHeaders, readInviteOrigin } from '@renderer/features/phone/sip/call-session';
import { readCti } from '@renderer/features/screenpop/cti';
import { decideCtiTrust, headerAddress, SIGNED_CTI_HEADERS, signCti, validCustomerId } from '@renderer/features/screenpop/cti-trust';
import { fuzz, fuzzAsync } from './fuzz-params';
import { hostileString } from './hostile';

// JsSIP's message parser, as the UA runs it on every frame off the WebSocket (CommonJS, no typings).
const { parseMessage } = (await import('jssip/lib/Parser')) as unknown as { parseMessage(data: string, ua: unknown): IncomingRequest | undefined };

/** A header value as a hostile IVR or caller writes it: printable text (folded lines and CR/LF would end the header). */
const headerValue = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('1', 'true', 'YES', 'verified', 'no', ' ', '..', '.', '../admin', '%2e%2e', 'a'.repeat(5000), '<sip:x@y>', '"', ';tag=1'),
).map((value) => value.replace(/[\r\n]/g, ' '));
const headerName = fc.oneof(fc.constantFrom(...SIGNED_CTI_HEADERS, 'x-cti-signature', 'X-Customer-ID'), fc.stringMatching(/^[Xx]-[A-Za-z0-9-]{1,20}$/));
const address = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('<sip:ivr@pbx.bank.example>;tag=1', '"IVR" <sips:ivr@PBX.bank.example:5061;transport=tls>', 'sip:ivr@pbx.bank.example;tag=2', 'tel:+8613800000000, <sip:ivr@pbx.bank.example>', '<>', '<sip:@>') },
  { weight: 1, arbitrary: headerValue },
);

const invite = fc.record({
  // JsSIP drops an INVITE whose From it cannot parse; the P-Asserted-Identity it keeps as text, so that one is hostile.
  from: fc.constantFrom('<sip:ivr@pbx.bank.example>;tag=1', '"IVR" <sips:ivr@PBX.bank.example:5061;transport=tls>;tag=3', 'sip:caller@elsewhere.example;tag=2'),
  asserted: fc.option(address),
  callId: fc.stringMatching(/^[A-Za-z0-9.@-]{1,40}$/),
  cti: fc.array(fc.tuple(headerName, headerValue), { maxLength: 10 }),
});

interface InviteFields {
  from: string;
  asserted: string | null;
  callId: string;
  cti: Array<[string, string]>;
}

function inviteText({ from, asserted, callId, cti }: InviteFields): string {
  const lines = [
    'INVITE sip:agent@pbx.bank.example SIP/2.0',
    'Via: SIP/2.0/WSS pbx.bank.example;branch=z9hG4bK1',
    'Max-Forwards: 70',
    `From: ${from}`,
    'To: <sip:agent@pbx.bank.example>',
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    ...(asserted === null ? [] : [`P-Asserted-Identity: ${asserted}`]),
    ...cti.map(([name, value]) => `${name}: ${value}`),
    'Content-Length: 0',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

const policy = ctiPolicySchema.parse({ trustedSources: ['sip:ivr@pbx.bank.example'], hmacKey: 'k'.repeat(32) });

describe('CTI headers (fuzzed)', { timeout: 30_000 }, () => {
  it('reads any INVITE’s CTI headers without throwing; what screen pop shows is trimmed and at most 200 characters', async () => {
    let parsed = 0;
    let runs = 0;
    await fuzzAsync(
      fc.asyncProperty(invite, async (fields) => {
        runs += 1;
        const request = parseMessage(inviteText(fields), {});
        if (!request) return; // JsSIP dropped it: nothing reaches the phone
        parsed += 1;
        const headers = readCtiHeaders(request);
        for (const name of Object.keys(headers)) expect(name).toMatch(/^x-/);
        const cti = readCti(headers);
        for (const value of Object.values(cti)) {
          if (typeof value === 'boolean') continue;
          expect(value).toBe(value.trim());
          expect(value.length).toBeGreaterThan(0);
          expect(value.length).toBeLessThanOrEqual(200);
        }
        const trust = await decideCtiTrust(policy, { headers, invite: readInviteOrigin(request), now: Date.now(), seen: new Map() });
        expect(typeof trust.trusted).toBe('boolean');
      }),
      200,
    );
    // Most generated INVITEs must get past JsSIP, or the property tests nothing.
    expect(parsed / runs).toBeGreaterThan(0.5);
  });

  it('believes a signature for exactly the headers it was made over', async () => {
    const signed = fc.record({
      values: fc.tuple(...SIGNED_CTI_HEADERS.map(() => headerValue)),
      changed: fc.nat({ max: SIGNED_CTI_HEADERS.length - 1 }),
      replacement: headerValue,
    });
    await fuzzAsync(
      fc.asyncProperty(signed, async ({ values, changed, replacement }) => {
        const now = 1_800_000_000_000;
        const headers: Record<string, string> = Object.fromEntries(SIGNED_CTI_HEADERS.map((name, i) => [name, values[i] ?? '']));
        const timestamp = String(now / 1000);
        headers['x-cti-signature'] = `t=${timestamp};sig=${await signCti(policy.hmacKey ?? '', headers, 'call-1', timestamp)}`;
        const invite = { from: '<sip:someone@elsewhere.example>', callId: 'call-1' };
        expect(await decideCtiTrust(policy, { headers, invite, now, seen: new Map() })).toEqual({ trusted: true, by: 'signature' });
        const name = SIGNED_CTI_HEADERS[changed] ?? 'x-customer-id';
        if (replacement.trim() === (headers[name] ?? '').trim()) return;
        const tampered = { ...headers, [name]: replacement };
        expect(await decideCtiTrust(policy, { headers: tampered, invite, now, seen: new Map() })).toEqual({ trusted: false, reason: 'bad-signature' });
      }),
      100,
    );
  });

  it('hands the CRM only customer ids that match the pattern, never "." or ".."', () => {
    fuzz(
      fc.property(fc.oneof(headerValue, hostileString), fc.constantFrom(DEFAULT_CUSTOMER_ID_PATTERN, '[0-9]+', '.*', '[.]+'), (id, pattern) => {
        const valid = validCustomerId(id, pattern);
        if (valid === undefined) return;
        expect(valid).toBe(id);
        expect(['.', '..']).not.toContain(valid);
        expect(new RegExp(`^(?:${pattern})$`).test(valid)).toBe(true);
      }),
      300,
    );
  });

  it('finds the SIP address of any From or P-Asserted-Identity value without throwing', () => {
    fuzz(
      fc.property(fc.oneof(address, hostileString), (value) => {
        const found = headerAddress(value);
        if (found) expect(found.host).toBe(found.host.toLowerCase());
      }),
      300,
    );
  });
});
