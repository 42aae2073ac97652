/**
 * Starts everything `npm run demo` runs, on 127.0.0.1 and free ports: the embedded SIP server, the demo
 * services (CRM, knowledge server, recording store), the browser host serving the desk with the demo policy (and the
 * speech service, as `npm run web` does). close() stops all of it and frees every port.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Language } from '@common/contract/policy';
import { startWebHost } from '@main/web-host/server';
import { buildCallerPage } from './caller/build';
import { CALLER_PATH, handleCaller } from './caller/serve';
import { scenarios } from './caller/scenarios';
import { bundledSpeech } from './caller/speech';
import { handleCrm } from './crm/server';
import { launchElectronDesk } from './electron-desk';
import { DemoKnowledgeServer, KNOWLEDGE_SYNC_PATH } from './knowledge-server';
import { generateSupervisionKeyPair } from '@common/supervision/supervision-signing';
import { DEMO_AGENT, DEMO_CALLER, demoLeadPolicy, demoPolicy } from './policy';
import { DemoRecordingStore } from './recording-store';
import { startSipServer, type SipServer } from './sip/server';
import { demoSipUsers } from './sip/users';

export interface DemoOptions {
  /** The checkout (out/renderer is served from there). */
  root: string;
  /** Policy, recordings received by the store. */
  dataDir: string;
  language: Language;
  /** The desk's port; 0 picks a free one. */
  deskPort: number;
  /** Electron's binary: the agent's desk is the Electron app instead of the browser host. */
  electron?: string;
  warn?: (message: string) => void;
}

export interface DemoUrls {
  /** The desk with this launch's token (`#token=…`); with Electron, which process it is. */
  desk: string;
  /** The colleague's desk (8002), to transfer or conference to. */
  colleague: string;
  /** The team lead's desk (8003): the Team board, listen / whisper / barge / take over. */
  lead: string;
  sip: string;
  /** The caller simulator page. */
  caller: string;
  crm: string;
  /** The knowledge server the desks sync the sample knowledge base from. */
  knowledge: string;
  recordings: string;
}

export interface Demo {
  urls: DemoUrls;
  /** With Electron: settles when the app exits (its window closed), which ends the demo. */
  deskExited?: Promise<void>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The Electron desk: its pid, a promise for its exit, and close() (SIGTERM, then SIGKILL after 5 s). */
function startElectronDesk(binary: string, root: string, policyPath: string, userDataDir: string): { pid: number | undefined; exited: Promise<void>; close: () => Promise<void> } {
  const child = launchElectronDesk(binary, root, policyPath, userDataDir);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { pid: child.pid, exited, close };
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    for (const closeOne of closers.reverse()) await closeOne();
    closers.length = 0;
  };
  try {
    const sip: SipServer = await startSipServer({ users: demoSipUsers });
    closers.push(() => sip.close());

    const storeDir = join(options.dataDir, 'recording-store');
    mkdirSync(storeDir, { recursive: true });
    const store = new DemoRecordingStore(storeDir);
    const knowledge = new DemoKnowledgeServer(join(options.root, 'assets', 'knowledge', 'sample-kb.json'));
    const pageDir = join(options.dataDir, 'caller-page');
    await buildCallerPage(pageDir);
    const speech = bundledSpeech(scenarios, join(options.root, 'assets', 'demo'));
    if (speech.unavailable) options.warn?.(`caller simulator: ${speech.unavailable}`);
    const caller = { pageDir, speech, wsUrl: sip.wsUrl, ...DEMO_CALLER, agent: DEMO_AGENT.user };
    const services = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (handleCrm(req, res, url) || knowledge.handle(req, res, url) || store.handle(req, res, url) || handleCaller(caller, req, res, url)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    });
    const servicesUrl = `http://127.0.0.1:${await listen(services)}`;
    closers.push(() => closeServer(services));

    // The team lead's key pair, made for this run: the agents' policies hold the public key, the lead's host the private one.
    const leadKeys = await generateSupervisionKeyPair();
    const leadKeyPath = join(options.dataDir, 'lead-supervision-key.txt');
    writeFileSync(leadKeyPath, `${leadKeys.privateKey}\n`, { mode: 0o600 });
    const policyPath = join(options.dataDir, 'policy.json');
    writeFileSync(policyPath, `${JSON.stringify(demoPolicy({ sipWsUrl: sip.wsUrl, servicesUrl, language: options.language, leadPublicKey: leadKeys.publicKey }), null, 2)}\n`);
    const desk = options.electron ? startElectronDesk(options.electron, options.root, policyPath, join(options.dataDir, 'electron')) : undefined;
    if (desk) closers.push(desk.close);
    const web = desk ? undefined : await startWebHost({ rendererDir: join(options.root, 'out', 'renderer'), policyPath, port: options.deskPort, warn: options.warn });
    if (web) closers.push(() => web.close());
    const colleaguePolicyPath = join(options.dataDir, 'colleague-policy.json');
    writeFileSync(colleaguePolicyPath, `${JSON.stringify(demoPolicy({ sipWsUrl: sip.wsUrl, servicesUrl, language: options.language, colleague: true, leadPublicKey: leadKeys.publicKey }), null, 2)}\n`);
    const colleagueWeb = await startWebHost({ rendererDir: join(options.root, 'out', 'renderer'), policyPath: colleaguePolicyPath, port: 0, warn: options.warn, speech: false });
    closers.push(() => colleagueWeb.close());
    const leadPolicyPath = join(options.dataDir, 'lead-policy.json');
    writeFileSync(leadPolicyPath, `${JSON.stringify(demoLeadPolicy({ sipWsUrl: sip.wsUrl, language: options.language }), null, 2)}\n`);
    const leadWeb = await startWebHost({
      rendererDir: join(options.root, 'out', 'renderer'),
      policyPath: leadPolicyPath,
      port: 0,
      warn: options.warn,
      speech: false,
      supervisionKeyPath: leadKeyPath,
    });
    closers.push(() => leadWeb.close());

    return {
      ...(desk ? { deskExited: desk.exited } : {}),
      urls: { desk: web?.openUrl ?? `the Electron app (pid ${desk?.pid})`, colleague: colleagueWeb.openUrl, lead: leadWeb.openUrl, sip: sip.wsUrl, caller: `${servicesUrl}${CALLER_PATH}`, crm: `${servicesUrl}/crm/customers?id=D1001`, knowledge: `${servicesUrl}${KNOWLEDGE_SYNC_PATH}`, recordings: `${servicesUrl}/recordings` },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
