/**
 * The browser host: the LingxiApi contract implemented with web APIs, for plain Chromium
 * (tests here, thin clients and VDI). The Node side (main/web-host) serves the policy at /policy.json;
 * every data request carries the launch's token (host-token.ts), without which the host answers 401.
 */
import type { LingxiApi } from '@common/contract/api';
import type { SystemEvent } from '@common/contract/ipc';
import { parsePolicy, type Policy, type PolicyLoadResult, type PolicySource, type ShortcutsPolicy } from '@common/contract/policy';
import { policyIdentity, policySha256 } from '@common/contract/policy-canonical';
import { readJson } from '@common/json';
import { lookupCustomer } from '@common/crm/crm-client';
import { createSupervisionSigner } from '@common/supervision/supervision-signer';
import { redact } from '@common/contract/redact';
import { fillAgentId } from '@common/contract/sign-in';
import { UPLOAD_TOKEN_SECRET, uploadTokenHeaders, type UploadTokenPolicy } from '@common/recording/upload-token';
import { speechEndpointSchema } from '@common/contract/speech-endpoint';
import { createSessionSecrets } from './browser-secrets';
import { fetchWithHostToken, HOST_REFUSED_MESSAGE, takeHostToken } from './host-token';
import { signSupervision } from './host-supervision-sign';
import { browserShortcuts } from './in-window-shortcuts';
import { createBrowserDial } from './browser-dial';
import { describeError } from '@common/errors';
import type { LogEntry } from '@common/contract/ipc';
import { createLeaveGuard } from './leave-guard';
import { createBrowserUpdates } from './browser-updates';
import { createBrowserDiagnostics } from './browser-diagnostics';
import { secretNames } from '@common/contract/ipc';

const POLICY_URL = './policy.json';
/** How often the page re-reads the policy the web host serves (it reads the file fresh on each request). */
export const POLICY_POLL_MS = 15_000;
const KNOWLEDGE_PACKAGE_URL = './knowledge-package.json';

type HostFetch = (url: string) => Promise<Response>;

/** Why a data request failed, in words the agent or IT can act on. */
const httpProblem = (response: Response): string => (response.status === 401 ? HOST_REFUSED_MESSAGE : `HTTP ${response.status}`);

