import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskStatus, DesktopCommand } from '@common/contract/desktop';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import { resetDbForTests } from '@renderer/db/db';
import { holdNotReady, startAgent } from '@renderer/features/agent';
import type { AgentService } from '@renderer/features/agent/agent-service';
import { startDesktop } from '@renderer/features/desktop';
import { fakePhone } from '../../support/phone-calls';

function policy() {
  const result = parsePolicy(
    {
      sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' },
      agent: { notReadyReasons: [{ code: 'lunch', label: { en: 'Lunch', 'zh-CN': '午餐' } }, { code: 'training', label: { en: 'Training' } }], wrapUp: { enabled: false } },
    },
    'test',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

/** A host that keeps every report and lets the test click the tray. */
function fakeHost() {
  const reports: DeskStatus[] = [];
  let listener: ((command: DesktopCommand) => void) | undefined;
  return {
    reports,
    click: (command: DesktopCommand) => listener?.(command),
    subscribed: () => listener !== undefined,
    host: {
      desktop: {
        reportStatus: async (status: DeskStatus) => void reports.push(status),
        onCommand: (fn: (command: DesktopCommand) => void) => {
          listener = fn;
          return () => void (listener = undefined);
        },
      },
    },
  };
}

let stop: () => void = () => undefined;
let agent: AgentService | undefined;
beforeEach(() => {
  resetDbForTests();
  indexedDB.deleteDatabase('lingxi');
});
// The agent's Dexie writes finish before the next test resets the database.
afterEach(async () => {
  stop();
  agent?.stop();
  await agent?.flush();
});

function setUp() {
  const store = createAppStore();
  const phone = fakePhone(store);
  agent = startAgent(policy(), store, phone.lifecycle);
  const tray = fakeHost();
  stop = startDesktop(policy(), store, tray.host);
  return { store, phone, tray };
}

describe('the desk as the tray sees it', () => {
  it('reports the agent state, registration, language and the labelled reasons at once and on each change that matters', () => {
    const { store, tray } = setUp();
    expect(tray.reports).toEqual([
      {
        agent: 'ready',
        next: { kind: 'ready' },
        held: false,
        registration: 'unregistered',
        ringing: false,
        language: 'en',
        reasons: [
          { code: 'lunch', label: 'Lunch' },
          { code: 'training', label: 'Training' },
        ],
      },
    ]);
    store.getState().setRegistration({ state: 'registered', server: 'wss://sbc.bank.example' });
    // The same status again (a server name changed, nothing the tray shows): no second report.
    store.getState().setRegistration({ state: 'registered', server: 'wss://sbc2.bank.example' });
    store.getState().setLanguage('zh-CN', false);
    expect(tray.reports.map((r) => [r.registration, r.language, r.reasons[0]?.label])).toEqual([
      ['unregistered', 'en', 'Lunch'],
      ['registered', 'en', 'Lunch'],
      ['registered', 'zh-CN', '午餐'],
    ]);
  });

  it('says when a call rings, and what the agent is doing once it is answered', () => {
    const { phone, tray } = setUp();
    phone.update({ id: 'c1', direction: 'incoming', phase: 'ringing' });
    expect(tray.reports.at(-1)).toMatchObject({ agent: 'ready', ringing: true });
    phone.update({ id: 'c1', direction: 'incoming', phase: 'active', answeredAt: Date.now() });
    expect(tray.reports.at(-1)).toMatchObject({ agent: 'on-call', ringing: false, next: { kind: 'ready' } });
  });

  it('the tray\'s Not ready and Ready change the agent state as the Agent state control does, also mid-call', () => {
    const { store, phone, tray } = setUp();
    tray.click({ kind: 'not-ready', reason: 'training' });
    expect(store.getState().agent.state).toMatchObject({ kind: 'not-ready', reason: 'training' });
    expect(tray.reports.at(-1)).toMatchObject({ agent: 'not-ready', next: { kind: 'not-ready', reason: 'training' } });
    phone.update({ id: 'c1', direction: 'outgoing', phase: 'active', answeredAt: Date.now() });
    tray.click({ kind: 'ready' });
    // On a call the choice is where the agent goes next.
    expect(store.getState().agent.state.kind).toBe('on-call');
    expect(tray.reports.at(-1)).toMatchObject({ agent: 'on-call', next: { kind: 'ready' } });
    phone.end('c1');
    expect(store.getState().agent.state.kind).toBe('ready');
  });

  it('ignores a reason the policy does not list', () => {
    const { store, tray } = setUp();
    tray.click({ kind: 'not-ready', reason: 'nap' });
    expect(store.getState().agent.state.kind).toBe('ready');
  });

  it('reports the app\'s hold (kill switch) as held, with its words', () => {
    const { tray } = setUp();
    holdNotReady('update-required');
    expect(tray.reports.at(-1)).toMatchObject({ agent: 'not-ready', held: true, next: { kind: 'not-ready', reason: 'update-required' } });
    expect(tray.reports.at(-1)?.reasons.at(-1)?.code).toBe('update-required');
    expect(tray.reports.at(-1)?.reasons.at(-1)?.label).not.toBe('update-required');
    holdNotReady(null);
  });

  it('stops reporting and listening when stopped', () => {
    const { store, tray } = setUp();
    stop();
    store.getState().setRegistration({ state: 'registered' });
    expect(tray.reports).toHaveLength(1);
    expect(tray.subscribed()).toBe(false);
  });
});
