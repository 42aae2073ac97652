/**
 * Wrap-up where "follow-up" is chosen: the form offers "Schedule callback" prominently, and finishing without
 * a callback takes one explicit confirmation; with a callback promised on the call it finishes at once.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { AgentService, startAgent } from '@renderer/features/agent/agent-service';
import { createAppStore } from '@renderer/app/store';
import { WrapUpPanel } from '@renderer/features/agent/components/WrapUpPanel';
import { CallbackDialog, FollowUpCallback, selectCallbackScheduled, startCallbacks, type Callbacks } from '@renderer/features/callbacks';
import { resetDbForTests } from '@renderer/db/db';
import { appClock } from '@renderer/platform/app-clock';
import { callSnapshot, historyEntry } from '../../support/call-snapshot';
import { fakePhone } from '../../support/phone-calls';
import { render, useStore } from '../../support/app-store';

const parsed = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, agent: { wrapUp: { timeLimitSeconds: 0 } } }, 'test');
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const policy = parsed.policy;
const followUpSlot = { render: (callIds: readonly string[], followUp: boolean) => <FollowUpCallback callIds={callIds} followUp={followUp} />, scheduled: selectCallbackScheduled };
const repo = { recoverOpenStretches: async () => 0, beginStretch: async () => 1, touchStretch: async () => undefined, endStretch: async () => undefined };

describe('wrap-up with a follow-up code', () => {
  let agent: AgentService;
  let callbacks: Callbacks;

  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
    useStore.getState().setPolicy({ status: 'ready', policy, source: 'test' });
    useStore.getState().setHistory([]);
    useStore.getState().setCallbacks([]);
    const phone = fakePhone(useStore);
    agent = startAgent(policy, useStore, phone.lifecycle, { now: Date.now, repo, saveWrapUp: vi.fn(async () => []), heartbeatMs: 60_000 });
    callbacks = startCallbacks(policy, useStore, phone.lifecycle, { clock: appClock, phone: { dial: vi.fn() }, chime: vi.fn() });
    render(
      <>
        <WrapUpPanel followUp={followUpSlot} />
        <CallbackDialog />
      </>,
    );
    act(() => {
      phone.update(callSnapshot({ answeredAt: 1 }));
      phone.end('c1');
      useStore.getState().addHistory(historyEntry());
    });
  });
  afterEach(() => {
    callbacks.stop();
    agent.stop();
  });

  const wrapUp = () => screen.getByRole('region', { name: 'Wrap-up' });
  const chooseCode = (code: string) => fireEvent.change(within(wrapUp()).getByRole('combobox', { name: 'Wrap-up code' }), { target: { value: code } });
  const finish = () => fireEvent.click(within(wrapUp()).getByRole('button', { name: 'Finish wrap-up' }));

  it('the default "Follow-up needed" code is marked follow-up in the policy', () => {
    expect(policy.agent.wrapUp.codes.filter((c) => c.followUp).map((c) => c.code)).toEqual(['follow-up']);
  });

  it('offers Schedule callback in a box of its own, and asks once before finishing without a callback', () => {
    expect(within(wrapUp()).getAllByRole('button', { name: 'Schedule callback' })).toHaveLength(1);
    expect(wrapUp().textContent).not.toContain('Follow-up: promise the customer a call back.');
    chooseCode('follow-up');
    expect(wrapUp().textContent).toContain('Follow-up: promise the customer a call back.');
    expect(within(wrapUp()).getAllByRole('button', { name: 'Schedule callback' })).toHaveLength(1);

    finish();
    expect(useStore.getState().agent.state.kind).toBe('wrap-up');
    const alert = within(wrapUp()).getByRole('alert');
    expect(alert.textContent).toContain('This call needs a follow-up, and no callback is scheduled for it.');
    finish();
    expect(useStore.getState().agent.state.kind).toBe('wrap-up');
    fireEvent.click(within(alert).getByRole('button', { name: 'Finish without callback' }));
    expect(useStore.getState().agent.state.kind).toBe('ready');
  });

  it('with the callback scheduled from the box, Finish ends wrap-up at once', async () => {
    chooseCode('follow-up');
    fireEvent.click(within(wrapUp()).getByRole('button', { name: 'Schedule callback' }));
    const dialog = screen.getByRole('dialog', { name: 'Callback' });
    expect(within(dialog).getByRole('textbox', { name: 'Number' })).toHaveProperty('value', '1002');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(wrapUp().textContent).toContain('Callback scheduled for this call.'));
    expect(useStore.getState().callbacks).toMatchObject([{ number: '1002', sourceCallId: 'c1' }]);
    finish();
    expect(useStore.getState().agent.state.kind).toBe('ready');
  });

  it('another code finishes without asking', () => {
    chooseCode('resolved');
    finish();
    expect(useStore.getState().agent.state.kind).toBe('ready');
  });
});

describe('the wrap-up time limit with a follow-up code', () => {
  const limited = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, agent: { wrapUp: { timeLimitSeconds: 2 } } }, 'test');
  if (!limited.ok) throw new Error(JSON.stringify(limited.problems));
  const limitedPolicy = limited.policy;
  beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
  afterEach(() => vi.useRealTimers());

  /** Ends a call into wrap-up with `code`, lets the 2-second limit pass, and says where the agent is. */
  async function timeOut(code: string, scheduled: boolean) {
    const store = createAppStore();
    const phone = fakePhone(store);
    const agent = new AgentService(limitedPolicy, store, phone.lifecycle, { now: Date.now, repo, saveWrapUp: vi.fn(async () => []), heartbeatMs: 60_000, followUpScheduled: () => scheduled });
    phone.update(callSnapshot({ answeredAt: 1_000 }));
    phone.end('c1');
    agent.dispatch({ type: 'wrap-up-code', code });
    await vi.advanceTimersByTimeAsync(2_000);
    const { state } = store.getState().agent;
    agent.stop();
    return state.kind === 'wrap-up' ? { kind: state.kind, overdue: state.work.overdue } : { kind: state.kind };
  }

  it('no callback promised: the limit does not end wrap-up, the agent finishes by hand (overdue)', async () => {
    expect(await timeOut('follow-up', false)).toEqual({ kind: 'wrap-up', overdue: true });
  });

  it('with the callback promised, or another code, the limit ends wrap-up as the policy says', async () => {
    expect(await timeOut('follow-up', true)).toEqual({ kind: 'ready' });
    expect(await timeOut('resolved', false)).toEqual({ kind: 'ready' });
  });
});
