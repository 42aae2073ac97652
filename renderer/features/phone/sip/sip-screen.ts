/**
 * The SIP guard's rules: every message from the server is screened before JsSIP sees it (RFC 4475's
 * torture messages are the test set). JsSIP silently drops what its grammar cannot read, answers some
 * malformed requests as if they were fine (an OPTIONS whose CSeq says INVITE gets 200) and throws on a
 * Request-URI scheme it cannot parse, which would take the page's message handler down. So, in RFC 3261
 * §8.2 order:
 * - a malformed request the guard can still answer gets 400 (505 for another SIP version), one it cannot
 *   (no Via or CSeq to answer on) is dropped; an ACK is never answered;
 * - a Request-URI scheme other than sip/sips gets 416; a Require the phone does not support gets 420 with
 *   Unsupported; an INVITE whose Accept excludes SDP gets 406;
 * - an RFC 2543 INVITE without Contact gets one from its From URI (RFC 2543 sends later requests there);
 * - a response with a status code that is not three digits, more than one Via (§8.1.3.3) or an overlarge
 *   or unreadable CSeq is dropped.
 * Hostile peers (issue 25 §3): a message over MAX_MESSAGE_CHARS gets 513 Message Too Large and one with more
 * than MAX_HEADER_FIELDS header fields 400, before anything parses them (a response is dropped); an SDP is
 * bounded by sdp-limits.ts (488 to an offer with more formats than RTP has payload types, ICE candidates
 * beyond 32 per media section dropped).
 * Everything else passes untouched. Pure: the socket wrapper (liveness-socket.ts) applies the verdict.
 */
import { parseMessage as jssipParse } from 'jssip/lib/Parser';
import { limitSdp } from './sdp-limits';

export type Screened =
  | { action: 'pass'; text: string; note?: string }
  | { action: 'reply'; response: string; reason: string }
  | { action: 'drop'; reason: string };

interface Header {
  name: string;
  value: string;
}

/** RFC 3261 §7.3.3 compact forms. */
const COMPACT: Readonly<Record<string, string>> = {
  i: 'call-id', m: 'contact', e: 'content-encoding', l: 'content-length', c: 'content-type', f: 'from', s: 'subject',
  k: 'supported', t: 'to', v: 'via', o: 'event', r: 'refer-to', b: 'referred-by', u: 'allow-events', x: 'session-expires',
};
/** Header fields a request carries at most once (RFC 3261 §7.3.1: only list headers may repeat). */
const SINGLE = ['to', 'from', 'call-id', 'cseq', 'max-forwards', 'content-length', 'content-type'];
const MANDATORY = ['via', 'to', 'from', 'call-id', 'cseq'];
/** RFC 3261 §8.1.1.5: the CSeq number is below 2**31. */
const MAX_CSEQ = 2 ** 31 - 1;
/** Option tags JsSIP implements as the phone configures it (no session timers). */
const SUPPORTED = new Set(['gruu', 'ice', 'replaces', 'outbound', 'path']);
const TOKEN = "[A-Za-z0-9\\-.!%*_+`'~]+";
const REQUEST_LINE = new RegExp(`^(${TOKEN}) (\\S+) SIP/(\\d+\\.\\d+)$`);
const CSEQ = new RegExp(`^(\\d+)\\s+(${TOKEN})$`);
/**
 * Largest message the guard lets through (characters of the WebSocket frame): 4× Kamailio's 64 KB buffer,
 * far above any real SIP message, far below what would cost the renderer (a peer sent 1 MB bodies).
 */
export const MAX_MESSAGE_CHARS = 256 * 1024;
/** Most header fields a message may carry: real ones carry a few dozen (a peer sent thousands). */
export const MAX_HEADER_FIELDS = 256;

/** Why a message is too big to read: the answer a request gets. */
interface Excess {
  status: number;
  reason: string;
}

