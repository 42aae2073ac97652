/**
 * Keyboard shortcuts shared by every host: the action names, the event channel main sends them on, and
 * accelerator parsing/matching (Electron accelerator syntax, e.g. "Ctrl+Alt+A", "CommandOrControl+F8").
 * Kept free of zod and of DOM/Electron types, like system-events.ts: main, the sandboxed preload and the
 * browser host all bundle it.
 */
import type { ShortcutAction, ShortcutsPolicy } from './policy';

/** Every action a shortcut can trigger, in the order the help panel lists them. */
export const shortcutActions = ['answer', 'hangup', 'hold', 'mute', 'transfer', 'toggleReady', 'toggleRecording', 'askForHelp', 'scheduleCallback', 'dial', 'exportDiagnostics'] as const satisfies readonly ShortcutAction[];

// Fails to compile when the policy gains an action this list lacks.
type MissingActions = Exclude<ShortcutAction, (typeof shortcutActions)[number]>;
const everyActionListed: [MissingActions] extends [never] ? true : MissingActions = true;
void everyActionListed;

/** The ipcRenderer.on channel main sends a triggered ShortcutAction on. */
export const SHORTCUT_ACTION_CHANNEL = 'shortcut:action';

/** Whether a value received over IPC names an action (the preload drops anything else). */
export function isShortcutAction(value: unknown): value is ShortcutAction {
  return typeof value === 'string' && (shortcutActions as readonly string[]).includes(value);
}

/** Where a shortcut works: system-wide (Electron globalShortcut) or while the app's window has focus. */
export type ShortcutScope = 'global' | 'window';

/**
 * What became of one configured shortcut:
 * `active` works; `taken` another application holds it; `invalid` not an accelerator this host understands;
 * `duplicate` the same keys as an earlier action; `needs-modifier` a bare letter or digit, refused system-wide
 * because it would swallow that key in every application.
 */
export type ShortcutState = 'active' | 'taken' | 'invalid' | 'duplicate' | 'needs-modifier';

/** One configured shortcut and whether it works, for the help panel and the log. */
export interface ShortcutStatus {
  action: ShortcutAction;
  /** As written in the policy. */
  accelerator: string;
  scope: ShortcutScope;
  state: ShortcutState;
}

/** Platform family: only macOS reads CommandOrControl as ⌘. */
export type KeyPlatform = 'mac' | 'other';

/** A parsed accelerator. `cmdOrCtrl` is resolved per platform when matching. */
export interface Accelerator {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  cmdOrCtrl: boolean;
  /** Upper-case letter, digit, or F1–F24. */
  key: string;
}

const MODIFIERS: Record<string, keyof Omit<Accelerator, 'key'>> = {
  commandorcontrol: 'cmdOrCtrl',
  cmdorctrl: 'cmdOrCtrl',
  control: 'ctrl',
  ctrl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  super: 'meta',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
};

/**
 * Parses an accelerator; throws an Error saying what is wrong (unknown modifier, repeated modifier,
 * missing or unsupported key). Case-insensitive, like Electron.
 */
export function parseAccelerator(text: string): Accelerator {
  const parts = text.split('+').map((part) => part.trim());
  const keyPart = parts.pop() ?? '';
  const result: Accelerator = { ctrl: false, alt: false, shift: false, meta: false, cmdOrCtrl: false, key: '' };
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier) throw new Error(`"${text}": unknown modifier "${part}"`);
    if (result[modifier]) throw new Error(`"${text}": modifier "${part}" given twice`);
    result[modifier] = true;
  }
  const key = keyPart.toUpperCase();
  if (/^[A-Z0-9]$/.test(key) || /^F([1-9]|1[0-9]|2[0-4])$/.test(key)) return { ...result, key };
  throw new Error(keyPart === '' ? `"${text}": no key after the modifiers` : `"${text}": unsupported key "${keyPart}"`);
}

/** The modifiers actually held on this platform (CommandOrControl resolved). */
function effective(acc: Accelerator, platform: KeyPlatform) {
  return {
    ctrl: acc.ctrl || (acc.cmdOrCtrl && platform !== 'mac'),
    alt: acc.alt,
    shift: acc.shift,
    meta: acc.meta || (acc.cmdOrCtrl && platform === 'mac'),
  };
}

/** A canonical spelling ("Ctrl+Alt+A"), so "Control+alt+a" and "Ctrl+Alt+A" compare equal. */
export function formatAccelerator(acc: Accelerator, platform: KeyPlatform): string {
  const held = effective(acc, platform);
  const names: string[] = [];
  if (held.ctrl) names.push('Ctrl');
  if (held.alt) names.push(platform === 'mac' ? 'Option' : 'Alt');
  if (held.shift) names.push('Shift');
  if (held.meta) names.push(platform === 'mac' ? 'Cmd' : 'Super');
  return [...names, acc.key].join('+');
}

/** Whether the accelerator is a function key (those type nothing, so they are safe anywhere). */
function isFunctionKey(acc: Accelerator): boolean {
  return /^F\d+$/.test(acc.key);
}

/**
 * Whether pressing it in a text field would type a character: no Ctrl/Alt/Meta and not a function key.
 * The in-window listener lets such keys reach the field, and main refuses them system-wide.
 */
export function typesText(acc: Accelerator): boolean {
  return !acc.ctrl && !acc.alt && !acc.meta && !acc.cmdOrCtrl && !isFunctionKey(acc);
}

/** The parts of a keyboard event the matcher reads (a DOM KeyboardEvent or Electron's Input both fit). */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * Whether a key press is this accelerator. Modifiers must match exactly (Ctrl+Alt+A is not Ctrl+Alt+Shift+A).
 * The key matches by `code` (physical key: Alt on macOS and AltGr on Windows change `key` into another
 * character) or by `key` (layouts whose letters sit elsewhere).
 */
export function matchesKey(acc: Accelerator, event: KeyLike, platform: KeyPlatform): boolean {
  const held = effective(acc, platform);
  if (event.ctrlKey !== held.ctrl || event.altKey !== held.alt || event.shiftKey !== held.shift || event.metaKey !== held.meta) {
    return false;
  }
  if (isFunctionKey(acc)) return event.key === acc.key || event.code === acc.key;
  const codes = /^[A-Z]$/.test(acc.key) ? [`Key${acc.key}`] : [`Digit${acc.key}`, `Numpad${acc.key}`];
  return codes.includes(event.code) || event.key.toUpperCase() === acc.key;
}

/** One configured shortcut after parsing and the duplicate check, before any registration. */
export interface PlannedShortcut {
  action: ShortcutAction;
  accelerator: string;
  /** Present when the shortcut can be used; absent for invalid and duplicate ones. */
  parsed?: Accelerator;
  state: ShortcutState;
}

/**
 * Parses every configured shortcut and flags duplicates (the later action loses, so the help panel can
 * say so). `active` here means "can be registered"; the host may still find it taken.
 */
export function planShortcuts(config: ShortcutsPolicy, platform: KeyPlatform): PlannedShortcut[] {
  const seen = new Set<string>();
  return shortcutActions.map((action): PlannedShortcut => {
    const accelerator = config[action];
    let parsed: Accelerator;
    try {
      parsed = parseAccelerator(accelerator);
    } catch {
      return { action, accelerator, state: 'invalid' };
    }
    const canonical = formatAccelerator(parsed, platform);
    if (seen.has(canonical)) return { action, accelerator, state: 'duplicate' };
    seen.add(canonical);
    return { action, accelerator, parsed, state: 'active' };
  });
}
