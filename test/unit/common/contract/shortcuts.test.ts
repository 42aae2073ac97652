import { describe, expect, it } from 'vitest';
import { shortcutsPolicySchema } from '@common/contract/policy';
import {
  formatAccelerator,
  isShortcutAction,
  matchesKey,
  parseAccelerator,
  planShortcuts,
  typesText,
  type KeyLike,
} from '@common/contract/shortcuts';

const key = (patch: Partial<KeyLike>): KeyLike => ({ key: '', code: '', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...patch });

describe('accelerator parsing', () => {
  it('reads modifiers case-insensitively, with their aliases', () => {
    expect(parseAccelerator('Ctrl+Alt+A')).toEqual({ ctrl: true, alt: true, shift: false, meta: false, cmdOrCtrl: false, key: 'A' });
    expect(parseAccelerator('control+option+shift+a')).toMatchObject({ ctrl: true, alt: true, shift: true, key: 'A' });
    expect(parseAccelerator('CmdOrCtrl+F8')).toMatchObject({ cmdOrCtrl: true, key: 'F8' });
    expect(parseAccelerator('Super+7')).toMatchObject({ meta: true, key: '7' });
  });
  it('says what is wrong with a bad accelerator', () => {
    expect(() => parseAccelerator('Hyper+A')).toThrow('"Hyper+A": unknown modifier "Hyper"');
    expect(() => parseAccelerator('Ctrl+Control+A')).toThrow('modifier "Control" given twice');
    expect(() => parseAccelerator('Ctrl+Alt+')).toThrow('no key after the modifiers');
    expect(() => parseAccelerator('Ctrl+Enter')).toThrow('unsupported key "Enter"');
    expect(() => parseAccelerator('F25')).toThrow('unsupported key "F25"');
  });
  it('spells accelerators the same way whatever way they were written', () => {
    expect(formatAccelerator(parseAccelerator('alt+control+a'), 'other')).toBe('Ctrl+Alt+A');
    expect(formatAccelerator(parseAccelerator('CommandOrControl+Shift+P'), 'other')).toBe('Ctrl+Shift+P');
    expect(formatAccelerator(parseAccelerator('CommandOrControl+Shift+P'), 'mac')).toBe('Shift+Cmd+P');
  });
  it('knows which accelerators would type text', () => {
    expect(typesText(parseAccelerator('A'))).toBe(true);
    expect(typesText(parseAccelerator('Shift+A'))).toBe(true);
    expect(typesText(parseAccelerator('F8'))).toBe(false);
    expect(typesText(parseAccelerator('Alt+A'))).toBe(false);
  });
  it('accepts only known actions from IPC', () => {
    expect(isShortcutAction('answer')).toBe(true);
    expect(isShortcutAction('global')).toBe(false);
    expect(isShortcutAction(42)).toBe(false);
  });
});

describe('accelerator matching', () => {
  const ctrlAltA = parseAccelerator('Ctrl+Alt+A');
  it('matches the physical key with exactly the modifiers asked for', () => {
    expect(matchesKey(ctrlAltA, key({ key: 'a', code: 'KeyA', ctrlKey: true, altKey: true }), 'other')).toBe(true);
    // macOS Option turns "a" into "å": the physical key still matches.
    expect(matchesKey(ctrlAltA, key({ key: 'å', code: 'KeyA', ctrlKey: true, altKey: true }), 'mac')).toBe(true);
    expect(matchesKey(ctrlAltA, key({ key: 'A', code: 'KeyA', ctrlKey: true, altKey: true, shiftKey: true }), 'other')).toBe(false);
    expect(matchesKey(ctrlAltA, key({ key: 'a', code: 'KeyA', ctrlKey: true }), 'other')).toBe(false);
    expect(matchesKey(ctrlAltA, key({ key: 'b', code: 'KeyB', ctrlKey: true, altKey: true }), 'other')).toBe(false);
  });
  it('resolves CommandOrControl per platform, and matches digits on either row and function keys', () => {
    const acc = parseAccelerator('CmdOrCtrl+1');
    expect(matchesKey(acc, key({ key: '1', code: 'Digit1', ctrlKey: true }), 'other')).toBe(true);
    expect(matchesKey(acc, key({ key: '1', code: 'Numpad1', ctrlKey: true }), 'other')).toBe(true);
    expect(matchesKey(acc, key({ key: '1', code: 'Digit1', ctrlKey: true }), 'mac')).toBe(false);
    expect(matchesKey(acc, key({ key: '1', code: 'Digit1', metaKey: true }), 'mac')).toBe(true);
    expect(matchesKey(parseAccelerator('F8'), key({ key: 'F8', code: 'F8' }), 'other')).toBe(true);
  });
});

describe('planShortcuts', () => {
  it('parses the defaults, all usable', () => {
    const plan = planShortcuts(shortcutsPolicySchema.parse({}), 'other');
    expect(plan.map((p) => [p.action, p.accelerator, p.state])).toEqual([
      ['answer', 'Ctrl+Alt+A', 'active'],
      ['hangup', 'Ctrl+Alt+H', 'active'],
      ['hold', 'Ctrl+Alt+P', 'active'],
      ['mute', 'Ctrl+Alt+M', 'active'],
      ['transfer', 'Ctrl+Alt+X', 'active'],
      ['toggleReady', 'Ctrl+Alt+R', 'active'],
      ['toggleRecording', 'Ctrl+Alt+S', 'active'],
      ['askForHelp', 'Ctrl+Alt+Q', 'active'],
      ['scheduleCallback', 'Ctrl+Alt+B', 'active'],
      ['dial', 'Ctrl+Alt+D', 'active'],
      ['exportDiagnostics', 'Ctrl+Alt+Shift+D', 'active'],
    ]);
  });
  it('flags the later of two actions with the same keys, however they are spelled', () => {
    const config = { ...shortcutsPolicySchema.parse({}), answer: 'F8', hangup: 'f8', hold: 'Ctrl+Alt+A', mute: 'alt+control+a', transfer: 'Hyper+X' };
    const plan = planShortcuts(config, 'other');
    expect(plan.find((p) => p.action === 'hangup')).toMatchObject({ state: 'duplicate' });
    expect(plan.find((p) => p.action === 'hold')).toMatchObject({ state: 'active' });
    expect(plan.find((p) => p.action === 'mute')).toMatchObject({ state: 'duplicate' });
    expect(plan.find((p) => p.action === 'transfer')).toEqual({ action: 'transfer', accelerator: 'Hyper+X', state: 'invalid' });
  });
});
