import { describe, expect, it, vi } from 'vitest';
import { createShortcutRegistrar, type ShortcutRegistrarDeps } from '@main/features/shortcuts/global-shortcuts';
import { shortcutsPolicySchema, type ShortcutsPolicy } from '@common/contract/policy';
import type { ShortcutStatus } from '@common/contract/shortcuts';

/** globalShortcut in miniature: `taken` are held by "another app", `broken` make Electron throw. */
function fakeGlobalShortcut({ taken = [] as string[], broken = [] as string[] } = {}) {
  const held = new Map<string, () => void>();
  return {
    held,
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (broken.includes(accelerator)) throw new Error(`Error processing argument at index 0, conversion failure from ${accelerator}`);
      if (taken.includes(accelerator) || held.has(accelerator)) return false;
      held.set(accelerator, callback);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void held.delete(accelerator)),
    press: (accelerator: string) => held.get(accelerator)?.(),
  };
}

function setup(gs = fakeGlobalShortcut(), focused = true) {
  const sent: string[] = [];
  const problems: Array<[ShortcutStatus, string | undefined]> = [];
  const deps: ShortcutRegistrarDeps = {
    globalShortcut: gs,
    send: (action) => sent.push(action),
    platform: 'linux',
    isWindowFocused: () => focused,
    onProblem: (status, detail) => problems.push([status, detail]),
  };
  return { registrar: createShortcutRegistrar(deps), gs, sent, problems };
}

const config = (patch: Partial<ShortcutsPolicy> = {}): ShortcutsPolicy => ({ ...shortcutsPolicySchema.parse({}), ...patch });

describe('global shortcuts', () => {
  it('registers every policy shortcut system-wide and sends its action to the renderer', () => {
    const { registrar, gs, sent, problems } = setup();
    const statuses = registrar.apply(config());
    expect(statuses.every((s) => s.state === 'active' && s.scope === 'global')).toBe(true);
    expect([...gs.held.keys()]).toEqual(['Ctrl+Alt+A', 'Ctrl+Alt+H', 'Ctrl+Alt+P', 'Ctrl+Alt+M', 'Ctrl+Alt+X', 'Ctrl+Alt+R', 'Ctrl+Alt+S', 'Ctrl+Alt+Q', 'Ctrl+Alt+B', 'Ctrl+Alt+D', 'Ctrl+Alt+Shift+D']);
    gs.press('Ctrl+Alt+A');
    gs.press('Ctrl+Alt+R');
    gs.press('Ctrl+Alt+D');
    expect(sent).toEqual(['answer', 'toggleReady', 'dial']);
    expect(problems).toEqual([]);
  });

  it('reports a shortcut another application holds, and keeps the rest', () => {
    const { registrar, gs, problems } = setup(fakeGlobalShortcut({ taken: ['Ctrl+Alt+H'] }));
    registrar.apply(config());
    expect(registrar.status().find((s) => s.action === 'hangup')).toEqual({ action: 'hangup', accelerator: 'Ctrl+Alt+H', scope: 'global', state: 'taken' });
    expect(problems.map(([s]) => `${s.action}:${s.state}`)).toEqual(['hangup:taken']);
    expect(gs.held.size).toBe(10);
  });

  it('survives an accelerator Electron cannot parse (it throws), with its error in the report', () => {
    const { registrar, problems } = setup(fakeGlobalShortcut({ broken: ['Ctrl+Alt+M'] }));
    expect(() => registrar.apply(config())).not.toThrow();
    expect(registrar.status().find((s) => s.action === 'mute')?.state).toBe('invalid');
    expect(problems[0]?.[1]).toMatch(/conversion failure/);
  });

  it('refuses bare keys system-wide and flags duplicates, without registering them', () => {
    const { registrar, gs } = setup();
    registrar.apply(config({ answer: 'A', hangup: 'Shift+H', hold: 'F8', mute: 'F8' }));
    const states = Object.fromEntries(registrar.status().map((s) => [s.action, s.state]));
    expect(states).toMatchObject({ answer: 'needs-modifier', hangup: 'needs-modifier', hold: 'active', mute: 'duplicate' });
    expect([...gs.held.keys()]).toEqual(['F8', 'Ctrl+Alt+X', 'Ctrl+Alt+R', 'Ctrl+Alt+S', 'Ctrl+Alt+Q', 'Ctrl+Alt+B', 'Ctrl+Alt+D', 'Ctrl+Alt+Shift+D']);
  });

  it('unregisters everything on quit, and before applying another policy', () => {
    const { registrar, gs } = setup();
    registrar.apply(config());
    registrar.apply(config({ answer: 'F9' }));
    expect(gs.held.has('Ctrl+Alt+A')).toBe(false);
    expect(gs.held.has('F9')).toBe(true);
    registrar.dispose();
    expect(gs.held.size).toBe(0);
    expect(gs.unregister).toHaveBeenCalledWith('F9');
    expect(registrar.status()).toEqual([]);
  });

  it('releases everything when the policy becomes invalid', () => {
    const { registrar, gs } = setup();
    registrar.apply(config());
    expect(registrar.apply(undefined)).toEqual([]);
    expect(gs.held.size).toBe(0);
  });

  it('with shortcuts.global off, holds the keys only while the window has focus', () => {
    const { registrar, gs } = setup(fakeGlobalShortcut(), false);
    registrar.apply(config({ global: false }));
    expect(gs.held.size).toBe(0);
    expect(registrar.status().every((s) => s.scope === 'window')).toBe(true);
    registrar.setWindowFocused(true);
    expect(gs.held.size).toBe(11);
    registrar.setWindowFocused(false);
    expect(gs.held.size).toBe(0);
  });

  it('retries a taken window shortcut at the next focus and reports it only once', () => {
    const gs = fakeGlobalShortcut({ taken: ['Ctrl+Alt+A'] });
    const { registrar, problems } = setup(gs, true);
    registrar.apply(config({ global: false }));
    registrar.setWindowFocused(false);
    registrar.setWindowFocused(true);
    expect(problems).toHaveLength(1);
    expect(gs.register.mock.calls.filter(([a]) => a === 'Ctrl+Alt+A')).toHaveLength(2);
  });
});
