/**
 * The policy's keyboard shortcuts as OS-level shortcuts (Electron globalShortcut), so an agent can answer
 * or hang up while the CRM has focus. With `shortcuts.global` false they are held only while the app's
 * window has focus (registered on focus, released on blur). A shortcut another application holds, or one
 * Electron cannot parse, is reported and skipped: never fatal.
 */
import type { GlobalShortcut } from 'electron';
import type { ShortcutAction, ShortcutsPolicy } from '@common/contract/policy';
import { planShortcuts, typesText, type ShortcutScope, type ShortcutStatus } from '@common/contract/shortcuts';

export interface ShortcutRegistrarDeps {
  /** Electron's globalShortcut, injected so tests can drive it. Only usable after app 'ready'. */
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  /** Delivers a triggered action to the renderer (SHORTCUT_ACTION_CHANNEL). */
  send(action: ShortcutAction): void;
  platform: NodeJS.Platform;
  /** Whether the app's window has focus now (window-scoped shortcuts register only then). */
  isWindowFocused(): boolean;
  /** Told about every shortcut that does not work, with Electron's error when there is one. */
  onProblem?(status: ShortcutStatus, detail?: string): void;
}

export interface ShortcutRegistrar {
  /** Applies a newly loaded policy's shortcuts (undefined: no valid policy, release everything). */
  apply(config: ShortcutsPolicy | undefined): ShortcutStatus[];
  /** The window gained or lost focus. */
  setWindowFocused(focused: boolean): void;
  /** Each configured shortcut and whether it works. */
  status(): ShortcutStatus[];
  /** Releases every shortcut (app quitting). */
  dispose(): void;
}

/** Creates the registrar main/index.ts wires to policy:load, window focus and will-quit. */
export function createShortcutRegistrar(deps: ShortcutRegistrarDeps): ShortcutRegistrar {
  const { globalShortcut, send, onProblem } = deps;
  let statuses: ShortcutStatus[] = [];
  let scope: ShortcutScope = 'global';
  const held = new Set<string>();

  const release = () => {
    for (const accelerator of held) globalShortcut.unregister(accelerator);
    held.clear();
  };

  // Registers what can be registered; a shortcut refused for good (invalid, duplicate, bare key) is not retried.
  const registerAll = () => {
    statuses = statuses.map((status) => {
      if ((status.state !== 'active' && status.state !== 'taken') || held.has(status.accelerator)) return status;
      let ok: boolean;
      try {
        ok = globalShortcut.register(status.accelerator, () => send(status.action));
      } catch (error) {
        const invalid: ShortcutStatus = { ...status, state: 'invalid' };
        onProblem?.(invalid, (error as Error).message);
        return invalid;
      }
      if (!ok) {
        // Reported once per change, not on every focus.
        if (status.state !== 'taken') onProblem?.({ ...status, state: 'taken' });
        return { ...status, state: 'taken' };
      }
      held.add(status.accelerator);
      return { ...status, state: 'active' };
    });
  };

  return {
    apply(config) {
      release();
      statuses = [];
      if (!config) return [];
      scope = config.global ? 'global' : 'window';
      const platform = deps.platform === 'darwin' ? 'mac' : 'other';
      statuses = planShortcuts(config, platform).map(({ action, accelerator, parsed, state }) => {
        // A bare letter held by the OS would stop that letter from typing anywhere (or in our own text fields).
        const status: ShortcutStatus = { action, accelerator, scope, state: parsed && typesText(parsed) ? 'needs-modifier' : state };
        if (status.state !== 'active') onProblem?.(status);
        return status;
      });
      if (scope === 'global' || deps.isWindowFocused()) registerAll();
      return statuses;
    },
    setWindowFocused(focused) {
      if (scope !== 'window' || statuses.length === 0) return;
      if (focused) registerAll();
      else release();
    },
    status: () => statuses.map((s) => ({ ...s })),
    dispose() {
      release();
      statuses = [];
    },
  };
}
