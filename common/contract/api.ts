/**
 * The API the renderer sees as `window.lingxi` (Electron preload) or gets from the browser host.
 * One method per channel, nothing generic.
 */
import type { CrmQuery, CrmResult } from '../crm/crm-client';
import type { SupervisionSignRequest, SupervisionSignResult } from '../supervision/supervision-signer';
import type { KnowledgePackageFile, LogEntry, RecordingKeyGrant, SecretName, SecretStatus, SystemEvent } from './ipc';
import type { PolicyLoadResult, ShortcutAction } from './policy';
import type { SignInCredentials } from './sign-in';
import type { ShortcutStatus } from './shortcuts';
import type { SpeechEndpoint } from './speech-endpoint';
import type { DeskBusy, UpdateStatus } from '../updates/update-status';
import type { DiagnosticsExportResult, RendererDiagnostics } from '../diagnostics/diagnostics-contract';
import type { DialRequest } from './dial-request';
import type { DeskStatus, DesktopCommand } from './desktop';

export type HostKind = 'electron' | 'browser';

export interface LingxiApi {
  /** Which host provides this API. */
  readonly host: HostKind;
  policy: {
    /** Loads and validates the policy; the host starts using it (shortcuts, CRM, speech…). */
    load(): Promise<PolicyLoadResult>;
    /** Loads and validates the policy without the host applying it: what a reload would give. */
    check(): Promise<PolicyLoadResult>;
  };
  power: {
    /** Prevents display sleep while a call is up. */
    setCallActive(active: boolean): Promise<void>;
  };
  shell: {
    /** Opens an https URL in the system browser. */
    openExternal(url: string): Promise<void>;
  };
  log: {
    /** Writes a (redacted) log line. */
    write(entry: LogEntry): Promise<void>;
  };
  system: {
    /** Subscribes to OS events; returns the unsubscribe function. */
    onEvent(listener: (event: SystemEvent) => void): () => void;
  };
  app: {
    /** Tells the host the renderer finished its shutdown work (unregistered). */
    quitReady(): Promise<void>;
  };
  shortcuts: {
    /**
     * Subscribes to keyboard shortcut actions: system-wide keys registered by Electron main, or in-window
     * keys in the browser host. Returns the unsubscribe function.
     */
    onAction(listener: (action: ShortcutAction) => void): () => void;
    /** Each configured shortcut and whether it works (empty before a valid policy is loaded). */
    status(): Promise<ShortcutStatus[]>;
  };
  secrets: {
    /** Stores a secret (null deletes it) and says how well and how long it is kept. Write-only: no get. */
    set(name: SecretName, value: string | null): Promise<SecretStatus>;
  };
  crm: {
    /** One lookup in the policy's CRM with the stored token attached by the host (Electron: in main). */
    lookup(query: CrmQuery): Promise<CrmResult>;
  };
  recording: {
    /** The recording key's raw bytes, once per page load (Electron); the browser host keeps its own key. */
    takeKey(): Promise<RecordingKeyGrant>;
  };
  recordingUpload: {
    /**
     * The headers the host puts on a request to the recording store (tus `onBeforeRequest`, asked again for
     * every request, so a token saved later applies to the next attempt). Browser host: the session's
     * `recording.uploadToken` in the policy's `recording.uploadTokenHeader`, for the `recording.uploadUrl`
     * origin only. Electron: none, and no IPC call: main attaches the token itself, the page never holds it.
     */
    headers(url: string): Promise<Record<string, string>>;
  };
  knowledge: {
    /** The knowledge package the policy names (knowledge.packagePath), or null when it names none. */
    readPackage(): Promise<KnowledgePackageFile | null>;
  };
  speech: {
    /** The local speech service's WebSocket URL and token, or why there is none (transcription plumbing). */
    endpoint(): Promise<SpeechEndpoint>;
  };
  signIn: {
    /** The agent signed in; the host keeps the password if `remember` and the policy allow (Electron only). */
    signedIn(credentials: SignInCredentials, remember: boolean): Promise<{ remembered: boolean }>;
    /** The agent ID and password kept at the last sign-in (Electron, `sip.rememberPassword`), else null. */
    remembered(): Promise<SignInCredentials | null>;
    /** Sign out: the host forgets the agent and any kept password. */
    signedOut(): Promise<void>;
  };
  supervision: {
    /**
     * Signs a team lead's supervision request with the lead's private key (`secrets.set('supervision.privateKey', …)`):
     * in main (Electron) or in this page's memory (browser host). The key is never handed back.
     */
    sign(request: SupervisionSignRequest): Promise<SupervisionSignResult>;
  };
  updates: {
    /** The kill switch's verdict on this version and the update in progress; null before a valid policy. */
    status(): Promise<UpdateStatus | null>;
    /** Subscribes to status changes (each check, each download); returns the unsubscribe function. */
    onStatus(listener: (status: UpdateStatus) => void): () => void;
    /** Tells the host what the desk is doing: an update never installs while it is busy. */
    setDesk(desk: DeskBusy): Promise<void>;
  };
  dial: {
    /**
     * Subscribes to click-to-dial requests: tel:/sip:/callto: links, the `?dial=` address, the clipboard when the
     * dial shortcut is pressed (the host reads it: Electron's main, or the page with the browser's permission).
     * A request that came before the first subscriber is delivered to it. Returns the unsubscribe function.
     */
    onRequest(listener: (request: DialRequest) => void): () => void;
    /**
     * Before the app starts: whether this page only carried a dial request to a Lingxi already running (the browser
     * host's tab opened by a tel: link hands it to the open tab and starts no second phone). Electron: always false
     * (the OS's second instance hands its link to the first in main).
     */
    handOff(): Promise<boolean>;
  };
  desktop: {
    /**
     * Tells the host what the desk shows (agent state, registration, a ringing call): Electron's tray icon and
     * menu follow it, closing the window hides it to the tray while registered, a ringing call raises the window.
     * The browser host has no tray: a no-op there.
     */
    reportStatus(status: DeskStatus): Promise<void>;
    /** Subscribes to the tray menu's Ready / Not ready choices; returns the unsubscribe function. */
    onCommand(listener: (command: DesktopCommand) => void): () => void;
  };
  diagnostics: {
    /**
     * Exports diagnostics with the renderer's part: Electron adds main's part (versions, policy, log files) and
     * offers a save dialog; the browser host builds the zip in the page and downloads it.
     */
    export(part: RendererDiagnostics): Promise<DiagnosticsExportResult>;
  };
}
