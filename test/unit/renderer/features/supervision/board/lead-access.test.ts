import { describe, expect, it } from 'vitest';
import { addressOf, isLead, requesterOf } from '@renderer/features/supervision/board/lead-access';

const leads = [{ uri: 'sip:1003@PBX.bank.example' }];

describe('who may watch an agent', () => {
  it('reads user@host from name-addrs and plain URIs, ignoring display names, params and ports', () => {
    expect(addressOf('"Lead" <sip:1003@pbx.bank.example:5060;transport=ws>;tag=abc')).toBe('1003@pbx.bank.example');
    expect(addressOf('sips:1003@PBX.bank.example;gr')).toBe('1003@pbx.bank.example');
    expect(addressOf('tel:+861012345')).toBeNull();
  });

  it('trusts P-Asserted-Identity over From where the proxy sets it', () => {
    expect(requesterOf({ from: '<sip:1003@pbx.bank.example>;tag=1', assertedIdentity: '<sip:1009@pbx.bank.example>' })).toBe('1009@pbx.bank.example');
    expect(requesterOf({ from: '<sip:1003@pbx.bank.example>;tag=1' })).toBe('1003@pbx.bank.example');
  });

  it('accepts only the listed leads', () => {
    expect(isLead('1003@pbx.bank.example', leads)).toBe(true);
    expect(isLead('1004@pbx.bank.example', leads)).toBe(false);
    expect(isLead('1003@other.example', leads)).toBe(false);
    expect(isLead(null, leads)).toBe(false);
    expect(isLead('1003@pbx.bank.example', [])).toBe(false);
  });
});