/** The guard's verdict on one message (a whole WebSocket frame's text). */
export function screenIncoming(text: string): Screened {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0 || end > MAX_MESSAGE_CHARS) {
    if (text.length > MAX_MESSAGE_CHARS) return { action: 'drop', reason: `${text.length} characters without an end of headers in the first ${MAX_MESSAGE_CHARS}` };
    // CRLF keep-alives and text that is no SIP message at all: JsSIP handles or drops them itself.
    return { action: 'pass', text };
  }
  if (text.trim() === '') return { action: 'pass', text };
  const [startLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers = unfold(lines);
  const excess = excessOf(text, headers);
  if (startLine.startsWith('SIP/')) return excess ? { action: 'drop', reason: `response: ${excess.reason}` } : screenResponse(text, end, startLine, headers);
  return screenRequest({ text, end, startLine, headers, excess });
}

function excessOf(text: string, headers: Header[]): Excess | undefined {
  if (text.length > MAX_MESSAGE_CHARS) return { status: 513, reason: 'Message Too Large' };
  if (headers.length > MAX_HEADER_FIELDS) return { status: 400, reason: `Bad Request (more than ${MAX_HEADER_FIELDS} header fields)` };
  return undefined;
}

function screenResponse(text: string, end: number, startLine: string, headers: Header[]): Screened {
  if (!/^SIP\/2\.0 \d{3}( |$)/.test(startLine)) return { action: 'drop', reason: 'response status line is malformed' };
  if (all(headers, 'via').length > 1) return { action: 'drop', reason: 'response with more than one Via' };
  const cseq = CSEQ.exec(first(headers, 'cseq') ?? '');
  if (!cseq || Number(cseq[1]) > MAX_CSEQ) return { action: 'drop', reason: 'response CSeq is unreadable or out of range' };
  // An answer JsSIP cannot apply fails the call in JsSIP itself (ACK, BYE): only a candidate storm is bounded here.
  const sdp = sdpOf(text, end, headers);
  const bounded = sdp === undefined ? undefined : limitSdp(sdp);
  if (bounded?.action === 'rewrite') return { action: 'pass', text: withBody(text, end, bounded.body), note: bounded.note };
  return { action: 'pass', text };
}

interface RequestParts {
  text: string;
  /** Where the header section ends (the blank line). */
  end: number;
  startLine: string;
  headers: Header[];
  excess: Excess | undefined;
}

function screenRequest({ text, end, startLine, headers, excess }: RequestParts): Screened {
  const line = REQUEST_LINE.exec(startLine);
  const method = line?.[1] ?? startLine.split(' ')[0] ?? '';
  const answer = (status: number, reason: string, extra: string[] = []): Screened => {
    if (method === 'ACK') return { action: 'drop', reason: `ACK: ${reason}` };
    if (first(headers, 'via') === undefined || first(headers, 'cseq') === undefined) return { action: 'drop', reason: `${reason}, and no Via or CSeq to answer on` };
    return { action: 'reply', reason, response: buildReply(headers, status, reason, extra) };
  };
  if (excess) return answer(excess.status, excess.reason);
  const bad = badRequest(line, method, headers);
  if (bad) return bad === 'version' ? answer(505, 'Version Not Supported') : answer(400, `Bad Request (${bad})`);
  const uri = line?.[2] ?? '';
  if (!/^sips?:/i.test(uri)) return answer(416, 'Unsupported URI Scheme');
  if (jssipParse(text, undefined) === undefined) return answer(400, 'Bad Request (malformed header)');
  const unsupported = requireTags(headers).filter((tag) => !SUPPORTED.has(tag));
  if (unsupported.length > 0 && method !== 'CANCEL') return answer(420, 'Bad Extension', [`Unsupported: ${unsupported.join(', ')}`]);
  const sdp = sdpOf(text, end, headers);
  const bounded = sdp === undefined ? undefined : limitSdp(sdp);
  if (bounded?.action === 'refuse') return answer(488, 'Not Acceptable Here', [`Warning: 399 lingxi "${bounded.reason}"`]);
  const amended = bounded?.action === 'rewrite' ? withBody(text, end, bounded.body) : text;
  const verdict: Screened = method === 'INVITE' ? screenInvite(amended, headers, answer) : { action: 'pass', text: amended };
  if (verdict.action !== 'pass' || bounded?.action !== 'rewrite') return verdict;
  return { ...verdict, note: [bounded.note, verdict.note].filter(Boolean).join('; ') };
}

