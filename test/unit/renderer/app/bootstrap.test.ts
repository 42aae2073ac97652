import { describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import type { SystemEvent } from '@common/contract/ipc';
import { bootstrap } from '@renderer/app/bootstrap';
import { createAppStore } from '@renderer/app/store';

const useStore = createAppStore();

function fakeHost(load: LingxiApi['policy']['load']) {
  const listeners: Array<(event: SystemEvent) => void> = [];
  const host: LingxiApi = {
    host: 'browser',
    policy: { load, check: load },
    power: { setCallActive: vi.fn(async () => undefined) },
    shell: { openExternal: vi.fn(async () => undefined) },
    log: { write: vi.fn(async () => undefined) },
    system: {
      onEvent: (listener) => {
        listeners.push(listener);
        return () => undefined;
      },
    },
    app: { quitReady: vi.fn(async () => undefined) },
    shortcuts: { onAction: () => () => undefined, status: vi.fn(async () => []) },
    secrets: { set: vi.fn(async () => ({ stored: true, protection: 'os' as const, persistence: 'kept' as const })) },
    crm: { lookup: vi.fn(async () => ({ ok: true as const, profiles: [], latencyMs: 0 })) },
    recording: { takeKey: vi.fn(async () => ({ ok: false as const, reason: 'refused' as const, error: 'test host' })) },
    recordingUpload: { headers: vi.fn(async () => ({})) },
    knowledge: { readPackage: vi.fn(async () => null) },
    speech: { endpoint: vi.fn(async () => ({ error: { code: 'off' as const, message: 'off' } })) },
    supervision: { sign: vi.fn(async () => ({ ok: false as const, error: 'not-lead' as const, message: 'not a lead' })) },
    updates: { status: vi.fn(async () => null), onStatus: () => () => undefined, setDesk: vi.fn(async () => undefined) },
    signIn: { signedIn: vi.fn(async () => ({ remembered: false })), remembered: vi.fn(async () => null), signedOut: vi.fn(async () => undefined) },
    diagnostics: { export: vi.fn(async () => ({ ok: false as const, cancelled: true as const })) },
    dial: { onRequest: () => () => undefined, handOff: async () => false },
    desktop: { reportStatus: vi.fn(async () => undefined), onCommand: () => () => undefined },
  };
  return { host, emit: (event: SystemEvent) => listeners.forEach((l) => l(event)) };
}

describe('bootstrap with an invalid policy', () => {
  it('shows the problems in the policy’s language, starts no phone, and still answers the quit handshake', async () => {
    const { host, emit } = fakeHost(async () => ({
      ok: false,
      source: '/etc/lingxi/policy.json',
      language: 'zh-TW',
      problems: [{ path: 'sip.servers[0]', message: 'must be a wss:// URL' }],
    }));
    await bootstrap(host, useStore);
    const state = useStore.getState();
    expect(state.policy).toMatchObject({ status: 'invalid', problems: [{ path: 'sip.servers[0]' }] });
    expect(state.language).toBe('zh-TW');
    expect(state.registration.state).toBe('unregistered');
    emit('before-quit');
    expect(host.app.quitReady).toHaveBeenCalledTimes(1);
  });
});
