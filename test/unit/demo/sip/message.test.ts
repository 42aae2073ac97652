import { describe, expect, it } from 'vitest';
import { buildResponse, header, headers, param, parseMessage, parseUri, serialize, splitList, uriOf, type SipRequest } from '../../../../demo/sip/message';

const invite = [
  'INVITE sip:1002@127.0.0.1 SIP/2.0',
  'v: SIP/2.0/WS abc.invalid;branch=z9hG4bK1',
  'Max-Forwards: 69',
  'To: <sip:1002@127.0.0.1>',
  'From: "Wang, Li" <sip:1001@127.0.0.1>;tag=x1',
  'Call-ID: c1',
  'CSeq: 1 INVITE',
  'Record-Route: <sip:a;lr>, <sip:b;lr>',
  'Subject: one',
  ' two',
  'Content-Type: application/sdp',
  'Content-Length: 4',
  '',
  'v=0\n',
].join('\r\n');

describe('SIP message text', () => {
  it('reads the start line, expands compact names, unfolds lines and splits list headers', () => {
    const message = parseMessage(invite) as SipRequest;
    expect(message.kind).toBe('request');
    expect(message.method).toBe('INVITE');
    expect(message.uri).toBe('sip:1002@127.0.0.1');
    expect(header(message, 'via')).toBe('SIP/2.0/WS abc.invalid;branch=z9hG4bK1');
    expect(headers(message, 'Record-Route')).toEqual(['<sip:a;lr>', '<sip:b;lr>']);
    expect(header(message, 'Subject')).toBe('one two');
    expect(header(message, 'From')).toBe('"Wang, Li" <sip:1001@127.0.0.1>;tag=x1');
    expect(message.body).toBe('v=0\n');
  });

  it('writes a message back with its Content-Length recomputed', () => {
    const message = parseMessage(invite);
    message.body = 'v=0\r\no=中\r\n';
    const text = serialize(message);
    expect(text).toMatch(/Content-Length: 12\r\n\r\nv=0/);
    expect(parseMessage(text).body).toBe(message.body);
  });

  it('reads responses and rejects text that is not SIP', () => {
    const response = parseMessage('SIP/2.0 180 Ringing\r\nVia: SIP/2.0/WS x;branch=1\r\n\r\n');
    expect(response).toMatchObject({ kind: 'response', status: 180, reason: 'Ringing' });
    expect(() => parseMessage('hello')).toThrow(/blank line/);
    expect(() => parseMessage('GET / HTTP/1.1\r\nHost: x\r\n\r\n')).toThrow(/start line/);
  });

  it('splits lists only on commas outside quotes and angle brackets', () => {
    expect(splitList('"a, b" <sip:x>, <sip:y;p=1,2>')).toEqual(['"a, b" <sip:x>', '<sip:y;p=1,2>']);
  });

  it('reads URIs and parameters', () => {
    expect(parseUri('sip:1001@127.0.0.1:5060;transport=ws')).toEqual({ user: '1001', host: '127.0.0.1', port: 5060 });
    expect(parseUri('sip:127.0.0.1;transport=ws')).toEqual({ user: undefined, host: '127.0.0.1', port: undefined });
    expect(uriOf('"A" <sip:a@b>;tag=1')).toBe('sip:a@b');
    expect(param('<sip:a@b>;tag=1;lr', 'tag')).toBe('1');
    expect(param('<sip:a@b>;tag=1;lr', 'lr')).toBe('');
    expect(param('<sip:a@b>;tag=1', 'branch')).toBeUndefined();
  });

  it('builds a response that copies Via, From, Call-ID and CSeq and tags To', () => {
    const response = buildResponse(parseMessage(invite) as SipRequest, 404, 'Not Found', 't9');
    expect(header(response, 'To')).toBe('<sip:1002@127.0.0.1>;tag=t9');
    expect(header(response, 'CSeq')).toBe('1 INVITE');
    expect(header(response, 'Via')).toContain('branch=z9hG4bK1');
  });
});