/** The body when the message carries an SDP. */
function sdpOf(text: string, end: number, headers: Header[]): string | undefined {
  return /^application\/sdp\s*(;|$)/i.test(first(headers, 'content-type') ?? '') ? text.slice(end + 4) : undefined;
}

/** The message with another body, its Content-Length (full or compact form) set to the body's bytes. */
function withBody(text: string, end: number, body: string): string {
  const length = `Content-Length: ${new TextEncoder().encode(body).length}`;
  const head = text.slice(0, end).replace(/^(content-length|l)[ \t]*:.*$/gim, length);
  return `${head}\r\n\r\n${body}`;
}

/** Why the request is malformed ('version' for another SIP version), or undefined. */
function badRequest(line: RegExpExecArray | null, method: string, headers: Header[]): string | undefined {
  if (!line) return 'malformed Request-Line';
  if (line[3] !== '2.0') return 'version';
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(line[2] ?? '')) return 'malformed Request-URI';
  const missing = MANDATORY.filter((name) => first(headers, name) === undefined);
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  const repeated = SINGLE.filter((name) => all(headers, name).length > 1);
  if (repeated.length > 0) return `more than one ${repeated.join(', ')}`;
  const cseq = CSEQ.exec(first(headers, 'cseq') ?? '');
  if (!cseq) return 'malformed CSeq';
  if (Number(cseq[1]) > MAX_CSEQ) return 'CSeq out of range';
  if (cseq[2] !== method) return 'CSeq method does not match';
  const length = first(headers, 'content-length');
  if (length !== undefined && !/^\d+$/.test(length)) return 'malformed Content-Length';
  return undefined;
}

function screenInvite(text: string, headers: Header[], answer: (status: number, reason: string, extra?: string[]) => Screened): Screened {
  const accept = first(headers, 'accept');
  if (accept !== undefined && !/(^|[\s,])(application\/sdp|application\/\*|\*\/\*)\s*(;|,|$)/i.test(accept)) {
    return answer(406, 'Not Acceptable', ['Accept: application/sdp']);
  }
  if (first(headers, 'contact') === undefined) {
    // RFC 2543 made Contact optional: the caller is then reached at its From URI.
    const from = first(headers, 'from') ?? '';
    const uri = /<([^>]*)>/.exec(from)?.[1] ?? from.split(';')[0]?.trim() ?? '';
    const at = text.indexOf('\r\n');
    return { action: 'pass', text: `${text.slice(0, at)}\r\nContact: <${uri}>${text.slice(at)}`, note: 'RFC 2543 INVITE without Contact: its From URI used' };
  }
  return { action: 'pass', text };
}

function requireTags(headers: Header[]): string[] {
  return all(headers, 'require').flatMap((value) => value.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean));
}

/** Header lines with folded continuations joined (RFC 3261 §7.3.1), names lower-cased and compact forms expanded. */
function unfold(lines: string[]): Header[] {
  const headers: Header[] = [];
  for (const line of lines) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.push({ name: COMPACT[name] ?? name, value: line.slice(colon + 1).trim() });
  }
  return headers;
}

function first(headers: Header[], name: string): string | undefined {
  return headers.find((h) => h.name === name)?.value;
}

function all(headers: Header[], name: string): string[] {
  return headers.filter((h) => h.name === name).map((h) => h.value);
}

/** A stateless response (RFC 3261 §8.2.6): Via, From, To (tagged), Call-ID and CSeq copied from what the request has. */
function buildReply(headers: Header[], status: number, reason: string, extra: string[]): string {
  const lines = [`SIP/2.0 ${status} ${reason}`, ...all(headers, 'via').map((via) => `Via: ${via}`)];
  const to = first(headers, 'to');
  if (to !== undefined) lines.push(`To: ${to}${/;\s*tag\s*=/i.test(to) ? '' : `;tag=${crypto.randomUUID().slice(0, 8)}`}`);
  for (const [name, label] of [['from', 'From'], ['call-id', 'Call-ID'], ['cseq', 'CSeq']] as const) {
    const value = first(headers, name);
    if (value !== undefined) lines.push(`${label}: ${value}`);
  }
  lines.push(...extra, 'Content-Length: 0', '', '');
  return lines.join('\r\n');
}
