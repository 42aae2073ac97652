import { EventEmitter } from 'node:events';
import type { Input, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { guardReloadAndCloseKeys } from '@main/app/key-guard';

/** A key press as Electron reports it to before-input-event. */
function press(spec: string, type: Input['type'] = 'keyDown'): Input {
  const parts = spec.split('+');
  const key = parts.pop() ?? '';
  const code = /^F\d+$/.test(key) ? key : `Key${key.toUpperCase()}`;
  return {
    type,
    key: parts.includes('Shift') && key.length === 1 ? key.toUpperCase() : key,
    code,
    control: parts.includes('Ctrl'),
    meta: parts.includes('Cmd'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    isAutoRepeat: false,
    isComposing: false,
    location: 0,
    modifiers: [],
  } as Input;
}

/** Installs the guard on a fake web contents; returns which presses the page would still get. */
function guarded(platform: NodeJS.Platform) {
  const contents = new EventEmitter();
  const blocked: string[] = [];
  guardReloadAndCloseKeys(contents as unknown as WebContents, platform, (key) => blocked.push(key));
  const reachesPage = (spec: string, type?: Input['type']) => {
    let prevented = false;
    contents.emit('before-input-event', { preventDefault: () => void (prevented = true) }, press(spec, type));
    return !prevented;
  };
  return { reachesPage, blocked };
}

describe('guardReloadAndCloseKeys', () => {
  for (const platform of ['win32', 'linux'] as const) {
    it(`swallows reload and close-window keys on ${platform}`, () => {
      const { reachesPage, blocked } = guarded(platform);
      for (const key of ['F5', 'Shift+F5', 'Ctrl+F5', 'Ctrl+r', 'Ctrl+Shift+r', 'Ctrl+w', 'Ctrl+Shift+w', 'Ctrl+F4']) {
        expect(reachesPage(key), key).toBe(false);
      }
      expect(blocked).toHaveLength(8);
    });

    it(`lets ordinary typing and editing keys through on ${platform}`, () => {
      const { reachesPage } = guarded(platform);
      // Ctrl+Alt+R is the default Ready/Not ready shortcut; Windows reports AltGr (typing) as Ctrl+Alt.
      for (const key of ['r', 'w', 'R', 'Ctrl+c', 'Ctrl+v', 'Ctrl+a', 'Alt+F4', 'F4', 'F6', 'Cmd+r', 'Ctrl+Alt+r', 'Ctrl+Alt+w']) {
        expect(reachesPage(key), key).toBe(true);
      }
      // The key-up of a blocked chord changes nothing and is left alone.
      expect(reachesPage('Ctrl+r', 'keyUp')).toBe(true);
    });
  }

  it('uses Cmd on macOS', () => {
    const { reachesPage } = guarded('darwin');
    for (const key of ['Cmd+r', 'Cmd+Shift+r', 'Cmd+w', 'F5']) expect(reachesPage(key), key).toBe(false);
    // Ctrl+R / Ctrl+W are text-editing keys in macOS text fields, not reload or close.
    for (const key of ['Ctrl+r', 'Ctrl+w', 'Ctrl+F4', 'Cmd+c']) expect(reachesPage(key), key).toBe(true);
  });
});
