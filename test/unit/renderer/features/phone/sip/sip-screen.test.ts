import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATES } from '@renderer/features/phone/sip/sdp-limits';
import { MAX_HEADER_FIELDS, MAX_MESSAGE_CHARS, screenIncoming, type Screened } from '@renderer/features/phone/sip/sip-screen';

const SDP = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n';

/** An INVITE as Kamailio forwards a JsSIP caller's: two Vias, Record-Route, SDP body. */
function invite(overrides: { start?: string; headers?: string[]; drop?: string[]; body?: string } = {}): string {
  const body = overrides.body ?? SDP;
  const headers = [
    'Via: SIP/2.0/WS 127.0.0.1:8080;branch=z9hG4bK1',
    'Via: SIP/2.0/WS abc.invalid;received=127.0.0.1;branch=z9hG4bK2',
    'Record-Route: <sip:127.0.0.1:8080;transport=ws;lr>',
    'Max-Forwards: 69',
    'To: <sip:1001@127.0.0.1>',
    'From: "Wang Fang" <sip:1002@127.0.0.1>;tag=abc',
    'Call-ID: call-1',
    'CSeq: 6502 INVITE',
    'Contact: <sip:x@abc.invalid;transport=ws>',
    'Content-Type: application/sdp',
    `Content-Length: ${body.length}`,
  ].filter((line) => !overrides.drop?.some((name) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)));
  return [overrides.start ?? 'INVITE sip:1001@127.0.0.1 SIP/2.0', ...headers, ...(overrides.headers ?? []), '', body].join('\r\n');
}

function reply(screened: Screened): { status: string; text: string } {
  if (screened.action !== 'reply') throw new Error(`expected a reply, got ${screened.action}`);
  return { status: screened.response.split('\r\n')[0] ?? '', text: screened.response };
}

