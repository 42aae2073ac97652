/**
 * The kill switch as the agent meets it: the banner (role alert, three languages), Not ready "Update required"
 * kept after the current call and wrap-up, and the desk reported to the host so nothing installs mid-call.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import type { DeskBusy, UpdateStatus } from '@common/updates/update-status';
import { messageBundles } from '@renderer/app/bundles';
import { holdNotReady, startAgent, type AgentService } from '@renderer/features/agent/agent-service';
import { selectAcceptsCalls } from '@renderer/features/agent';
import { AgentStateSelect } from '@renderer/features/agent/components/AgentStateSelect';
import { UpdateBanner } from '@renderer/features/updates';
import { startUpdates } from '@renderer/features/updates/updates-service';
import { initI18n } from '@renderer/i18n';
import { callSnapshot } from '../../support/call-snapshot';
import { fakePhone } from '../../support/phone-calls';
import { render, useStore } from '../../support/app-store';

const blocked: UpdateStatus = {
  version: '1.4.2',
  verdict: { kind: 'blocked', range: '1.4.2' },
  installedBy: 'lingxi',
  update: { version: '1.4.3', state: 'downloaded' },
  message: { en: 'Recordings may be lost in 1.4.2', 'zh-CN': '1.4.2 可能丢失录音' },
};

function fakeHost() {
  const listeners = new Set<(status: UpdateStatus) => void>();
  const desks: DeskBusy[] = [];
  return {
    desks,
    push: (status: UpdateStatus) => act(() => listeners.forEach((l) => l(status))),
    updates: {
      status: async () => null,
      onStatus: (listener: (status: UpdateStatus) => void) => (listeners.add(listener), () => void listeners.delete(listener)),
      setDesk: async (desk: DeskBusy) => void desks.push(desk),
    },
  };
}

let agent: AgentService;
let stop: () => void = () => undefined;

function start() {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' } }, 'test');
  if (!result.ok) throw new Error('policy');
  useStore.getState().setPolicy({ status: 'ready', policy: result.policy, source: 'test' });
  useStore.getState().setUpdateStatus(null);
  const phone = fakePhone(useStore);
  const repo = { recoverOpenStretches: async () => 0, beginStretch: async () => 1, touchStretch: async () => undefined, endStretch: async () => undefined };
  agent = startAgent(result.policy, useStore, phone.lifecycle, { now: Date.now, repo, saveWrapUp: async () => [], heartbeatMs: 60_000 });
  const host = fakeHost();
  stop = startUpdates(host, useStore, { holdNotReady });
  return { host, phone };
}

afterEach(async () => {
  stop();
  agent.stop();
  await initI18n('en', messageBundles);
});

describe('a version blocked by the kill switch', () => {
  it('shows the alert and holds the agent Not ready ("Update required") at once while idle', () => {
    const { host } = start();
    render(
      <>
        <UpdateBanner />
        <AgentStateSelect />
      </>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(selectAcceptsCalls(useStore.getState())).toBe(true);
    host.push(blocked);
    expect(screen.getByRole('alert').textContent).toContain('has been withdrawn by IT');
    expect(useStore.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'update-required' });
    expect(selectAcceptsCalls(useStore.getState())).toBe(false);
  });

  it('on a call: the call goes on, no new call rings, Not ready follows the call; the banner says what happens', () => {
    const { host, phone } = start();
    render(
      <>
        <UpdateBanner />
        <AgentStateSelect />
      </>,
    );
    act(() => void phone.update(callSnapshot({ answeredAt: 1 })));
    expect(host.desks.at(-1)).toEqual({ inCall: true, wrapUp: false, recordingsPending: false });
    host.push(blocked);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This version of Lingxi (1.4.2) has been withdrawn by IT.');
    expect(alert.textContent).toContain('you will not receive new calls');
    expect(alert.textContent).toContain('Version 1.4.3 is ready and installs as soon as your current call and wrap-up are finished.');
    expect(alert.textContent).toContain('Message from IT: Recordings may be lost in 1.4.2');
    expect(useStore.getState().agent.state.kind).toBe('on-call');
    expect(selectAcceptsCalls(useStore.getState())).toBe(false);

    act(() => void phone.end('c1'));
    expect(host.desks.at(-1)).toEqual({ inCall: false, wrapUp: true, recordingsPending: false });
    act(() => agent.finishWrapUp());
    expect(host.desks.at(-1)).toEqual({ inCall: false, wrapUp: false, recordingsPending: false });
    expect(useStore.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'update-required' });
    const state = screen.getByRole('combobox', { name: 'Agent state' }) as HTMLSelectElement;
    const reason = screen.getByRole('combobox', { name: 'Not ready reason' }) as HTMLSelectElement;
    expect(state.disabled).toBe(true);
    expect(reason.selectedOptions[0]?.text).toBe('Update required');
    act(() => agent.choose({ kind: 'ready' }));
    expect(selectAcceptsCalls(useStore.getState())).toBe(false);
  });

  it('lifting the block (IT unblocked the version) hides the banner and lets the agent choose Ready again', () => {
    const { host } = start();
    render(<UpdateBanner />);
    host.push(blocked);
    expect(useStore.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'update-required' });
    host.push({ ...blocked, verdict: { kind: 'allowed' } });
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => agent.choose({ kind: 'ready' }));
    expect(selectAcceptsCalls(useStore.getState())).toBe(true);
  });

  it('speaks Simplified and Traditional Chinese; a too-old MSI install says IT will install', async () => {
    const { host } = start();
    await initI18n('zh-CN', messageBundles);
    act(() => useStore.getState().setLanguage('zh-CN', false));
    render(<UpdateBanner />);
    host.push({ version: '1.3.9', verdict: { kind: 'too-old', minimumVersion: '1.4.0' }, installedBy: 'it', message: blocked.message ?? '' });
    expect(screen.getByRole('alert').textContent).toBe(
      '此版本的灵犀（1.3.9）已不再受支持：IT 要求 1.4.0 或更高版本。 请完成当前通话和话后处理：此版本不会再接到新来电。 IT 将在这台电脑上安装允许的版本。IT 消息：1.4.2 可能丢失录音',
    );
    await act(async () => void (await initI18n('zh-TW', messageBundles)));
    act(() => useStore.getState().setLanguage('zh-TW', false));
    expect(screen.getByRole('alert').textContent).toContain('此版本的靈犀（1.3.9）已不再受支援');
    // IT wrote no zh-TW message: the Simplified one is nearer than English.
    expect(screen.getByRole('alert').textContent).toContain('IT 訊息：1.4.2 可能丢失录音');
  });
});
