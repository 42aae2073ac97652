import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createOriginCheck } from '@main/app/origin';
import { createIpcRegistry, IpcRejectedError } from '@main/ipc/register';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** A stand-in for ipcMain that keeps the listeners so tests can invoke them like the renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      listeners.set(channel, listener);
    },
    removeHandler: (channel: string) => void listeners.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  const invoke = async (channel: string, frameUrl: string | null, ...args: unknown[]) => invokeFrom(1, channel, frameUrl, ...args);
  const invokeFrom = async (senderId: number, channel: string, frameUrl: string | null, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event = { sender: { id: senderId }, senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return listener(event, ...args);
  };
  return { ipcMain, invoke, invokeFrom, listeners };
}

const APP = 'lingxi://app/index.html';

function setup(devUrl?: string) {
  const fake = fakeIpcMain();
  const rejected: string[] = [];
  const registry = createIpcRegistry({
    ipcMain: fake.ipcMain,
    isTrusted: createOriginCheck(devUrl),
    onReject: (channel, reason) => rejected.push(`${channel}: ${reason}`),
  });
  return { ...fake, registry, rejected };
}

describe('createIpcRegistry', () => {
  it('tells a per-sender handler which renderer called, after the same checks', async () => {
    const { registry, invokeFrom, rejected } = setup();
    const seen: Array<[number, string]> = [];
    registry.handleFromSender('log:write', (sender, entry) => void seen.push([sender.id, entry.message]));
    await invokeFrom(7, 'log:write', APP, { level: 'info', scope: 'x', message: 'a' });
    await invokeFrom(9, 'log:write', APP, { level: 'info', scope: 'x', message: 'b' });
    await expect(invokeFrom(7, 'log:write', 'https://evil.example/', { level: 'info', scope: 'x', message: 'c' })).rejects.toThrow(IpcRejectedError);
    expect(seen).toEqual([[7, 'a'], [9, 'b']]);
    expect(rejected).toHaveLength(1);
  });

  it('passes parsed arguments to the handler and returns its result', async () => {
    const { registry, invoke } = setup();
    const seen: boolean[] = [];
    registry.handle('power:set-call-active', (active) => void seen.push(active));
    await invoke('power:set-call-active', APP, true);
    expect(seen).toEqual([true]);

    registry.handle('policy:load', () => ({ ok: false, source: 'x', problems: [] }));
    await expect(invoke('policy:load', APP)).resolves.toEqual({ ok: false, source: 'x', problems: [] });
  });

  it('rejects a wrong argument type with a message naming the channel and position', async () => {
    const { registry, invoke, rejected } = setup();
    const fn = vi.fn();
    registry.handle('power:set-call-active', fn);
    const error = await invoke('power:set-call-active', APP, 'yes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcRejectedError);
    expect((error as Error).message).toMatch(/^power:set-call-active: invalid arguments: \[0\] /);
    expect(fn).not.toHaveBeenCalled();
    expect(rejected).toHaveLength(1);
  });

  it('rejects missing and extra arguments', async () => {
    const { registry, invoke } = setup();
    const fn = vi.fn();
    registry.handle('power:set-call-active', fn);
    registry.handle('policy:load', fn);
    await expect(invoke('power:set-call-active', APP)).rejects.toThrow(/invalid arguments/);
    await expect(invoke('policy:load', APP, 'extra')).rejects.toThrow(/invalid arguments/);
    expect(fn).not.toHaveBeenCalled();
  });

  it('rejects an http URL for shell:open-external before the handler runs', async () => {
    const { registry, invoke } = setup();
    const opened: string[] = [];
    registry.handle('shell:open-external', (url) => void opened.push(url));
    await expect(invoke('shell:open-external', APP, 'http://bank.example/')).rejects.toThrow(/https/);
    await invoke('shell:open-external', APP, 'https://bank.example/');
    expect(opened).toEqual(['https://bank.example/']);
  });

  it('rejects a log entry with unknown keys (strict schema)', async () => {
    const { registry, invoke } = setup();
    const fn = vi.fn();
    registry.handle('log:write', fn);
    await expect(invoke('log:write', APP, { level: 'info', scope: 'x', message: 'm', extra: 1 })).rejects.toThrow(
      /invalid arguments/,
    );
    expect(fn).not.toHaveBeenCalled();
  });

  it('accepts a log entry’s error text (a stack) and rejects one that is not text or is too long', async () => {
    const { registry, invoke } = setup();
    const fn = vi.fn();
    registry.handle('log:write', fn);
    const entry = { level: 'error', scope: 'phone', message: 'answer failed', error: 'Error: no track\n    at answer (phone.ts:1:1)' };
    await invoke('log:write', APP, entry);
    expect(fn).toHaveBeenCalledWith(entry);
    await expect(invoke('log:write', APP, { ...entry, error: { stack: 'x' } })).rejects.toThrow(/invalid arguments: \[0\]\.error /);
    await expect(invoke('log:write', APP, { ...entry, error: 'x'.repeat(4001) })).rejects.toThrow(/invalid arguments: \[0\]\.error /);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a foreign https page', 'https://evil.example/'],
    ['a file:// page', 'file:///home/agent/index.html'],
    ['another host on our scheme', 'lingxi://other/index.html'],
    ['the dev server when none is configured', 'http://localhost:5173/'],
    ['a frame that is gone', null],
  ])('drops calls from %s', async (_label, frameUrl) => {
    const { registry, invoke, rejected } = setup();
    const fn = vi.fn();
    registry.handle('power:set-call-active', fn);
    await expect(invoke('power:set-call-active', frameUrl, true)).rejects.toThrow(/untrusted sender/);
    expect(fn).not.toHaveBeenCalled();
    expect(rejected[0]).toMatch(/^power:set-call-active: untrusted sender/);
  });

  it('trusts the dev server origin only when it is configured', async () => {
    const { registry, invoke } = setup('http://localhost:5173');
    const fn = vi.fn();
    registry.handle('power:set-call-active', fn);
    await invoke('power:set-call-active', 'http://localhost:5173/index.html', false);
    await expect(invoke('power:set-call-active', 'http://localhost:5174/', false)).rejects.toThrow(/untrusted/);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('replaces a handler registered twice and removes all on dispose', async () => {
    const { registry, invoke, listeners } = setup();
    registry.handle('app:quit-ready', () => undefined);
    registry.handle('app:quit-ready', () => undefined);
    registry.handle('policy:load', () => ({ ok: false, source: '', problems: [] }));
    expect([...listeners.keys()].sort()).toEqual(['app:quit-ready', 'policy:load']);
    registry.dispose();
    expect(listeners.size).toBe(0);
    await expect(invoke('policy:load', APP)).rejects.toThrow(/No handler/);
  });
});
