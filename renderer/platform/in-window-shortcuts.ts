/**
 * In-window keyboard shortcuts: the browser host's way of delivering shortcut actions (a web page cannot
 * register system-wide keys). Same accelerators and matching as Electron's global shortcuts.
 */
import type { LingxiApi } from '@common/contract/api';
import type { ShortcutAction, ShortcutsPolicy } from '@common/contract/policy';
import { matchesKey, planShortcuts, typesText, type KeyPlatform, type PlannedShortcut } from '@common/contract/shortcuts';

/** macOS reads CommandOrControl as ⌘; everything else as Ctrl. */
export function keyPlatform(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): KeyPlatform {
  return /Mac|iPhone|iPad/.test(nav.platform || nav.userAgent) ? 'mac' : 'other';
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'image', 'reset', 'submit']);

/** Whether keys pressed on `target` type into it (text inputs, text areas, selects, editable content). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

/**
 * Listens for the configured accelerators on `target` and reports the action. A key that would type a
 * character (no Ctrl/Alt/⌘, not F1–F24) is left alone while a text field has focus, so the agent can
 * still type it; IME composition (Chinese input) and auto-repeat never trigger an action.
 * @param bindings read at each key press, so the listener can be installed before the policy is loaded
 * @returns the unsubscribe function
 */
export function listenInWindow(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  bindings: () => ShortcutsPolicy | undefined,
  listener: (action: ShortcutAction) => void,
  platform: KeyPlatform = keyPlatform(),
): () => void {
  let planned: { config: ShortcutsPolicy; plan: PlannedShortcut[] } | undefined;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.repeat || event.isComposing || event.defaultPrevented) return;
    const config = bindings();
    if (!config) return;
    if (planned?.config !== config) planned = { config, plan: planShortcuts(config, platform) };
    for (const { parsed, action } of planned.plan) {
      if (!parsed || !matchesKey(parsed, event, platform)) continue;
      if (typesText(parsed) && isTextEntry(event.target)) return;
      event.preventDefault();
      listener(action);
      return;
    }
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}

/**
 * The browser host's `shortcuts` API: in-window keys, every one reported as working while the window has
 * focus (nothing else can hold them).
 * @param bindings the loaded policy's shortcuts (undefined before a valid policy)
 * @param onDialKey the dial key (`shortcuts.dial`): the host reads the clipboard instead of reporting an action
 */
export function browserShortcuts(bindings: () => ShortcutsPolicy | undefined, onDialKey: () => void): LingxiApi['shortcuts'] {
  // One key listener for every subscriber: a second listener would see the first one's preventDefault and stay silent.
  const listeners = new Set<(action: ShortcutAction) => void>();
  let stop: (() => void) | undefined;
  return {
    onAction: (listener) => {
      listeners.add(listener);
      stop ??= listenInWindow(window, bindings, (action) => {
        if (action === 'dial') onDialKey();
        else for (const each of [...listeners]) each(action);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
    status: async () => {
      const config = bindings();
      if (!config) return [];
      return planShortcuts(config, keyPlatform()).map(({ action, accelerator, state }) => ({ action, accelerator, scope: 'window', state }));
    },
  };
}
