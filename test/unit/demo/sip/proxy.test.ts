import { describe, expect, it } from 'vitest';
import { digestResponse, parseDigest } from '../../../../demo/sip/digest';
import { header, headers, param, parseMessage, serialize, type SipMessage, type SipRequest } from '../../../../demo/sip/message';
import { SipProxy } from '../../../../demo/sip/proxy';

const users = { '1001': 'pass1001', '1002': 'pass1002' };

/** A JsSIP-like UA on one fake socket: records what the proxy sent it. */
class FakeUa {
  readonly inbox: SipMessage[] = [];
  readonly contactHost: string;
  constructor(readonly proxy: SipProxy, readonly id: string, readonly user: string) {
    this.contactHost = `${id}host.invalid`;
    proxy.attach({ id, send: (text) => this.inbox.push(parseMessage(text)) });
  }

  get contact(): string {
    return `sip:x${this.id}@${this.contactHost};transport=ws`;
  }

  last(): SipMessage {
    const message = this.inbox.at(-1);
    if (!message) throw new Error(`${this.id} received nothing`);
    return message;
  }

  send(lines: string[], body = ''): void {
    this.proxy.receive(this.id, serialize(parseMessage(`${lines.join('\r\n')}\r\n\r\n${body}`)));
  }

  request(method: string, uri: string, extra: string[] = [], branch = `z9hG4bK${method}${this.id}`): void {
    this.send([
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/WS ${this.contactHost};branch=${branch}`,
      'Max-Forwards: 69',
      `To: <${uri.includes('invalid') ? 'sip:peer@127.0.0.1' : uri}>`,
      `From: <sip:${this.user}@127.0.0.1>;tag=f${this.id}`,
      `Call-ID: call-${this.id}`,
      `CSeq: 1 ${method}`,
      `Contact: <${this.contact}>`,
      ...extra,
    ]);
  }

  register(password = users[this.user as keyof typeof users], expires = 600): void {
    this.request('REGISTER', 'sip:127.0.0.1', [], 'z9hG4bKreg1');
    const challenge = parseDigest(header(this.last(), 'WWW-Authenticate') ?? '') ?? {};
    const response = digestResponse({ user: this.user, password, realm: challenge.realm ?? '', method: 'REGISTER', uri: 'sip:127.0.0.1', nonce: challenge.nonce ?? '', nc: '00000001', cnonce: 'c' });
    this.send([
      'REGISTER sip:127.0.0.1 SIP/2.0',
      `Via: SIP/2.0/WS ${this.contactHost};branch=z9hG4bKreg2`,
      'Max-Forwards: 69',
      `To: <sip:${this.user}@127.0.0.1>`,
      `From: <sip:${this.user}@127.0.0.1>;tag=r${this.id}`,
      `Call-ID: reg-${this.id}`,
      'CSeq: 2 REGISTER',
      `Contact: <${this.contact}>;+sip.instance="<urn:uuid:${this.id}>";expires=${expires}`,
      `Authorization: Digest username="${this.user}", realm="${challenge.realm}", nonce="${challenge.nonce}", uri="sip:127.0.0.1", response="${response}", qop=auth, nc=00000001, cnonce="c", algorithm=MD5`,
    ]);
  }
}

function setup() {
  const proxy = new SipProxy({ host: '127.0.0.1', port: 8080, realm: '127.0.0.1', users });
  return { proxy, alice: new FakeUa(proxy, 'a', '1001'), bob: new FakeUa(proxy, 'b', '1002') };
}

describe('the demo SIP proxy', () => {
  it('challenges REGISTER, accepts the right digest, rejects a wrong one', () => {
    const { proxy, alice, bob } = setup();
    alice.register();
    expect(alice.last()).toMatchObject({ status: 200 });
    expect(header(alice.last(), 'Contact')).toContain(`${alice.contact}>`);
    expect(header(alice.last(), 'Contact')).toContain('expires=600');
    bob.register('wrong');
    expect(bob.last()).toMatchObject({ status: 401 });
    expect(proxy.registered()).toEqual(['1001']);
  });

  it('answers keep-alive OPTIONS to itself', () => {
    const { alice } = setup();
    alice.request('OPTIONS', 'sip:127.0.0.1:8080;transport=ws');
    expect(alice.last()).toMatchObject({ status: 200 });
  });

  it('refuses calls from a socket that has not registered the caller, and to users not registered', () => {
    const { alice, bob } = setup();
    alice.request('INVITE', 'sip:1002@127.0.0.1');
    expect(alice.last()).toMatchObject({ status: 403 });
    alice.register();
    alice.request('INVITE', 'sip:1002@127.0.0.1');
    expect(alice.last()).toMatchObject({ status: 480 });
    alice.request('INVITE', 'sip:5555@127.0.0.1');
    expect(alice.last()).toMatchObject({ status: 404 });
    expect(bob.inbox).toEqual([]);
  });

  it('routes a call to the registered socket with Record-Route and its own Via, and the answer back', () => {
    const { alice, bob } = setup();
    alice.register();
    bob.register();
    alice.request('INVITE', 'sip:1002@127.0.0.1', ['X-Customer-Id: C001']);
    const invite = bob.last() as SipRequest;
    expect(invite.method).toBe('INVITE');
    expect(invite.uri).toBe(bob.contact);
    expect(headers(invite, 'Record-Route')).toEqual(['<sip:127.0.0.1:8080;transport=ws;lr>']);
    expect(headers(invite, 'Via')).toHaveLength(2);
    expect(header(invite, 'Max-Forwards')).toBe('68');
    expect(header(invite, 'X-Customer-Id')).toBe('C001');

    const via = headers(invite, 'Via').map((v) => `Via: ${v}`);
    bob.send(['SIP/2.0 200 OK', ...via, 'To: <sip:1002@127.0.0.1>;tag=tb', 'From: <sip:1001@127.0.0.1>;tag=fa', 'Call-ID: call-a', 'CSeq: 1 INVITE', `Contact: <${bob.contact}>`, 'Record-Route: <sip:127.0.0.1:8080;transport=ws;lr>']);
    const ok = alice.last();
    expect(ok).toMatchObject({ kind: 'response', status: 200 });
    expect(headers(ok, 'Via')).toEqual([`SIP/2.0/WS ${alice.contactHost};branch=z9hG4bKINVITEa`]);

    // In-dialog requests (ACK, BYE, re-INVITE, REFER…) name the callee's contact and carry our Route.
    for (const method of ['ACK', 'INFO', 'REFER', 'BYE']) {
      alice.request(method, bob.contact, ['Route: <sip:127.0.0.1:8080;transport=ws;lr>']);
      const forwarded = bob.last() as SipRequest;
      expect(forwarded.method).toBe(method);
      expect(headers(forwarded, 'Route')).toEqual([]);
    }
    // And the other way: the callee's BYE reaches the caller's socket.
    bob.request('BYE', alice.contact, ['Route: <sip:127.0.0.1:8080;transport=ws;lr>']);
    expect(alice.last()).toMatchObject({ kind: 'request', method: 'BYE' });
  });

  it('gives a CANCEL the branch its INVITE got downstream', () => {
    const { alice, bob } = setup();
    alice.register();
    bob.register();
    alice.request('INVITE', 'sip:1002@127.0.0.1', [], 'z9hG4bKsame');
    const inviteBranch = param(header(bob.last(), 'Via') ?? '', 'branch');
    alice.request('CANCEL', 'sip:1002@127.0.0.1', [], 'z9hG4bKsame');
    expect(bob.last()).toMatchObject({ method: 'CANCEL' });
    expect(param(header(bob.last(), 'Via') ?? '', 'branch')).toBe(inviteBranch);
  });

  it('forgets a socket that closed: its user is no longer reachable', () => {
    const { proxy, alice, bob } = setup();
    alice.register();
    bob.register();
    proxy.detach('b');
    alice.request('INVITE', 'sip:1002@127.0.0.1');
    expect(alice.last()).toMatchObject({ status: 480 });
  });

  it('unregisters on expires=0', () => {
    const { proxy, alice } = setup();
    alice.register();
    expect(proxy.registered()).toEqual(['1001']);
    alice.register(undefined, 0);
    expect(alice.last()).toMatchObject({ status: 200 });
    expect(proxy.registered()).toEqual([]);
  });
});
