import { afterEach, describe, expect, it } from 'vitest';
import { shortcutsPolicySchema, type ShortcutAction, type ShortcutsPolicy } from '@common/contract/policy';
import { browserShortcuts, isTextEntry, keyPlatform, listenInWindow } from '@renderer/platform/in-window-shortcuts';

const defaults = shortcutsPolicySchema.parse({});
let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

function listen(config: ShortcutsPolicy = defaults) {
  const actions: ShortcutAction[] = [];
  stop = listenInWindow(window, () => config, (a) => void actions.push(a), 'other');
  return actions;
}

function press(target: EventTarget, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('in-window shortcuts', () => {
  it('turns the policy’s keys into actions and keeps the browser from acting on them', () => {
    const actions = listen();
    const event = press(document.body, { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true });
    press(document.body, { key: 'm', code: 'KeyM', ctrlKey: true, altKey: true });
    press(document.body, { key: 'm', code: 'KeyM', ctrlKey: true }); // not the accelerator
    expect(actions).toEqual(['answer', 'mute']);
    expect(event.defaultPrevented).toBe(true);
  });

  it('lets bare keys type into text fields, but Ctrl/Alt and function keys work everywhere', () => {
    const actions = listen({ ...defaults, answer: 'A', hangup: 'F8' });
    const input = document.body.appendChild(document.createElement('input'));
    const typed = press(input, { key: 'a', code: 'KeyA' });
    expect(typed.defaultPrevented).toBe(false);
    press(input, { key: 'F8', code: 'F8' });
    press(input, { key: 'p', code: 'KeyP', ctrlKey: true, altKey: true });
    press(document.body, { key: 'a', code: 'KeyA' });
    expect(actions).toEqual(['hangup', 'hold', 'answer']);
  });

  it('ignores auto-repeat, IME composition, and keys before a policy is loaded', () => {
    const actions = listen();
    press(document.body, { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true, repeat: true });
    press(document.body, { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true, isComposing: true });
    stop();
    const none: ShortcutAction[] = [];
    stop = listenInWindow(window, () => undefined, (a) => void none.push(a), 'other');
    press(document.body, { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true });
    expect([...actions, ...none]).toEqual([]);
  });

  it('stops listening when unsubscribed', () => {
    const actions = listen();
    stop();
    press(document.body, { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true });
    expect(actions).toEqual([]);
  });

  it('knows text fields and platforms', () => {
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(isTextEntry(checkbox)).toBe(false);
    expect(isTextEntry(document.createElement('textarea'))).toBe(true);
    expect(isTextEntry(document.createElement('select'))).toBe(true);
    expect(isTextEntry(document.createElement('button'))).toBe(false);
    expect(keyPlatform({ platform: 'MacIntel', userAgent: '' })).toBe('mac');
    expect(keyPlatform({ platform: 'Linux x86_64', userAgent: '' })).toBe('other');
  });

  it('the browser host turns the dial key into a clipboard read instead of an action', () => {
    const actions: ShortcutAction[] = [];
    let dialKeys = 0;
    stop = browserShortcuts(() => defaults, () => void dialKeys++).onAction((a) => void actions.push(a));
    press(document.body, { key: 'd', code: 'KeyD', ctrlKey: true, altKey: true });
    press(document.body, { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true });
    expect(dialKeys).toBe(1);
    expect(actions).toEqual(['answer']);
  });

  it('the browser host reports every shortcut as working in this window', async () => {
    const loaded: { policy?: ShortcutsPolicy } = {};
    const api = browserShortcuts(() => loaded.policy, () => undefined);
    expect(await api.status()).toEqual([]);
    loaded.policy = { ...defaults, hangup: 'Ctrl+Alt+A' };
    const status = await api.status();
    expect(status[0]).toEqual({ action: 'answer', accelerator: 'Ctrl+Alt+A', scope: 'window', state: 'active' });
    expect(status[1]?.state).toBe('duplicate');
  });

  it('the browser host hands each key to every subscriber (diagnostics listens beside the phone’s shortcuts)', () => {
    const api = browserShortcuts(() => defaults, () => undefined);
    const heard: string[] = [];
    const stopFirst = api.onAction((action) => void heard.push(`first ${action}`));
    const stopSecond = api.onAction((action) => void heard.push(`second ${action}`));
    const press = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', ctrlKey: true, altKey: true, cancelable: true }));
    press();
    expect(heard).toEqual(['first answer', 'second answer']);
    stopFirst();
    press();
    expect(heard.at(-1)).toBe('second answer');
    stopSecond();
    press();
    expect(heard).toHaveLength(3);
  });
});