/** The knowledge package the policy names, served by main/web-host (204: none named). */
async function readKnowledgePackage(get: HostFetch): ReturnType<LingxiApi['knowledge']['readPackage']> {
  const source = new URL(KNOWLEDGE_PACKAGE_URL, location.href).pathname;
  try {
    const response = await get(KNOWLEDGE_PACKAGE_URL);
    if (response.status === 204) return null;
    if (response.status === 401) return { ok: false, source, error: HOST_REFUSED_MESSAGE };
    const text = await response.text();
    return response.ok ? { ok: true, source, text } : { ok: false, source, error: text || `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, source, error: `could not be fetched: ${(error as Error).message}` };
  }
}

/** The local speech service's endpoint from main/web-host (/speech.json, same origin: only this page reads the token). */
async function speechEndpoint(get: HostFetch): ReturnType<LingxiApi['speech']['endpoint']> {
  try {
    const response = await get('./speech.json');
    if (!response.ok) return { error: { code: 'failed', message: `speech endpoint: ${httpProblem(response)}` } };
    const parsed = speechEndpointSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : { error: { code: 'failed', message: `speech endpoint: ${parsed.error.issues[0]?.message ?? 'invalid answer'}` } };
  } catch (error) {
    return { error: { code: 'failed', message: `speech endpoint could not be fetched: ${(error as Error).message}` } };
  }
}

/** The served policy, validated, and the document it was read from (diagnostics names the values it set). */
async function readPolicy(get: HostFetch): Promise<{ result: PolicyLoadResult; document?: unknown }> {
  const source = new URL(POLICY_URL, location.href).pathname;
  let response: Response;
  try {
    response = await get(POLICY_URL);
  } catch (error) {
    return { result: { ok: false, source, problems: [{ path: '(file)', message: `could not be fetched: ${(error as Error).message}` }] } };
  }
  if (!response.ok) {
    return { result: { ok: false, source, problems: [{ path: '(file)', message: `could not be fetched: ${httpProblem(response)}` }] } };
  }
  const text = await response.text();
  pollEveryMs = pollInterval(response.headers.get(POLICY_POLL_HEADER));
  const sources: PolicySource[] = [{ kind: 'web-host', location: source, applied: true }];
  const result = parsePolicy(text, source);
  const json = readJson(text);
  const document = json.ok ? json.value : undefined;
  if (!result.ok) return { result: { ...result, sources }, document };
  // The same canonical hash as the desktop's (policy-canonical.ts), so one document hashes the same on both hosts.
  return { result: { ...result, sources, sha256: await policySha256(json.ok ? json.value : text) }, document };
}

async function loadPolicy(get: HostFetch): Promise<PolicyLoadResult> {
  return (await readPolicy(get)).result;
}

/** The web host's `X-Lingxi-Policy-Poll-Seconds` (`npm run web -- --policy-poll-seconds`), else POLICY_POLL_MS. */
const POLICY_POLL_HEADER = 'X-Lingxi-Policy-Poll-Seconds';
let pollEveryMs = POLICY_POLL_MS;
function pollInterval(header: string | null): number {
  const seconds = Number(header);
  return header !== null && Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600 ? seconds * 1000 : POLICY_POLL_MS;
}

/**
 * Re-reads /policy.json every POLICY_POLL_MS (or what the web host says) while someone listens, and says `policy-changed` once per new
 * result that is not what the page loaded last (the web host reads the file fresh on each request).
 */
function createPolicyPoller(get: HostFetch, loaded: () => string | undefined) {
  const listeners = new Set<(event: SystemEvent) => void>();
  let reported: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastRead = 0;
  const poll = async () => {
    const identity = policyIdentity(await loadPolicy(get));
    const base = loaded();
    if (base === undefined || identity === base || identity === reported) return;
    reported = identity;
    for (const listener of listeners) listener('policy-changed');
  };
  // A once-a-second tick that reads when the interval the last answer named has passed: a new interval
  // applies at once, also when the page subscribed before its first policy load.
  const tick = () => {
    if (Date.now() - lastRead < pollEveryMs) return;
    lastRead = Date.now();
    void poll();
  };
  return (listener: (event: SystemEvent) => void): (() => void) => {
    listeners.add(listener);
    if (timer === undefined) {
      lastRead = Date.now();
      timer = setInterval(tick, 1000);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  };
}

function onSystemEvent(listener: (event: SystemEvent) => void, stopPolling: () => void): () => void {
  const online = () => listener('online');
  const offline = () => listener('offline');
  // Page Lifecycle: a frozen tab (or a suspended VDI session) resumes like a laptop waking up.
  const resume = () => listener('resume');
  const freeze = () => listener('suspend');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('resume', resume);
  document.addEventListener('freeze', freeze);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    document.removeEventListener('resume', resume);
    document.removeEventListener('freeze', freeze);
    stopPolling();
  };
}

/** The browser host's log: the console, redacted (a browser has no log file; IT reads the console or the e2e output). */
async function writeLog({ level, scope, message, error }: LogEntry): Promise<void> {
  console[level === 'debug' ? 'debug' : level](`[${scope}] ${redact(message)}${error === undefined ? '' : `\n${redact(error)}`}`);
}

/** The browser implementation; takes the host's token from the address at once (so it leaves the address bar at start). */
export function createBrowserHost(): LingxiApi {
  const token = takeHostToken();
  const secrets = createSessionSecrets();
  // The signed-in agent's password is in this page's memory anyway (the phone registers with it); diagnostics removes it.
  let signedInPassword: string | undefined;
  const diagnostics = createBrowserDiagnostics({ version: () => __APP_VERSION__, heldSecrets: () => [...secretNames.map((name) => secrets.read(name)), signedInPassword] });
  // Every line goes to the console and to the page's log that Export diagnostics zips.
  const logLine = (entry: LogEntry): void => {
    void writeLog(entry);
    diagnostics.log(entry);
  };
  // ?dial= leaves the address at once too; the request waits for the app to subscribe.
  const dial = createBrowserDial({
    info: (message) => logLine({ level: 'info', scope: 'dial', message }),
    warn: (message, error) => logLine({ level: 'warn', scope: 'dial', message, ...(error === undefined ? {} : { error: describeError(error) }) }),
  });
  const get: HostFetch = (url) => fetchWithHostToken(token, url, { cache: 'no-store' });
  // In-window shortcuts use the keys of the last policy loaded (a page can only listen, not register).
  let shortcutKeys: ShortcutsPolicy | undefined;
  // The CRM the last valid policy names; the page asks it directly (CORS), with the session's token.
  let crm: Policy['crm'] | undefined;
  // The recording store the last valid policy names: the page's tus requests carry the session's token to it.
  let recordingStore: UploadTokenPolicy | undefined;
  // A team lead's private key, like the CRM token, lives in this page's memory only; the signer reads it there.
  // The lead it names: the lead policy's fixed agent, or under its sip.uriTemplate whoever signed in.
  let leadSip: Policy['sip'] | undefined;
  let signedInAgent: string | undefined;
  const leadUri = () => leadSip?.uri ?? (leadSip?.uriTemplate && signedInAgent ? fillAgentId(leadSip.uriTemplate, signedInAgent) : undefined);
  const supervisionSigner = createSupervisionSigner({ privateKey: async () => secrets.read('supervision.privateKey'), leadUri });
  const leaveGuard = createLeaveGuard();
  const updates = createBrowserUpdates(() => __APP_VERSION__);
  // What the page runs on (the last policy.load()), the baseline pollPolicy compares with.
  let loadedIdentity: string | undefined;
  const policyPoller = createPolicyPoller(get, () => loadedIdentity);
  return {
    host: 'browser',
    policy: {
      load: async () => {
        const { result, document } = await readPolicy(get);
        diagnostics.policyLoaded(result, document);
        shortcutKeys = result.ok ? result.policy.shortcuts : undefined;
        crm = result.ok ? result.policy.crm : undefined;
        recordingStore = result.ok ? result.policy.recording : undefined;
        leadSip = result.ok && result.policy.supervision.role === 'lead' ? result.policy.sip : undefined;
        updates.configure(result.ok ? result.policy.updates : undefined);
        loadedIdentity = policyIdentity(result);
        return result;
      },
      check: () => loadPolicy(get),
    },
    // No OS power API in a browser (a playing call keeps most systems awake anyway); the call state arms
    // the browser's "Leave site?" prompt instead, so closing or reloading the tab mid-call asks first.
    power: { setCallActive: async (active) => leaveGuard.setCallActive(active) },
    shell: {
      openExternal: async (url) => {
        if (new URL(url).protocol !== 'https:') throw new Error('only https:// links can be opened');
        window.open(url, '_blank', 'noopener,noreferrer');
      },
    },
    log: { write: async (entry) => logLine(entry) },
    system: { onEvent: (listener) => onSystemEvent(listener, policyPoller(listener)) },
    // A browser tab unregisters on pagehide; nobody waits for it.
    app: { quitReady: async () => undefined },
    secrets: secrets.api,
    crm: { lookup: (query) => lookupCustomer(crm, query, secrets.read('crm.token')) },
    // The browser host keeps its own non-extractable recording key (features/recording); nothing to hand out.
    recording: { takeKey: async () => ({ ok: false, reason: 'refused', error: 'the browser host keeps its own recording key' }) },
    recordingUpload: { headers: async (url) => uploadTokenHeaders(recordingStore, url, secrets.read(UPLOAD_TOKEN_SECRET)) },
    shortcuts: browserShortcuts(() => shortcutKeys, () => void dial.fromClipboard()),
    dial: dial.api,
    knowledge: { readPackage: () => readKnowledgePackage(get) },
    speech: { endpoint: () => speechEndpoint(get) },
    updates: updates.api,
    // A browser profile is no place for a password: the agent signs in again after every reload.
    signIn: {
      signedIn: async ({ agentId, password }) => {
        signedInAgent = agentId;
        signedInPassword = password;
        return { remembered: false };
      },
      remembered: async () => null,
      signedOut: async () => {
        signedInAgent = undefined;
        signedInPassword = undefined;
      },
    },
    diagnostics: { export: (part) => diagnostics.export(part) },
    // No tray, no window to raise: the tab is the browser's (the Notification API rings for the call).
    desktop: { reportStatus: async () => undefined, onCommand: () => () => undefined },
    supervision: { sign: (request) => signSupervision(token, request, () => supervisionSigner.sign(request), secrets.read('supervision.privateKey') !== null) },
  };
}
