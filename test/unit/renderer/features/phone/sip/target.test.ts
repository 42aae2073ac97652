import { describe, expect, it } from 'vitest';
import { toDialTarget, userPart } from '@renderer/features/phone/sip/target';

const own = 'sip:1001@pbx.bank.example';

describe('toDialTarget', () => {
  it('dials a number on the agent’s own domain, dropping separators people type', () => {
    expect(toDialTarget(' 138-0013 8000 ', own)).toEqual({ ok: true, uri: 'sip:13800138000@pbx.bank.example', number: '13800138000' });
    expect(toDialTarget('+86 (10) 9558', own)).toMatchObject({ ok: true, number: '+86109558' });
  });
  it('passes a full SIP URI through', () => {
    expect(toDialTarget('sip:2001@other.example', own)).toEqual({ ok: true, uri: 'sip:2001@other.example', number: '2001' });
  });
  it('rejects empty and undiallable input', () => {
    expect(toDialTarget('   ', own)).toEqual({ ok: false, error: 'empty' });
    expect(toDialTarget('call mum', own)).toEqual({ ok: false, error: 'invalid' });
    expect(toDialTarget('sip:nobody', own)).toEqual({ ok: false, error: 'invalid' });
  });
  it('userPart reads the number from a URI', () => {
    expect(userPart('sip:1002@127.0.0.1;transport=ws')).toBe('1002');
  });
});