describe('screenIncoming', () => {
  it('passes an ordinary INVITE, a 200 and CRLF keep-alives untouched', () => {
    const text = invite();
    expect(screenIncoming(text)).toEqual({ action: 'pass', text });
    const ok = 'SIP/2.0 200 OK\r\nVia: SIP/2.0/WS a.invalid;branch=z9hG4bK1\r\nCSeq: 2 OPTIONS\r\n\r\n';
    expect(screenIncoming(ok)).toEqual({ action: 'pass', text: ok });
    expect(screenIncoming('\r\n\r\n')).toEqual({ action: 'pass', text: '\r\n\r\n' });
  });

  it('answers a malformed request line 400, another SIP version 505 and a non-SIP Request-URI 416', () => {
    expect(reply(screenIncoming(invite({ start: 'INVITE  sip:1001@127.0.0.1 SIP/2.0' }))).status).toBe('SIP/2.0 400 Bad Request (malformed Request-Line)');
    expect(reply(screenIncoming(invite({ start: 'INVITE <sip:1001@127.0.0.1> SIP/2.0' }))).status).toBe('SIP/2.0 400 Bad Request (malformed Request-URI)');
    expect(reply(screenIncoming(invite({ start: 'INVITE sip:1001@127.0.0.1 SIP/7.0' }))).status).toBe('SIP/2.0 505 Version Not Supported');
    expect(reply(screenIncoming(invite({ start: 'INVITE soap.beep://192.0.2.103:3002 SIP/2.0' }))).status).toBe('SIP/2.0 416 Unsupported URI Scheme');
  });

  it('answers 400 to repeated single headers, a CSeq out of range or naming another method, and a bad Content-Length', () => {
    expect(reply(screenIncoming(invite({ headers: ['Call-ID: call-2'] }))).status).toContain('more than one call-id');
    expect(reply(screenIncoming(invite({ headers: ['l: 5'] }))).status).toContain('more than one content-length');
    expect(reply(screenIncoming(invite({ drop: ['CSeq'], headers: ['CSeq: 36893488147419103232 INVITE'] }))).status).toContain('CSeq out of range');
    expect(reply(screenIncoming(invite({ drop: ['CSeq'], headers: ['CSeq: 8 OPTIONS'] }))).status).toContain('CSeq method does not match');
    expect(reply(screenIncoming(invite({ drop: ['Content-Length'], headers: ['Content-Length: -999'] }))).status).toContain('malformed Content-Length');
  });

  it('answers 400 to what JsSIP’s grammar cannot read, copying Via, From, Call-ID and CSeq and tagging To', () => {
    const { status, text } = reply(screenIncoming(invite({ drop: ['To'], headers: ['To: "Mr. J. User <sip:j.user@example.com>'] })));
    expect(status).toBe('SIP/2.0 400 Bad Request (malformed header)');
    expect(text).toContain('Via: SIP/2.0/WS 127.0.0.1:8080;branch=z9hG4bK1\r\nVia: SIP/2.0/WS abc.invalid;received=127.0.0.1;branch=z9hG4bK2\r\n');
    expect(text).toMatch(/\r\nTo: "Mr\. J\. User <sip:j\.user@example\.com>;tag=\w+\r\n/);
    expect(text).toContain('\r\nCall-ID: call-1\r\nCSeq: 6502 INVITE\r\nContent-Length: 0\r\n\r\n');
  });

  it('answers 400 with what it has when To, From and Call-ID are missing; drops what it cannot answer and never answers an ACK', () => {
    const { status, text } = reply(screenIncoming(invite({ drop: ['To', 'From', 'Call-ID'] })));
    expect(status).toBe('SIP/2.0 400 Bad Request (missing to, from, call-id)');
    expect(text).toContain('CSeq: 6502 INVITE');
    expect(screenIncoming(invite({ drop: ['Via'] }))).toMatchObject({ action: 'drop' });
    expect(screenIncoming(invite({ start: 'ACK sip:1001@127.0.0.1 SIP/2.0 ', drop: ['CSeq'], headers: ['CSeq: 6502 ACK'] }))).toMatchObject({ action: 'drop' });
  });

  it('answers 420 with Unsupported for a Require it does not support, and 406 to an INVITE that will not accept SDP', () => {
    const required = reply(screenIncoming(invite({ headers: ['Require: replaces, nothingSupportsThis'] })));
    expect(required.status).toBe('SIP/2.0 420 Bad Extension');
    expect(required.text).toContain('Unsupported: nothingsupportsthis\r\n');
    expect(screenIncoming(invite({ headers: ['Require: replaces'] }))).toMatchObject({ action: 'pass' });
    expect(reply(screenIncoming(invite({ headers: ['Accept: text/nobodyKnowsThis'] }))).status).toBe('SIP/2.0 406 Not Acceptable');
    expect(screenIncoming(invite({ headers: ['Accept: application/sdp;level=1, application/dtmf-relay'] }))).toMatchObject({ action: 'pass' });
  });

  it('gives an RFC 2543 INVITE without Contact its From URI as Contact', () => {
    const screened = screenIncoming(invite({ drop: ['Contact'] }));
    expect(screened).toMatchObject({ action: 'pass', note: expect.stringContaining('RFC 2543') });
    expect(screened.action === 'pass' && screened.text.split('\r\n')[1]).toBe('Contact: <sip:1002@127.0.0.1>');
  });

  it('drops responses with a status code that is not three digits, two Vias or an overlarge CSeq', () => {
    const response = (start: string, extra: string[] = [], cseq = '35 INVITE') =>
      [start, 'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1', ...extra, `CSeq: ${cseq}`, 'Content-Length: 0', '', ''].join('\r\n');
    expect(screenIncoming(response('SIP/2.0 4294967301 better not break the receiver'))).toMatchObject({ action: 'drop' });
    expect(screenIncoming(response('SIP/2.0 200 OK', ['Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK2']))).toMatchObject({ action: 'drop' });
    expect(screenIncoming(response('SIP/2.0 503 Service Unavailable', [], '9292394834772304023312 OPTIONS'))).toMatchObject({ action: 'drop' });
    expect(screenIncoming(response('SIP/2.0 100 '))).toMatchObject({ action: 'pass' });
  });

  describe('hostile peers', () => {
    const candidates = (n: number) => Array.from({ length: n }, (_, i) => `a=candidate:${i} 1 udp ${2_000_000 - i} 127.0.0.1 ${10_000 + i} typ host`);
    const sdp = (lines: string[]) => `${[...SDP.trimEnd().split('\r\n'), ...lines].join('\r\n')}\r\n`;
    const passed = (screened: Screened) => {
      if (screened.action !== 'pass') throw new Error(`expected pass, got ${screened.action}`);
      return screened;
    };

    it('answers 513 to a 1 MB request without reading its body, drops a 1 MB response and a 1 MB frame with no headers end', () => {
      const huge = invite({ body: sdp([`a=x-padding:${'x'.repeat(1024 * 1024)}`]) });
      expect(reply(screenIncoming(huge)).status).toBe('SIP/2.0 513 Message Too Large');
      expect(reply(screenIncoming(huge)).text).toContain('Call-ID: call-1');
      const response = `SIP/2.0 200 OK\r\nVia: SIP/2.0/WS a.invalid;branch=z9hG4bK1\r\nCSeq: 2 INVITE\r\n\r\n${'x'.repeat(MAX_MESSAGE_CHARS)}`;
      expect(screenIncoming(response).action).toBe('drop');
      expect(screenIncoming('x'.repeat(MAX_MESSAGE_CHARS + 1)).action).toBe('drop');
      // Just under the limit is an ordinary message.
      expect(screenIncoming(invite({ body: sdp([`a=x-padding:${'x'.repeat(MAX_MESSAGE_CHARS - 1000)}`]) })).action).toBe('pass');
    });

    it('answers 400 to a request with thousands of header fields, before JsSIP parses them', () => {
      const flood = invite({ headers: Array.from({ length: 5000 }, (_, i) => `X-Flood-${i}: ${i}`) });
      expect(reply(screenIncoming(flood)).status).toBe(`SIP/2.0 400 Bad Request (more than ${MAX_HEADER_FIELDS} header fields)`);
      expect(screenIncoming(invite({ headers: Array.from({ length: 100 }, (_, i) => `X-Cti-${i}: ${i}`) })).action).toBe('pass');
    });

    it('answers 488 to an offer with 500 formats on its m-line, and passes one with 20', () => {
      const formats = (n: number) => Array.from({ length: n }, (_, i) => i);
      const offer = (n: number) => SDP.replace('RTP/AVP 0', `RTP/AVP ${formats(n).join(' ')}`) + formats(n).map((pt) => `a=rtpmap:${pt} X${pt}/8000\r\n`).join('');
      const refused = reply(screenIncoming(invite({ body: offer(500) })));
      expect(refused.status).toBe('SIP/2.0 488 Not Acceptable Here');
      expect(refused.text).toContain('Warning: 399 lingxi "an m-line with 500 formats (RTP has 128 payload types)"');
      expect(screenIncoming(invite({ body: offer(20) })).action).toBe('pass');
    });

    it(`keeps the first ${MAX_CANDIDATES} of 3000 ICE candidates, with a Content-Length that matches, in requests and answers`, () => {
      const screened = passed(screenIncoming(invite({ body: sdp(candidates(3000)) })));
      const [head = '', body = ''] = screened.text.split('\r\n\r\n');
      expect(body.match(/^a=candidate:/gm)).toHaveLength(MAX_CANDIDATES);
      expect(body).toContain(`a=candidate:${MAX_CANDIDATES - 1} `);
      expect(head).toContain(`Content-Length: ${body.length}`);
      expect(screened.note).toBe(`${3000 - MAX_CANDIDATES} ICE candidates beyond ${MAX_CANDIDATES} per media section dropped`);
      const answer = `SIP/2.0 200 OK\r\nVia: SIP/2.0/WS a.invalid;branch=z9hG4bK1\r\nCSeq: 2 INVITE\r\nContent-Type: application/sdp\r\nl: 1\r\n\r\n${sdp(candidates(100))}`;
      expect(passed(screenIncoming(answer)).text.match(/^a=candidate:/gm)).toHaveLength(MAX_CANDIDATES);
      // A handful, as real peers send, passes untouched.
      const few = invite({ body: sdp(candidates(8)) });
      expect(screenIncoming(few)).toEqual({ action: 'pass', text: few });
    });
  });
});
