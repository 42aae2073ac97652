import { describe, expect, it } from 'vitest';
import { redact, redactJsonLine, redactValue } from '@common/contract/redact';
import { luhnValid } from '@common/contract/redact-numbers';

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
    // Issue 23: digest nonces, bare bearer/basic credentials, JWTs, keys, Luhn card numbers, resident ids.
    ['Authorization: Digest username="8001", realm="pbx", nonce="5f8a7c1e2b", uri="sip:pbx", response="6629fae4"', '5f8a7c1e2b'],
    ['WWW-Authenticate: Digest realm="pbx", nonce=0a9f8e7d6c5b, algorithm=MD5', '0a9f8e7d6c5b'],
    ['cnonce="7c1e2b9a", nc=00000001', '7c1e2b9a'],
    ['sent Bearer abc123def456ghi to the CRM', 'abc123def456ghi'],
    ['header Basic dXNlcjpodW50ZXIy== refused', 'dXNlcjpodW50ZXIy'],
    ['token in body eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMDAxIn0.c2lnbmF0dXJl', 'eyJzdWIiOiIxMDAxIn0'],
    ['hmacKey: k3y-that-signs-cti-headers-0123456789', 'k3y-that-signs'],
    ['"teamKey":"tk-4f1e2d3c"', 'tk-4f1e2d3c'],
    ['lead key MC4CAQAwBQYDK2VwBCIEIMtGm5bT3aN7gJ6v2kP0vX4vH1rR2sS3tT4uU5vV6wW7', 'MtGm5bT3aN7gJ6v2'],
    ['-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAbCdEf\n-----END PRIVATE KEY-----', 'AbCdEf'],
    ['card 4111 1111 1111 1111 read out', '1111 1111'],
    ['card 4111-1111-1111-1111', '4111-1111'],
    ['amex 378282246310005', '378282246310005'],
    ['unionpay 6212345678901232', '6212345678901232'],
    ['19-digit 6212 3456 7890 1234 563', '3456 7890'],
    ['id 11010119900307123X verified', '11010119900307123X'],
    ['手机13800138000', '13800138000'],
    ['mobile 138-0013-8000 called', '138-0013'],
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

  it('masks phone numbers to their last four digits', () => {
    expect(redact('incoming call from +86 138 0013 8000')).toBe('incoming call from [REDACTED-PHONE …8000]');
    expect(redact('customer 13800138000 not found')).toBe('customer [REDACTED-PHONE …8000] not found');
    expect(redact('phone 010-8888-6666')).toBe('phone [REDACTED-PHONE …6666]');
    expect(redact('mobile １３８００１３８０００')).toBe('mobile [REDACTED-PHONE …8000]');
  });

  it('redacts a Luhn-valid card number whole, and any other run of 16 digits or more', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(redact('card 4111 1111 1111 1111')).toBe('card [REDACTED-CARD]');
    expect(redact('account 4111111111111112')).toBe('account [REDACTED-NUMBER]');
  });

  // What a reader of the log needs must survive: times, call ids, durations, hashes, versions, addresses.
  const survivors = [
    '2026-12-07T09:37:27.123Z registration registered',
    'at 2026-12-07 09:37:27 (epoch 1765100247123, 1765100247 s)',
    'call 3f2c9a10-1234-4567-8901-123456789012 ended',
    'sip call-id 8372615abcdef9876543@pbx hung up',
    'jssip call id 1234567ab89cdefgh0123',
    'talk time 1234567 ms, wrap-up 905 s, cache 2048 MB, loss 12.5 %',
    'durationMs=1234567ms',
    'policy sha256 1a2b3c4d5e6f7a8b9c0d1234567890ab1234567890abcdef1234567890abcdef',
    'connected to wss://pbx.bank.example:7443/ws (10.20.30.40) in 120 ms, jssip 3.13.6',
    'extension 8001 answered 486 Busy Here after 3 tries',
    'mos 4.38, jitter 0.0123456 s, rtt 23 ms',
    'Basic authentication failed for the CRM',
  ];
  for (const line of survivors) {
    it(`keeps: ${line}`, () => {
      expect(redact(line)).toBe(line);
    });
  }

  it('redacts JSON field by field: escapes hide nothing, secret-named fields lose their value, the line stays JSON', () => {
    const line = redactJsonLine(
      `${JSON.stringify({ time: '2026-12-07T09:37:27.123Z', pid: 4194304, msg: 'got "password": "abc def"', sipPassword: 'p4ss', nested: { Authorization: 'Digest x' }, n: 13800138000 })}\n`,
      [],
      new Set(['time', 'pid']),
    );
    expect(line.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toEqual({ time: '2026-12-07T09:37:27.123Z', pid: 4194304, msg: 'got "password": [REDACTED]', sipPassword: '[REDACTED]', nested: { Authorization: '[REDACTED]' }, n: '[REDACTED-PHONE …8000]' });
    expect(line).not.toMatch(/abc def|p4ss|Digest x|13800138000/);
  });

  it('keeps a "__proto__" field as a redacted field, never as the copy\'s prototype (found by fuzzing)', () => {
    const value = JSON.parse('{"__proto__":{"note":"call 13800138000"},"ok":1}') as unknown;
    const redacted = redactValue(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.keys(redacted)).toEqual(['__proto__', 'ok']);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"note":"call [REDACTED-PHONE …8000]"},"ok":1}');
  });

  it('redacts a value nested thousands deep as text below 64 levels, without overflowing (found by fuzzing)', () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}{"phone":"13800138000"}${'}'.repeat(depth)}`;
    const line = redactJsonLine(nested(1000));
    expect(line).not.toContain('13800138000');
    expect(line).toContain('[REDACTED-PHONE …8000]');
    // Deeper than JSON.stringify can go: that part is dropped, the line still written.
    expect(redactJsonLine(`{"level":30,"x":${nested(20_000)}}`)).toBe('{"level":30,"x":' + '{"a":'.repeat(63) + '"[REDACTED-TOO-DEEP]"' + '}'.repeat(63) + '}');
    // A line that is JSON stays JSON, whatever its top level (redacted as text it became `[[-[REDACTED-NUMBER]]]`, not JSON).
    expect(redactJsonLine('[[-0.0000010000000000000002]]')).toBe('[["-[REDACTED-NUMBER]"]]');
  });

  it('redacts "eyJ" repeated over 50,000 characters in linear time (found by fuzzing: it took 3.5 s)', () => {
    const started = performance.now();
    redact('eyJ'.repeat(16_667));
    expect(performance.now() - started).toBeLessThan(500);
    expect(redact('id_token=eyJhbGciOi.eyJzdWIiOi.c2ln')).toBe('id_token=[REDACTED]');
    expect(redact('jwt eyJhbGciOi.eyJzdWIiOi.c2ln end')).toBe('jwt [REDACTED-JWT] end');
  });

  it('removes secrets known by value wherever they appear', () => {
    expect(redact('config word=Zq9-secret-value ok', ['Zq9-secret-value'])).toBe('config word=[REDACTED] ok');
    expect(redactValue({ note: 'x Zq9-secret-value y' }, ['Zq9-secret-value'])).toEqual({ note: 'x [REDACTED] y' });
  });

  it('takes linear time on a long line of near-misses', () => {
    for (const line of ['12 '.repeat(60_000), '1-'.repeat(100_000), 'Bearer '.repeat(30_000), '-----BEGIN PRIVATE KEY-----'.repeat(8000), 'a_'.repeat(100_000), 'a'.repeat(200_000), `${'1 '.repeat(50_000)}x`, 'password'.repeat(25_000), `${'x.'.repeat(100_000)}@`]) {
      const start = process.cpuUsage();
      redact(line);
      const used = process.cpuUsage(start);
      expect((used.user + used.system) / 1000, line.slice(0, 10)).toBeLessThan(500);
    }
  });
});
