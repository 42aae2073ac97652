/**
 * SIP message text (RFC 3261 §7) as the demo's proxy needs it: a start line, an ordered list of header
 * fields (compact names expanded, one value per entry) and a body. Just enough to read and rewrite the
 * routing headers; everything else passes through byte for byte.
 */

/** RFC 3261 §7.3.3 compact forms JsSIP may send. */
const COMPACT: Record<string, string> = {
  i: 'Call-ID', m: 'Contact', e: 'Content-Encoding', l: 'Content-Length', c: 'Content-Type', f: 'From',
  s: 'Subject', k: 'Supported', t: 'To', v: 'Via', o: 'Event', r: 'Refer-To', b: 'Referred-By', u: 'Allow-Events',
};

/** Headers whose comma-separated values are separate entries (Via, Route, Record-Route, Contact). */
const LIST_HEADERS = new Set(['via', 'route', 'record-route', 'contact']);

export interface Header {
  name: string;
  value: string;
}

interface MessageBase {
  headers: Header[];
  body: string;
}

export interface SipRequest extends MessageBase {
  kind: 'request';
  method: string;
  uri: string;
}

export interface SipResponse extends MessageBase {
  kind: 'response';
  status: number;
  reason: string;
}

export type SipMessage = SipRequest | SipResponse;

/** Thrown for text that is not a SIP message; the proxy drops it (RFC 3261 §16.3 would answer 400). */
export class SipParseError extends Error {
  override readonly name = 'SipParseError';
}

/** Splits `a, <b,c>, "d,e" <f>` on the commas outside quotes and angle brackets. */
export function splitList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') depth += 1;
    else if (!quoted && ch === '>') depth -= 1;
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((part) => part !== '');
}

/** Parses one WebSocket frame's text (RFC 7118: one message per frame). */
export function parseMessage(text: string): SipMessage {
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) throw new SipParseError('no blank line after the headers');
  const lines = text.slice(0, split).split('\r\n');
  const body = text.slice(split + 4);
  const startLine = lines.shift() ?? '';
  const headers: Header[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1] as Header; // folded continuation line (§7.3.1)
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new SipParseError(`malformed header line "${line}"`);
    const raw = line.slice(0, colon).trim();
    const name = COMPACT[raw.toLowerCase()] ?? raw;
    const value = line.slice(colon + 1).trim();
    const values = LIST_HEADERS.has(name.toLowerCase()) && value !== '*' ? splitList(value) : [value];
    for (const one of values) headers.push({ name, value: one });
  }
  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(startLine);
  if (response) return { kind: 'response', status: Number(response[1]), reason: response[2] ?? '', headers, body };
  const request = /^([A-Za-z]+) (\S+) SIP\/2\.0$/.exec(startLine);
  if (!request) throw new SipParseError(`malformed start line "${startLine}"`);
  return { kind: 'request', method: (request[1] as string).toUpperCase(), uri: request[2] as string, headers, body };
}

/** The message as wire text, Content-Length recomputed. */
export function serialize(message: SipMessage): string {
  const start = message.kind === 'request' ? `${message.method} ${message.uri} SIP/2.0` : `SIP/2.0 ${message.status} ${message.reason}`;
  const lines = message.headers.filter((h) => h.name.toLowerCase() !== 'content-length').map((h) => `${h.name}: ${h.value}`);
  lines.push(`Content-Length: ${Buffer.byteLength(message.body, 'utf8')}`);
  return `${start}\r\n${lines.join('\r\n')}\r\n\r\n${message.body}`;
}

/** The first value of a header, or undefined. */
export function header(message: SipMessage, name: string): string | undefined {
  const lower = name.toLowerCase();
  return message.headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Every value of a header, in order. */
export function headers(message: SipMessage, name: string): string[] {
  const lower = name.toLowerCase();
  return message.headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

/** Inserts a header value before the first one of that name (or after the start line's first headers). */
export function prependHeader(message: SipMessage, name: string, value: string): void {
  const lower = name.toLowerCase();
  const at = message.headers.findIndex((h) => h.name.toLowerCase() === lower);
  message.headers.splice(at < 0 ? 0 : at, 0, { name, value });
}

/** Removes the first value of a header; returns it. */
export function removeFirst(message: SipMessage, name: string): string | undefined {
  const lower = name.toLowerCase();
  const at = message.headers.findIndex((h) => h.name.toLowerCase() === lower);
  if (at < 0) return undefined;
  return message.headers.splice(at, 1)[0]?.value;
}

/** Replaces the first value of a header, or appends it. */
export function setHeader(message: SipMessage, name: string, value: string): void {
  const lower = name.toLowerCase();
  const found = message.headers.find((h) => h.name.toLowerCase() === lower);
  if (found) found.value = value;
  else message.headers.push({ name, value });
}

/** A `;name=value` parameter of a header value or URI (case-insensitive name); '' for a flag. */
export function param(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}(?:=("[^"]*"|[^;>,\\s]*))?(?=[;>,\\s]|$)`, 'i').exec(value);
  if (!match) return undefined;
  return (match[1] ?? '').replace(/^"|"$/g, '');
}

/** The URI inside a name-addr (`"Name" <sip:u@h>;tag=x` → `sip:u@h`) or the addr-spec itself. */
export function uriOf(value: string): string {
  const angle = /<([^>]*)>/.exec(value);
  if (angle) return angle[1] as string;
  return value.split(';')[0]?.trim() ?? '';
}

export interface SipUri {
  user: string | undefined;
  host: string;
  port: number | undefined;
}

/** The user and host of a sip: URI (`sip:1001@127.0.0.1:5060;transport=ws` → 1001, 127.0.0.1, 5060). */
export function parseUri(uri: string): SipUri {
  const match = /^sips?:(?:([^@;>]+)@)?([^;:>?]+)(?::(\d+))?/i.exec(uri.trim());
  if (!match) return { user: undefined, host: '', port: undefined };
  const port = match[3] === undefined ? undefined : Number(match[3]);
  return { user: match[1] ? decodeURIComponent(match[1]) : undefined, host: (match[2] as string).toLowerCase(), port };
}

/** A response to `request` (RFC 3261 §8.2.6): Via, From, To (with a tag if given), Call-ID and CSeq copied. */
export function buildResponse(request: SipRequest, status: number, reason: string, toTag?: string): SipResponse {
  const copied = request.headers.filter((h) => ['via', 'from', 'call-id', 'cseq'].includes(h.name.toLowerCase()));
  const to = header(request, 'To') ?? '';
  const toValue = toTag && param(to, 'tag') === undefined ? `${to};tag=${toTag}` : to;
  return { kind: 'response', status, reason, headers: [...copied.map((h) => ({ ...h })), { name: 'To', value: toValue }], body: '' };
}
