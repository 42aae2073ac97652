/**
 * The preload: exposes `window.lingxi` (LingxiApi) and nothing else. One method per channel;
 * no generic invoke/send/on, so a compromised renderer can only do what the contract lists,
 * and main validates even that (main/ipc/register.ts).
 * Runs sandboxed, bundled to CommonJS: only 'electron' and bundled code may be imported.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import type { LingxiApi } from '@common/contract/api';
import type { InvokeArgs, InvokeChannel, InvokeResults } from '@common/contract/ipc';
// Not from ipc.ts: that module builds zod schemas at load time, which the preload never needs.
import { SYSTEM_EVENT_CHANNEL, systemEvents, type SystemEvent } from '@common/contract/system-events';
import { isShortcutAction, SHORTCUT_ACTION_CHANNEL } from '@common/contract/shortcuts';
import { DESKTOP_COMMAND_CHANNEL, isDesktopCommand } from '@common/contract/desktop';
import { UPDATE_STATUS_CHANNEL, type UpdateStatus } from '@common/updates/update-status';
import { DIAL_REQUEST_CHANNEL, isDialRequest } from '@common/contract/dial-request';

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function isSystemEvent(value: unknown): value is SystemEvent {
  return typeof value === 'string' && (systemEvents as readonly string[]).includes(value);
}

/** Builds the API over an ipcRenderer; exported so tests run it without Electron. */
export function createLingxiApi(ipc: Ipc): LingxiApi {
  const invoke = <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResults[C]> =>
    ipc.invoke(channel, ...args) as Promise<InvokeResults[C]>;
  // The preload's own lines join the app's log set through main, tagged `source: preload`.
  const dropped = (channel: string, value: unknown): void =>
    void invoke('log:write', { level: 'warn', source: 'preload', scope: 'ipc', message: `dropped a message on ${channel} that is not in the contract (${typeof value})` }).catch(
      () => undefined,
    );

  return {
    host: 'electron',
    policy: { load: () => invoke('policy:load'), check: () => invoke('policy:check') },
    power: { setCallActive: (active) => invoke('power:set-call-active', active) },
    shell: { openExternal: (url) => invoke('shell:open-external', url) },
    log: { write: (entry) => invoke('log:write', entry) },
    app: { quitReady: () => invoke('app:quit-ready') },
    shortcuts: {
      onAction(listener) {
        const onMessage = (_event: IpcRendererEvent, action: unknown) => {
          if (isShortcutAction(action)) listener(action);
          else dropped(SHORTCUT_ACTION_CHANNEL, action);
        };
        ipc.on(SHORTCUT_ACTION_CHANNEL, onMessage);
        return () => void ipc.removeListener(SHORTCUT_ACTION_CHANNEL, onMessage);
      },
      status: () => invoke('shortcuts:status'),
    },
    secrets: {
      set: (name, value) => invoke('secrets:set', name, value),
    },
    crm: { lookup: (query) => invoke('crm:lookup', query) },
    recording: { takeKey: () => invoke('recording:take-key') },
    // The store's token is attached in main (onBeforeSendHeaders): nothing for the page to add, nothing sent over IPC.
    recordingUpload: { headers: async () => ({}) },
    knowledge: { readPackage: () => invoke('knowledge:read-package') },
    speech: { endpoint: () => invoke('speech:endpoint') },
    supervision: { sign: (request) => invoke('supervision:sign', request) },
    updates: {
      status: () => invoke('updates:status'),
      setDesk: (desk) => invoke('updates:desk-busy', desk),
      onStatus(listener) {
        const onMessage = (_event: IpcRendererEvent, status: unknown) => {
          if (typeof status === 'object' && status !== null && 'verdict' in status) listener(status as UpdateStatus);
          else dropped(UPDATE_STATUS_CHANNEL, status);
        };
        ipc.on(UPDATE_STATUS_CHANNEL, onMessage);
        return () => void ipc.removeListener(UPDATE_STATUS_CHANNEL, onMessage);
      },
    },
    diagnostics: { export: (part) => invoke('diagnostics:export', part) },
    signIn: {
      signedIn: (credentials, remember) => invoke('signin:signed-in', credentials, remember),
      remembered: () => invoke('signin:remembered'),
      signedOut: () => invoke('signin:signed-out'),
    },
    dial: {
      onRequest(listener) {
        const onMessage = (_event: IpcRendererEvent, request: unknown) => {
          if (isDialRequest(request)) listener(request);
        };
        ipc.on(DIAL_REQUEST_CHANNEL, onMessage);
        // Listening now: main sends the link that started the app, if any.
        void invoke('dial:ready');
        return () => void ipc.removeListener(DIAL_REQUEST_CHANNEL, onMessage);
      },
      // A second Electron instance never gets this far: main's single-instance lock hands its link over.
      handOff: async () => false,
    },
    desktop: {
      reportStatus: (status) => invoke('desktop:status', status),
      onCommand(listener) {
        const onMessage = (_event: IpcRendererEvent, command: unknown) => {
          if (isDesktopCommand(command)) listener(command);
        };
        ipc.on(DESKTOP_COMMAND_CHANNEL, onMessage);
        return () => void ipc.removeListener(DESKTOP_COMMAND_CHANNEL, onMessage);
      },
    },
    system: {
      onEvent(listener) {
        // The IpcRendererEvent never crosses into the page: it carries `sender`, a handle to ipcRenderer.
        const onMessage = (_event: IpcRendererEvent, name: unknown) => {
          if (isSystemEvent(name)) listener(name);
          else dropped(SYSTEM_EVENT_CHANNEL, name);
        };
        ipc.on(SYSTEM_EVENT_CHANNEL, onMessage);
        return () => void ipc.removeListener(SYSTEM_EVENT_CHANNEL, onMessage);
      },
    },
  };
}

contextBridge.exposeInMainWorld('lingxi', createLingxiApi(ipcRenderer));
