import { describe, expect, it } from 'vitest';
import { redact } from '@common/contract/redact';

describe('redact', () => {
  it('removes phone numbers, SIP users, card numbers and secrets', () => {
    const line = redact('call from sip:13800138000@pbx.example card 6222 0212 3456 7890 password=hunter2 "token": "abc"');
    expect(line).not.toMatch(/13800138000|6222|7890|hunter2|abc/);
    expect(line).toContain('sip:[REDACTED]@pbx.example');
  });
  it('leaves ordinary text alone', () => {
    expect(redact('registration registered (auth)')).toBe('registration registered (auth)');
  });
});
