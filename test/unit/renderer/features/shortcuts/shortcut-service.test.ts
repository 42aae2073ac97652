import { describe, expect, it, vi } from 'vitest';
import type { ShortcutAction } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import type { CallSnapshot } from '@renderer/features/phone/sip/types';
import { clickShortcutButton, runShortcut, type ShortcutTargets } from '@renderer/features/shortcuts/shortcut-service';
import { callSnapshot } from '../../support/call-snapshot';

const snapshot = (patch: Partial<CallSnapshot>): CallSnapshot => callSnapshot(patch);

function targets() {
  return {
    answer: vi.fn<(callId: string) => void>(),
    hangup: vi.fn<(callId: string) => void>(),
    setHold: vi.fn<(callId: string, hold: boolean) => void>(),
    setMute: vi.fn<(callId: string, mute: boolean) => void>(),
    toggleReady: vi.fn<() => void>(),
    openTransfer: vi.fn<() => boolean>(() => true),
    toggleRecording: vi.fn<(callId: string) => boolean>(() => true),
    askForHelp: vi.fn<() => void>(),
    openScheduleCallback: vi.fn<() => boolean>(() => true),
  } satisfies ShortcutTargets;
}

function phoneWith(...calls: CallSnapshot[]) {
  const store = createAppStore();
  calls.forEach((c) => store.getState().upsertCall(c));
  return store.getState();
}

describe('shortcut actions', () => {
  it('answer picks the ringing call; hang up the current one, never a ringing one', () => {
    const t = targets();
    const ringing = phoneWith(snapshot({ id: 'r1', phase: 'ringing' }));
    expect(runShortcut('answer', ringing, t)).toBe(true);
    expect(t.answer).toHaveBeenCalledWith('r1');
    expect(runShortcut('hangup', ringing, t)).toBe(false);
    expect(t.hangup).not.toHaveBeenCalled();
    expect(runShortcut('hangup', phoneWith(snapshot({ phase: 'dialing' })), t)).toBe(true);
    expect(t.hangup).toHaveBeenCalledWith('c1');
  });

  it('the recording shortcut pauses or resumes the connected call only', () => {
    const t = targets();
    expect(runShortcut('toggleRecording', phoneWith(snapshot({})), t)).toBe(true);
    expect(t.toggleRecording).toHaveBeenCalledWith('c1');
    expect(runShortcut('toggleRecording', phoneWith(snapshot({ phase: 'ringing' })), t)).toBe(false);
    t.toggleRecording.mockReturnValue(false);
    expect(runShortcut('toggleRecording', phoneWith(snapshot({})), t), 'a call not being recorded').toBe(false);
  });

  it('hold and mute toggle on the connected call', () => {
    const t = targets();
    runShortcut('hold', phoneWith(snapshot({})), t);
    runShortcut('hold', phoneWith(snapshot({ heldLocally: true })), t);
    runShortcut('mute', phoneWith(snapshot({ muted: true })), t);
    expect(t.setHold.mock.calls).toEqual([
      ['c1', true],
      ['c1', false],
    ]);
    expect(t.setMute.mock.calls).toEqual([['c1', false]]);
    expect(runShortcut('hold', phoneWith(snapshot({ phase: 'connecting' })), t)).toBe(false);
  });

  it('nothing to act on: no call for answer, hold, mute or transfer; Ready toggle always works', () => {
    const t = targets();
    const idle = phoneWith();
    const results = (['answer', 'hangup', 'hold', 'mute', 'transfer', 'toggleReady', 'toggleRecording', 'askForHelp', 'dial', 'exportDiagnostics'] as ShortcutAction[]).map((a) => runShortcut(a, idle, t));
    // Export diagnostics is the diagnostics feature's own subscription (it works before a valid policy too).
    expect(results).toEqual([false, false, false, false, false, true, false, true, false, false]);
    expect(t.askForHelp, 'a hand can go up between calls').toHaveBeenCalledTimes(1);
    expect(t.toggleRecording).not.toHaveBeenCalled();
    expect(t.toggleReady).toHaveBeenCalledTimes(1);
    expect(t.openTransfer).not.toHaveBeenCalled();
  });

  it('transfer clicks the Transfer button by its hook or its name, skipping disabled ones', () => {
    document.body.innerHTML = '<button disabled>Transfer</button><form><button>Transfer</button></form><button type="button">转接</button>';
    const clicks: string[] = [];
    document.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => clicks.push(b.textContent ?? '')));
    expect(clickShortcutButton('transfer', ['转接', 'Transfer'])).toBe(true);
    expect(clicks).toEqual(['转接']);
    document.body.innerHTML = '<button data-shortcut="transfer">↪</button>';
    const hooked = vi.fn();
    document.querySelector('button')?.addEventListener('click', hooked);
    expect(clickShortcutButton('transfer', ['Transfer'])).toBe(true);
    expect(hooked).toHaveBeenCalled();
    document.body.innerHTML = '';
    expect(clickShortcutButton('transfer', ['Transfer'])).toBe(false);
  });

  it('schedule callback opens the Callback dialog through the Schedule callback button, during a call or in wrap-up', () => {
    const t = targets();
    expect(runShortcut('scheduleCallback', phoneWith(), t)).toBe(true);
    expect(t.openScheduleCallback).toHaveBeenCalledOnce();
    t.openScheduleCallback.mockReturnValue(false);
    expect(runShortcut('scheduleCallback', phoneWith(), t), 'no Schedule callback button on screen').toBe(false);
    document.body.innerHTML = '<button type="button">Transfer</button><button type="button" data-shortcut="callback">预约回呼</button>';
    const clicked: string[] = [];
    document.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => clicked.push(b.textContent ?? '')));
    expect(clickShortcutButton('callback', ['Schedule callback'])).toBe(true);
    expect(clicked).toEqual(['预约回呼']);
    document.body.innerHTML = '';
  });
});
