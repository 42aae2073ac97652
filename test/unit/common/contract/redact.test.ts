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

  // Every kind of secret or personal data a log line has carried, with the part that must not survive.
  const corpus: Array<[line: string, secret: string]> = [
    ['password=hunter2', 'hunter2'],
    ['PASSWORD: "correct horse battery"', 'correct horse'],
    ["{'password': 'p@ss w0rd'}", 'p@ss'],
    ['pwd=Tr0ub4dor', 'Tr0ub4dor'],
    ['passwd=Tr0ub4dor', 'Tr0ub4dor'],
    ['pass=Tr0ub4dor', 'Tr0ub4dor'],
    ['sip-password: Tr0ub4dor', 'Tr0ub4dor'],
    ['{"sip":{"password":"Tr0ub4dor"}}', 'Tr0ub4dor'],
    ['passphrase = "open sesame"', 'open sesame'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMDAxIn0.c2lnbmF0dXJl', 'eyJhbGci'],
    ['authorization=Basic dXNlcjpodW50ZXIy', 'dXNlcjpodW50ZXIy'],
    ['Proxy-Authorization: Digest username="1001", realm="pbx", nonce="8f2a", uri="sip:pbx", response="6629fae49393a05397450978507c4ef1"', '6629fae49393a05397450978507c4ef1'],
    ['digest response=6629fae49393a05397450978507c4ef1, algorithm=MD5', '6629fae4'],
    ['GET /crm?access_token=ya29.a0AfH6SMB&customer=7', 'ya29.a0AfH6SMB'],
    ['refresh_token: 1//0gLx-secret', '1//0gLx-secret'],
    ['X-Auth-Token: 9b1d2f3e', '9b1d2f3e'],
    ['"accessToken": "at-123-xyz"', 'at-123-xyz'],
    ['token=abc.def', 'abc.def'],
    ['client_secret=s3cr3t', 's3cr3t'],
    ['api_key=AKIA1234', 'AKIA1234'],
    ['apiKey: "k-9z"', 'k-9z'],
    ['Cookie: JSESSIONID=0a1b2c3d', '0a1b2c3d'],
    ['credential=abc123', 'abc123'],
    ['card pin: 4821', '4821'],
    ['cvv=837', '837'],
    ['connect wss://agent1001:hunter2@pbx.bank.example/ws failed', 'hunter2'],
    ['call from sip:13800138000@pbx.example', '13800138000'],
    ['REGISTER sips:1001@pbx.bank.example', '1001'],
    ['incoming call from +86 138 0013 8000', '138 0013 8000'],
    ['customer 13800138000 not found', '13800138000'],
    ['phone 010-8888-6666', '8888-6666'],
    ['card 6222 0212 3456 7890', '3456 7890'],
    ['card 6222-0212-3456-7890', '3456-7890'],
    ['card 6222.0212.3456.7890', '3456.7890'],
    ['card 6222021234567890', '6222021234567890'],
    ['card ６２２２ ０２１２ ３４５６ ７８９０', '３４５６'],
    ['card ６２２２０２１２３４５６７８９０', '３４５６'],
    ['card ６２２２．０２１２．３４５６．７８９０', '３４５６'],
    ['id 110101199003071234', '1990030712'],
    ['mobile １３８００１３８０００', '１３８００１３８０００'],
    ['customer e-mail wang.fang+card@bank-customer.example.cn', 'wang.fang'],
  ];
  for (const [line, secret] of corpus) {
    it(`removes the secret from: ${line}`, () => {
      const out = redact(line);
      expect(out).not.toContain(secret);
      expect(out).toMatch(/\[REDACTED/);
    });
  }

  it('keeps what a reader needs: the name, the auth scheme, addresses, versions and times', () => {
    expect(redact('Authorization: Bearer abc')).toBe('Authorization: Bearer [REDACTED]');
    expect(redact('access_token=abc&customer=7')).toBe('access_token=[REDACTED]&customer=7');
    expect(redact('connected to wss://pbx.bank.example:7443/ws (10.20.30.40) in 120 ms, jssip 3.13.6')).toBe(
      'connected to wss://pbx.bank.example:7443/ws (10.20.30.40) in 120 ms, jssip 3.13.6',
    );
    expect(redact('bypass: on, passport: checked, spin=3, tokens: 42 counted')).toBe('bypass: on, passport: checked, spin=3, tokens: 42 counted');
  });

  it('takes linear time on a long line of near-misses', () => {
    for (const line of ['a_'.repeat(100_000), 'a'.repeat(200_000), `${'1 '.repeat(50_000)}x`, 'password'.repeat(25_000), `${'x.'.repeat(100_000)}@`]) {
      const start = process.cpuUsage();
      redact(line);
      const used = process.cpuUsage(start);
      expect((used.user + used.system) / 1000, line.slice(0, 10)).toBeLessThan(500);
    }
  });
});
