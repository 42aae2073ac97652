/**
 * Drives one RFC 4475 torture case through the hostile SIP server against the running app and reports what
 * the app did (verdict.ts judges it). Absence (a dropped message) can only be seen by waiting: each case
 * waits at most ANSWER_WINDOW_MS for the app's answer.
 */
import type { Page } from '@playwright/test';
import { buildResponse, header, type SipRequest, type SipResponse } from '../../../demo/sip/message';
import type { AppFrame, HostileSipServer } from '../../fixtures/hostile-sip/server';
import { serverTag } from '../../fixtures/hostile-sip/server';
import { intoTransaction, retarget, type TortureCase } from '../../fixtures/hostile-sip/torture';
import type { Observed } from '../../fixtures/hostile-sip/verdict';
import { appUi } from './ui';

/** How long the app has to answer a request (or ACK a response) before it counts as dropped. */
const ANSWER_WINDOW_MS = 2500;
/** The app's own requests that are background traffic, not part of a case (registration refresh, keep-alive). */
const BACKGROUND = new Set(['REGISTER', 'OPTIONS']);

export interface CaseContext {
  page: Page;
  server: HostileSipServer;
  pageErrors: string[];
  consoleLines: string[];
}

export interface CaseRun {
  sent: string;
  observed: Observed;
}

const isFinal = (frame: AppFrame) => frame.message?.kind === 'response' && frame.message.status >= 200;
const statusLine = (response: SipResponse) => `${response.status} ${response.reason}`;

export async function runCase(ctx: CaseContext, tortureCase: TortureCase): Promise<CaseRun> {
  const marks = { frames: ctx.server.received.length, errors: ctx.pageErrors.length, logs: ctx.consoleLines.length, connections: ctx.server.connectionCount };
  const run = tortureCase.delivery === 'request' ? await deliverRequest(ctx, tortureCase, marks.frames) : await deliverResponse(ctx, tortureCase);
  const ui = appUi(ctx.page);
  const frames = ctx.server.received.slice(marks.frames);
  const observed: Observed = {
    responses: frames.flatMap((f) => (f.message?.kind === 'response' ? [statusLine(f.message)] : [])),
    requests: frames.flatMap((f) => (f.message?.kind === 'request' && !BACKGROUND.has(f.message.method) ? [f.message.method] : [])),
    ackedTorture: run.ackedTorture,
    rang: run.rang,
    layout: run.layout,
    pageErrors: ctx.pageErrors.slice(marks.errors),
    registration: ((await ui.status.textContent()) ?? '').trim(),
    reconnected: ctx.server.connectionCount !== marks.connections,
    guardDropped: ctx.consoleLines.slice(marks.logs).some((line) => /sip guard: dropped/i.test(line)),
  };
  return { sent: run.sent, observed };
}

interface Delivery {
  sent: string;
  rang: string | undefined;
  layout?: string | undefined;
  ackedTorture: boolean;
}

async function deliverRequest(ctx: CaseContext, tortureCase: TortureCase, from: number): Promise<Delivery> {
  const { server, page } = ctx;
  const contact = server.contact;
  if (tortureCase.retarget && !contact) throw new Error('hostile-sip: the app has not registered a Contact yet');
  const bytes = tortureCase.retarget && contact ? retarget(tortureCase.bytes, contact) : tortureCase.bytes;
  const ui = appUi(page);
  const columnWidth = await mainColumnWidth(page);
  const frame = server.deliver(bytes);
  const outcome = await Promise.race([
    server.waitFor(isFinal, from, ANSWER_WINDOW_MS),
    ui.incoming.waitFor({ state: 'visible', timeout: ANSWER_WINDOW_MS }).then(
      () => 'rang' as const,
      () => undefined,
    ),
  ]);
  let rang: string | undefined;
  let layout: string | undefined;
  if (outcome === 'rang') {
    rang = ((await ui.incoming.innerText()) ?? '').replace(/\s*\n\s*/g, ' / ').trim();
    layout = await layoutProblem(page, columnWidth);
    if (process.env.LINGXI_TORTURE_SHOTS) await page.screenshot({ path: `${process.env.LINGXI_TORTURE_SHOTS}/${tortureCase.name}.png` });
    await ui.button('Decline').click();
    await server.waitFor(isFinal, from, ANSWER_WINDOW_MS);
  }
  const final = server.received.slice(from).find(isFinal)?.message as SipResponse | undefined;
  if (final && /\sINVITE$/i.test(header(final, 'CSeq') ?? '')) ackFinal(server, final);
  // The Contact is random per run: the table names it instead of showing it.
  const shown = tortureCase.retarget ? requestLine(bytes).replace(contact ?? '', '<Contact>') : requestLine(bytes);
  const how = tortureCase.retarget ? 'Request-URI retargeted to the registered Contact' : 'byte for byte';
  return { sent: `${shown} (${how}, ${frame} frame)`, rang, layout, ackedTorture: false };
}

