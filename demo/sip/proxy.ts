/**
 * The demo's SIP registrar and stateless proxy (RFC 3261 §10, §16.11) for JsSIP clients over WebSocket
 * (RFC 7118) on loopback. Transport-free: server.ts feeds it frames per connection.
 *
 * - REGISTER is digest-challenged (401); a connection that registered a user may then send requests from
 *   that user (the connection is the credential, so INVITEs are not challenged again).
 * - Requests to a registered user go to the WebSocket that registered it; JsSIP's Contact hosts
 *   (`<random>.invalid`) are learned per connection, so in-dialog requests (ACK, BYE, re-INVITE, REFER,
 *   INFO, NOTIFY…) reach the right socket. Dialog-creating requests get our Record-Route.
 * - Our Via carries the connection the request came from, so responses need no transaction state; the
 *   branch is derived from the incoming one, so a CANCEL or a non-2xx ACK matches its INVITE downstream.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DigestAuth } from './digest';
import {
  buildResponse, header, headers, param, parseMessage, parseUri, prependHeader, removeFirst, serialize, setHeader, uriOf,
  type SipRequest, type SipResponse, type SipUri,
} from './message';

/** One WebSocket peer as the proxy sees it. */
export interface SipConnection {
  readonly id: string;
  send(text: string): void;
}

export interface ProxyOptions {
  /** Our address as written in Via and Record-Route (127.0.0.1 and the WebSocket port). */
  host: string;
  port: number;
  /** Digest realm and SIP domain of the demo users. */
  realm: string;
  /** Demo users and their passwords. */
  users: Readonly<Record<string, string>>;
  /** Trace of what happened (tests and `--verbose`); silent by default. */
  log?: (line: string) => void;
}

interface Binding {
  connectionId: string;
  contact: string;
  expiresAt: number;
}

const DIALOG_CREATING = new Set(['INVITE', 'SUBSCRIBE', 'REFER']);
const MAX_EXPIRES = 3600;

export class SipProxy {
  private readonly connections = new Map<string, SipConnection>();
  /** AOR user → where it is registered. */
  private readonly bindings = new Map<string, Binding>();
  /** Contact host (JsSIP's `<random>.invalid`) → the connection it lives on. */
  private readonly hosts = new Map<string, string>();
  /** Connection → users it registered with a valid password. */
  private readonly authenticated = new Map<string, Set<string>>();
  private readonly auth: DigestAuth;
  private readonly self: string;

  constructor(private readonly options: ProxyOptions) {
    this.auth = new DigestAuth(options.realm, (user) => options.users[user]);
    this.self = `${options.host}:${options.port}`;
  }

  attach(connection: SipConnection): void {
    this.connections.set(connection.id, connection);
  }

  /** A socket closed: its registrations and contact hosts go with it. */
  detach(connectionId: string): void {
    this.connections.delete(connectionId);
    this.authenticated.delete(connectionId);
    for (const [user, binding] of this.bindings) if (binding.connectionId === connectionId) this.bindings.delete(user);
    for (const [host, id] of this.hosts) if (id === connectionId) this.hosts.delete(host);
  }

  /** Users registered now (for the demo's status line and tests). */
  registered(now = Date.now()): string[] {
    return [...this.bindings].filter(([, b]) => b.expiresAt > now).map(([user]) => user);
  }

  /** One frame from `connection`. */
  receive(connectionId: string, text: string, now = Date.now()): void {
    const from = this.connections.get(connectionId);
    if (!from || text.trim() === '') return;
    let message;
    try {
      message = parseMessage(text);
    } catch (error) {
      this.log(`drop malformed frame from ${connectionId}: ${(error as Error).message}`);
      return;
    }
    this.learnHosts(connectionId, headers(message, 'Contact'));
    if (message.kind === 'response') this.forwardResponse(message);
    else this.handleRequest(from, message, now);
  }

