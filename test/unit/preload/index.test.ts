import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import { deskStatus } from '../main/features/desk-status';
import { DESKTOP_COMMAND_CHANNEL, DIAL_REQUEST_CHANNEL, SHORTCUT_ACTION_CHANNEL, SYSTEM_EVENT_CHANNEL, UPDATE_STATUS_CHANNEL, type SystemEvent } from '@common/contract/ipc';

/** ipcRenderer in miniature: invoke answers from a table, on/removeListener are a real emitter. */
const ipc = vi.hoisted(() => {
  const calls: Array<[string, unknown[]]> = [];
  return { calls, emitter: null as unknown as EventEmitter, exposed: new Map<string, unknown>() };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const emitter = new Emitter();
  ipc.emitter = emitter;
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => ipc.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        ipc.calls.push([channel, args]);
        return channel === 'policy:load' ? { ok: false, source: 's', problems: [] } : undefined;
      },
      on: (channel: string, fn: (...a: unknown[]) => void) => emitter.on(channel, fn),
      removeListener: (channel: string, fn: (...a: unknown[]) => void) => emitter.removeListener(channel, fn),
    },
  };
});

const { createLingxiApi } = await import('../../../preload/index');
const api = ipc.exposed.get('lingxi') as LingxiApi;

/** Every function reachable in the exposed object, as dotted paths. */
function functionPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => {
    if (typeof child === 'function') return [`${prefix}${key}`];
    if (child && typeof child === 'object') return functionPaths(child, `${prefix}${key}.`);
    return [];
  });
}

beforeEach(() => {
  ipc.calls.length = 0;
});

