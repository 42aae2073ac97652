import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy, type PolicyInput } from '@common/contract/policy';
import { render, useStore } from '../../../support/app-store';
import { startAgent, type AgentService } from '@renderer/features/agent/agent-service';
import { AgentStateSelect } from '@renderer/features/agent/components/AgentStateSelect';
import { CallHistory } from '@renderer/features/agent/components/CallHistory';
import { WrapUpPanel } from '@renderer/features/agent/components/WrapUpPanel';
import { initI18n } from '@renderer/i18n';
import { callSnapshot, historyEntry } from '../../../support/call-snapshot';
import { fakePhone } from '../../../support/phone-calls';

let service: AgentService;
let phone: ReturnType<typeof fakePhone>;
const save = vi.fn(async () => []);

function start(agent: PolicyInput['agent']) {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, agent }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  useStore.getState().setPolicy({ status: 'ready', policy: result.policy, source: 'test' });
  useStore.getState().setHistory([]);
  const repo = {
    recoverOpenStretches: async () => 0,
    beginStretch: async () => 1,
    touchStretch: async () => undefined,
    endStretch: async () => undefined,
  };
  phone = fakePhone(useStore);
  service = startAgent(result.policy, useStore, phone.lifecycle, { now: Date.now, repo, saveWrapUp: save, heartbeatMs: 60_000 });
}

const active = callSnapshot({ answeredAt: 1 });

const endCall = () =>
  act(() => {
    phone.update(active);
    phone.end('c1');
    useStore.getState().addHistory(historyEntry());
  });

beforeEach(() => save.mockClear());
afterEach(() => service.stop());

describe('Agent state control', () => {
  it('offers Ready and Not ready; Not ready shows the policy’s reasons', () => {
    start({});
    render(<AgentStateSelect />);
    const state = screen.getByRole('combobox', { name: 'Agent state' });
    expect([...(state as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Ready', 'Not ready']);
    expect(screen.queryByRole('combobox', { name: 'Not ready reason' })).toBeNull();

    fireEvent.change(state, { target: { value: 'not-ready' } });
    const reason = screen.getByRole('combobox', { name: 'Not ready reason' }) as HTMLSelectElement;
    expect(reason.selectedOptions[0]?.text).toBe('Break');
    fireEvent.change(reason, { target: { value: 'lunch' } });
    expect(useStore.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'lunch' });
    expect(screen.getByRole('timer', { name: 'Time in state' }).textContent).toBe('00:00');
  });

  it('shows On call during a call, and what comes afterwards', () => {
    start({ wrapUp: { enabled: false } });
    render(<AgentStateSelect />);
    act(() => phone.update(active));
    const state = screen.getByRole('combobox', { name: 'Agent state' }) as HTMLSelectElement;
    expect(state.selectedOptions[0]?.text).toBe('On call');
    expect(screen.getByText('Afterwards: Ready')).toBeTruthy();
    fireEvent.change(state, { target: { value: 'not-ready' } });
    expect(state.selectedOptions[0]?.text).toBe('On call');
    expect(screen.getByText('Afterwards: Not ready (Break)')).toBeTruthy();
  });
});

describe('Wrap-up panel', () => {
  it('keeps Finish wrap-up disabled, saying why, until a required code is picked; then records code and notes', async () => {
    start({ wrapUp: { codeRequired: true, timeLimitSeconds: 0 } });
    render(
      <>
        <AgentStateSelect />
        <WrapUpPanel />
        <CallHistory />
      </>,
    );
    expect(screen.queryByRole('region', { name: 'Wrap-up' })).toBeNull();
    endCall();
    expect(screen.getByRole('region', { name: 'Wrap-up' }).textContent).toContain('After the call with 1002');
    expect((screen.getByRole('combobox', { name: 'Agent state' }) as HTMLSelectElement).selectedOptions[0]?.text).toBe('Wrap-up');
    const finish = screen.getByRole('button', { name: 'Finish wrap-up' }) as HTMLButtonElement;
    expect(finish.disabled).toBe(true);
    expect(document.getElementById(finish.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Choose a wrap-up code to finish.');
    expect(screen.queryByRole('timer', { name: 'Wrap-up time left' })).toBeNull(); // no limit

    fireEvent.change(screen.getByRole('combobox', { name: 'Wrap-up code' }), { target: { value: 'complaint' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Wrap-up notes' }), { target: { value: 'call back Monday' } });
    expect(finish.disabled).toBe(false);
    expect(finish.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(finish);

    expect(screen.queryByRole('region', { name: 'Wrap-up' })).toBeNull();
    expect(useStore.getState().agent.state.kind).toBe('ready');
    await service.flush();
    expect(save).toHaveBeenCalledWith(['c1'], { code: 'complaint', notes: 'call back Monday', endedBy: 'agent' });
    expect(screen.getByRole('region', { name: 'Call history' }).textContent).toContain('Complaint');
  });

  it('counts down the time limit; optional codes offer "No code"', () => {
    start({ wrapUp: { timeLimitSeconds: 45 } });
    render(<WrapUpPanel />);
    endCall();
    expect(screen.getByRole('timer', { name: 'Wrap-up time left' }).textContent).toBe('00:45');
    const code = screen.getByRole('combobox', { name: 'Wrap-up code' }) as HTMLSelectElement;
    expect(code.selectedOptions[0]?.text).toBe('No code');
    expect((screen.getByRole('button', { name: 'Finish wrap-up' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows policy labels in the UI language, falling back to the nearest language given', async () => {
    start({
      wrapUp: {
        timeLimitSeconds: 0,
        codes: [
          { code: 'a', label: { 'zh-TW': '已解決', en: 'Solved' } },
          { code: 'b', label: { en: 'Escalated' } },
        ],
      },
    });
    await act(() => initI18n('zh-CN'));
    act(() => useStore.getState().setLanguage('zh-CN', false));
    render(<WrapUpPanel />);
    endCall();
    const code = screen.getByRole('combobox', { name: '话后小结代码' }) as HTMLSelectElement;
    expect([...code.options].map((o) => o.text)).toEqual(['不选代码', '已解決', 'Escalated']);
    await act(() => initI18n('en'));
    act(() => useStore.getState().setLanguage('en', false));
  });
});

describe('Call history', () => {
  it('a call cut by a crash reads Interrupted, and the app’s slot adds what other features know of it', () => {
    start({});
    act(() => useStore.getState().setHistory([historyEntry({ outcome: 'interrupted', durationMs: 4_500 })]));
    render(<CallHistory renderExtra={(entry) => <span>recording of {entry.id}</span>} />);
    const row = screen.getByRole('listitem');
    expect(row.textContent).toContain('Interrupted');
    expect(row.textContent).toContain('00:04');
    expect(row.textContent).toContain('recording of c1');
  });
});