/**
 * The ACK a client sends for a non-2xx final answer to its INVITE (RFC 3261 §17.1.1.3), so the app's
 * transaction ends now rather than at Timer H. Addressed to the registered Contact: some INVITEs here have
 * no usable Request-URI, and JsSIP matches the ACK by its Via branch.
 */
function ackFinal(server: HostileSipServer, final: SipResponse): void {
  if (final.status < 300) return;
  const cseq = Number((header(final, 'CSeq') ?? '0').split(/\s+/)[0]);
  const ack: SipRequest = {
    kind: 'request',
    method: 'ACK',
    uri: server.contact ?? 'sip:user@example.com',
    headers: [
      { name: 'Via', value: header(final, 'Via') ?? '' },
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: header(final, 'From') ?? '' },
      { name: 'To', value: header(final, 'To') ?? '' },
      { name: 'Call-ID', value: header(final, 'Call-ID') ?? '' },
      { name: 'CSeq', value: `${cseq} ACK` },
    ],
    body: '',
  };
  server.send(ack);
}

/**
 * A response case: the app starts the transaction (an outgoing call for INVITE responses, its keep-alive for
 * OPTIONS), the server answers it with the torture message, then ends it cleanly (486 / 200) if the app
 * did not take the torture message as final.
 */
async function deliverResponse(ctx: CaseContext, tortureCase: TortureCase): Promise<Delivery> {
  const { server, page } = ctx;
  const method = tortureCase.delivery === 'response-invite' ? 'INVITE' : 'OPTIONS';
  const request = await new Promise<SipRequest>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hostile-sip: the app sent no ${method} within 10 s`)), 10_000);
    server.intercept(method, (req) => {
      clearTimeout(timer);
      resolve(req);
    });
    if (method === 'INVITE') void startCall(page);
  });
  const ids = {
    via: header(request, 'Via') ?? '',
    callId: header(request, 'Call-ID') ?? '',
    from: header(request, 'From') ?? '',
    cseq: Number((header(request, 'CSeq') ?? '0').split(/\s+/)[0]),
  };
  const mark = server.received.length;
  const frame = server.deliver(intoTransaction(tortureCase.bytes, ids, tortureCase.name === 'scalarlg'));
  const isAck = (f: AppFrame) => f.message?.kind === 'request' && f.message.method === 'ACK';
  const ack = await server.waitFor(isAck, mark, method === 'INVITE' ? ANSWER_WINDOW_MS : 0);
  if (method === 'OPTIONS') {
    // Nothing on the wire tells whether the app took it: wait, then answer properly so its keep-alive is satisfied.
    await server.waitFor(() => false, mark, 1000);
    server.send(buildResponse(request, 200, 'OK', serverTag()));
  } else if (!ack) {
    server.send(buildResponse(request, 486, 'Busy Here', serverTag()));
    await server.waitFor(isAck, mark, ANSWER_WINDOW_MS);
  }
  if (method === 'INVITE') await appUi(page).currentCall.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  const what = method === 'INVITE' ? "answer to the app's INVITE (an outgoing call to 2000)" : "answer to the app's keep-alive OPTIONS";
  return { sent: `${statusOf(tortureCase.bytes)} as the ${what} (Via, Call-ID, From${tortureCase.name === 'scalarlg' ? '' : ', CSeq number'} set to the app's; ${frame} frame)`, rang: undefined, ackedTorture: ack !== undefined };
}

/** How far right the main column's content reaches (its grid stretches to the widest item's min-content). */
function mainColumnWidth(page: Page): Promise<number> {
  return page.locator('main').evaluate((main) => Math.max(...[...main.children].map((child) => child.getBoundingClientRect().right)));
}

/**
 * What a hostile caller name did to the layout while it rang: the main column grew (a long unbroken name
 * stretched it), or the Incoming call region's content spills out of it. Undefined when it looks right.
 */
async function layoutProblem(page: Page, columnBefore: number): Promise<string | undefined> {
  const column = await mainColumnWidth(page);
  if (column > columnBefore + 1) return `the main column grew from ${Math.round(columnBefore)} to ${Math.round(column)} px wide`;
  const spill = await appUi(page).incoming.evaluate((region) => region.scrollWidth - region.clientWidth);
  return spill > 1 ? `the Incoming call region's content spills ${spill} px out of it` : undefined;
}

async function startCall(page: Page): Promise<void> {
  const ui = appUi(page);
  await ui.number.fill('2000');
  await ui.button('Call').click();
}

function requestLine(bytes: Buffer): string {
  return bytes.subarray(0, bytes.indexOf('\r\n')).toString('utf8');
}

function statusOf(bytes: Buffer): string {
  const line = requestLine(bytes);
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