describe('preload', () => {
  it('exposes exactly window.lingxi, for the electron host', () => {
    expect([...ipc.exposed.keys()]).toEqual(['lingxi']);
    expect(api.host).toBe('electron');
  });

  it('exposes one method per channel and nothing generic', () => {
    expect(functionPaths(api).sort()).toEqual([
      'app.quitReady',
      'crm.lookup',
      'desktop.onCommand',
      'desktop.reportStatus',
      'diagnostics.export',
      'dial.handOff',
      'dial.onRequest',
      'knowledge.readPackage',
      'log.write',
      'policy.check',
      'policy.load',
      'power.setCallActive',
      'recording.takeKey',
      'recordingUpload.headers',
      'secrets.set',
      'shell.openExternal',
      'shortcuts.onAction',
      'shortcuts.status',
      'signIn.remembered',
      'signIn.signedIn',
      'signIn.signedOut',
      'speech.endpoint',
      'supervision.sign',
      'system.onEvent',
      'updates.onStatus',
      'updates.setDesk',
      'updates.status',
    ]);
  });

  it('maps each method to its channel with its arguments', async () => {
    await expect(api.policy.load()).resolves.toEqual({ ok: false, source: 's', problems: [] });
    await api.power.setCallActive(true);
    await api.shell.openExternal('https://bank.example/');
    await api.log.write({ level: 'warn', scope: 'phone', message: 'm' });
    await api.app.quitReady();
    await api.crm.lookup({ phone: '13800138000' });
    await api.recording.takeKey();
    await api.supervision.sign({ purpose: 'invite', mode: 'listen', call: 'c1@pbx' });
    await api.signIn.signedIn({ agentId: 'A1', password: 'p' }, true);
    await api.signIn.remembered();
    await api.signIn.signedOut();
    expect(ipc.calls).toEqual([
      ['policy:load', []],
      ['power:set-call-active', [true]],
      ['shell:open-external', ['https://bank.example/']],
      ['log:write', [{ level: 'warn', scope: 'phone', message: 'm' }]],
      ['app:quit-ready', []],
      ['crm:lookup', [{ phone: '13800138000' }]],
      ['recording:take-key', []],
      ['supervision:sign', [{ purpose: 'invite', mode: 'listen', call: 'c1@pbx' }]],
      ['signin:signed-in', [{ agentId: 'A1', password: 'p' }, true]],
      ['signin:remembered', []],
      ['signin:signed-out', []],
    ]);
  });

  it('adds no recording store headers and asks main nothing: main attaches the token, the page never holds it', async () => {
    await expect(api.recordingUpload.headers('https://store.bank.example/files')).resolves.toEqual({});
    expect(ipc.calls).toEqual([]);
  });

  it('delivers valid system events without the IPC event object, and stops after unsubscribe', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.system.onEvent((...args) => void received.push(args));
    const senderEvent = { sender: 'ipcRenderer handle' };
    ipc.emitter.emit(SYSTEM_EVENT_CHANNEL, senderEvent, 'resume');
    ipc.emitter.emit(SYSTEM_EVENT_CHANNEL, senderEvent, 'rm -rf');
    ipc.emitter.emit(SYSTEM_EVENT_CHANNEL, senderEvent, { toString: () => 'online' });
    ipc.emitter.emit(SYSTEM_EVENT_CHANNEL, senderEvent, 'before-quit');
    expect(received).toEqual([['resume'], ['before-quit']]);
    unsubscribe();
    ipc.emitter.emit(SYSTEM_EVENT_CHANNEL, senderEvent, 'offline');
    expect(received).toHaveLength(2);
    expect(ipc.emitter.listenerCount(SYSTEM_EVENT_CHANNEL)).toBe(0);
  });

  it('delivers only known shortcut actions, and stops after unsubscribe', async () => {
    const received: unknown[][] = [];
    const unsubscribe = api.shortcuts.onAction((...args) => void received.push(args));
    ipc.emitter.emit(SHORTCUT_ACTION_CHANNEL, {}, 'answer');
    ipc.emitter.emit(SHORTCUT_ACTION_CHANNEL, {}, 'format-disk');
    ipc.emitter.emit(SHORTCUT_ACTION_CHANNEL, {}, ['hangup']);
    expect(received).toEqual([['answer']]);
    unsubscribe();
    expect(ipc.emitter.listenerCount(SHORTCUT_ACTION_CHANNEL)).toBe(0);
    await api.shortcuts.status();
    // Each dropped message is one line in the app's log, tagged as the preload's (never the value itself).
    const dropped = { level: 'warn', source: 'preload', scope: 'ipc' };
    expect(ipc.calls).toEqual([
      ['log:write', [{ ...dropped, message: 'dropped a message on shortcut:action that is not in the contract (string)' }]],
      ['log:write', [{ ...dropped, message: 'dropped a message on shortcut:action that is not in the contract (object)' }]],
      ['shortcuts:status', []],
    ]);
  });

  it('delivers only well-formed dial requests, and tells main it listens so a waiting link comes', () => {
    const received: unknown[] = [];
    const unsubscribe = api.dial.onRequest((request) => void received.push(request));
    expect(ipc.calls).toEqual([['dial:ready', []]]);
    ipc.emitter.emit(DIAL_REQUEST_CHANNEL, {}, { text: 'tel:+8613800138000', source: 'link' });
    ipc.emitter.emit(DIAL_REQUEST_CHANNEL, {}, { text: '', source: 'clipboard', problem: 'too-long' });
    ipc.emitter.emit(DIAL_REQUEST_CHANNEL, {}, 'tel:95588');
    ipc.emitter.emit(DIAL_REQUEST_CHANNEL, {}, { text: 'tel:95588', source: 'shell' });
    ipc.emitter.emit(DIAL_REQUEST_CHANNEL, {}, { text: 'tel:95588', source: 'link', headers: ['X-Evil: 1'] });
    ipc.emitter.emit(DIAL_REQUEST_CHANNEL, {}, { text: '9'.repeat(257), source: 'link' });
    expect(received).toEqual([
      { text: 'tel:+8613800138000', source: 'link' },
      { text: '', source: 'clipboard', problem: 'too-long' },
    ]);
    unsubscribe();
    expect(ipc.emitter.listenerCount(DIAL_REQUEST_CHANNEL)).toBe(0);
  });

  it('maps updates to their channels and delivers pushed statuses until unsubscribed', async () => {
    await api.updates.status();
    await api.updates.setDesk({ inCall: true, wrapUp: false, recordingsPending: false });
    expect(ipc.calls.filter(([channel]) => channel !== 'log:write')).toEqual([
      ['updates:status', []],
      ['updates:desk-busy', [{ inCall: true, wrapUp: false, recordingsPending: false }]],
    ]);
    const received: unknown[] = [];
    const unsubscribe = api.updates.onStatus((status) => void received.push(status));
    const status = { version: '1.4.2', verdict: { kind: 'blocked', range: '1.4.2' }, installedBy: 'lingxi' };
    ipc.emitter.emit(UPDATE_STATUS_CHANNEL, {}, status);
    ipc.emitter.emit(UPDATE_STATUS_CHANNEL, {}, 'blocked');
    expect(received).toEqual([status]);
    unsubscribe();
    expect(ipc.emitter.listenerCount(UPDATE_STATUS_CHANNEL)).toBe(0);
  });

  it('reports the desk to main and delivers only well-formed tray commands, until unsubscribed', async () => {
    const status = deskStatus({ ringing: true });
    await api.desktop.reportStatus(status);
    expect(ipc.calls).toEqual([['desktop:status', [status]]]);
    const received: unknown[][] = [];
    const unsubscribe = api.desktop.onCommand((...args) => void received.push(args));
    ipc.emitter.emit(DESKTOP_COMMAND_CHANNEL, { sender: 'ipcRenderer handle' }, { kind: 'not-ready', reason: 'lunch' });
    ipc.emitter.emit(DESKTOP_COMMAND_CHANNEL, {}, { kind: 'not-ready' });
    ipc.emitter.emit(DESKTOP_COMMAND_CHANNEL, {}, { kind: 'ready', extra: 'x' });
    ipc.emitter.emit(DESKTOP_COMMAND_CHANNEL, {}, 'ready');
    ipc.emitter.emit(DESKTOP_COMMAND_CHANNEL, {}, { kind: 'ready' });
    expect(received).toEqual([[{ kind: 'not-ready', reason: 'lunch' }], [{ kind: 'ready' }]]);
    unsubscribe();
    expect(ipc.emitter.listenerCount(DESKTOP_COMMAND_CHANNEL)).toBe(0);
  });

  it('keeps subscribers independent', () => {
    const local = new EventEmitter();
    const own = createLingxiApi({
      invoke: async () => undefined,
      on: (channel, fn) => (local.on(channel, fn), own as never),
      removeListener: (channel, fn) => (local.removeListener(channel, fn), own as never),
    });
    const a: SystemEvent[] = [];
    const b: SystemEvent[] = [];
    const offA = own.system.onEvent((e) => void a.push(e));
    own.system.onEvent((e) => void b.push(e));
    offA();
    local.emit(SYSTEM_EVENT_CHANNEL, {}, 'offline');
    expect(a).toEqual([]);
    expect(b).toEqual(['offline']);
  });
});