  private handleRequest(from: SipConnection, request: SipRequest, now: number): void {
    const via = header(request, 'Via');
    if (via) this.learnHosts(from.id, [via.replace(/^SIP\/2\.0\/\S+\s+/i, 'sip:')]);
    this.log(`REQ ${request.method} ${request.uri} from ${from.id}`);
    const maxForwards = Number(header(request, 'Max-Forwards') ?? '70');
    if (maxForwards <= 0) return this.reply(from, request, 483, 'Too Many Hops');
    const target = parseUri(request.uri);
    if (request.method === 'REGISTER') return this.register(from, request, now);
    this.dropOwnRoute(request);
    if (target.user === undefined && this.isSelf(target)) {
      if (request.method === 'OPTIONS') return this.reply(from, request, 200, 'OK');
      if (request.method !== 'ACK') this.reply(from, request, 404, 'Not Found');
      return;
    }
    const inDialog = this.hosts.has(target.host);
    if (!inDialog) {
      // Out of dialog: the sender must have registered the From user on this socket (CANCEL and ACK follow their INVITE).
      const fromUser = parseUri(uriOf(header(request, 'From') ?? '')).user ?? '';
      if (!['ACK', 'CANCEL'].includes(request.method) && !this.authenticated.get(from.id)?.has(fromUser)) {
        return this.reply(from, request, 403, 'Register first');
      }
      const binding = target.user === undefined ? undefined : this.bindings.get(target.user);
      if (!binding || binding.expiresAt <= now) {
        if (request.method !== 'ACK') this.reply(from, request, target.user && this.options.users[target.user] ? 480 : 404, target.user && this.options.users[target.user] ? 'Temporarily Unavailable' : 'Not Found');
        return;
      }
      request.uri = binding.contact;
      if (DIALOG_CREATING.has(request.method)) prependHeader(request, 'Record-Route', `<sip:${this.self};transport=ws;lr>`);
    }
    const next = this.connections.get((inDialog ? this.hosts.get(target.host) : this.bindings.get(target.user ?? '')?.connectionId) ?? '');
    if (!next) {
      if (request.method !== 'ACK') this.reply(from, request, 480, 'Temporarily Unavailable');
      return;
    }
    setHeader(request, 'Max-Forwards', String(maxForwards - 1));
    prependHeader(request, 'Via', `SIP/2.0/WS ${this.self};branch=${this.branchFor(via ?? '')};lxc=${from.id}`);
    next.send(serialize(request));
  }

  private register(from: SipConnection, request: SipRequest, now: number): void {
    const toUser = parseUri(uriOf(header(request, 'To') ?? '')).user;
    const user = this.auth.verify(header(request, 'Authorization'), 'REGISTER', toUser, now);
    if (!user) {
      const challenge = buildResponse(request, 401, 'Unauthorized', randomTag());
      challenge.headers.push({ name: 'WWW-Authenticate', value: this.auth.challenge(now) });
      return this.send(from, challenge);
    }
    const users = this.authenticated.get(from.id) ?? new Set<string>();
    users.add(user);
    this.authenticated.set(from.id, users);
    const contacts = headers(request, 'Contact');
    const globalExpires = Number(header(request, 'Expires') ?? '600');
    const ok = buildResponse(request, 200, 'OK', randomTag());
    for (const contact of contacts) {
      if (contact === '*') {
        this.bindings.delete(user);
        continue;
      }
      const expires = Math.min(Number(param(contact, 'expires') ?? globalExpires), MAX_EXPIRES);
      if (expires <= 0) {
        if (this.bindings.get(user)?.contact === uriOf(contact)) this.bindings.delete(user);
        continue;
      }
      // One binding per user: a browser from an earlier session never gets a forked call.
      this.bindings.set(user, { connectionId: from.id, contact: uriOf(contact), expiresAt: now + expires * 1000 });
      ok.headers.push({ name: 'Contact', value: `${contact.replace(/;\s*expires=[^;]*/i, '')};expires=${expires}` });
    }
    this.log(`REGISTER ${user} → ${this.bindings.get(user)?.contact ?? '(none)'}`);
    this.send(from, ok);
  }

  private forwardResponse(response: SipResponse): void {
    const ours = removeFirst(response, 'Via');
    const connectionId = ours ? param(ours, 'lxc') : undefined;
    const next = connectionId === undefined ? undefined : this.connections.get(connectionId);
    if (!ours?.includes(this.self) || !next) {
      this.log(`drop response ${response.status}: no route back`);
      return;
    }
    next.send(serialize(response));
  }

  /** Removes the top Route when it names us (loose routing, RFC 3261 §16.4). */
  private dropOwnRoute(request: SipRequest): void {
    const route = header(request, 'Route');
    if (route && this.isSelf(parseUri(uriOf(route)))) removeFirst(request, 'Route');
  }

  /** Our own URI: our host with our port or none (the realm is a host name for us too). */
  private isSelf(uri: SipUri): boolean {
    return (uri.host === this.options.host || uri.host === this.options.realm) && (uri.port === undefined || uri.port === this.options.port);
  }

  private learnHosts(connectionId: string, values: string[]): void {
    for (const value of values) {
      const { host } = parseUri(uriOf(value));
      if (host.endsWith('.invalid')) this.hosts.set(host, connectionId);
    }
  }

  private branchFor(incomingVia: string): string {
    const incoming = param(incomingVia, 'branch') ?? randomBytes(8).toString('hex');
    return `z9hG4bK${createHash('sha1').update(`${this.self}|${incoming}`).digest('hex').slice(0, 20)}`;
  }

  private reply(to: SipConnection, request: SipRequest, status: number, reason: string): void {
    this.send(to, buildResponse(request, status, reason, randomTag()));
  }

  private send(to: SipConnection, response: SipResponse): void {
    this.log(`RSP ${response.status} ${response.reason} to ${to.id}`);
    to.send(serialize(response));
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function randomTag(): string {
  return randomBytes(6).toString('hex');
}
