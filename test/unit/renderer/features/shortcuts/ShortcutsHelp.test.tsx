import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ShortcutStatus } from '@common/contract/shortcuts';
import { ShortcutsHelp } from '@renderer/features/shortcuts/components/ShortcutsHelp';
import { initI18n } from '@renderer/i18n';

const status: ShortcutStatus[] = [
  { action: 'answer', accelerator: 'Ctrl+Alt+A', scope: 'global', state: 'active' },
  { action: 'hangup', accelerator: 'Ctrl+Alt+H', scope: 'global', state: 'taken' },
  { action: 'hold', accelerator: 'Ctrl+Alt+P', scope: 'global', state: 'active' },
  { action: 'mute', accelerator: 'Ctrl+Alt+M', scope: 'global', state: 'active' },
  { action: 'transfer', accelerator: 'Ctrl+Alt+X', scope: 'global', state: 'active' },
  { action: 'toggleReady', accelerator: 'Ctrl+Alt+R', scope: 'global', state: 'active' },
];

async function openWith(how: () => void) {
  const load = vi.fn(async () => status);
  render(<ShortcutsHelp loadStatus={load} />);
  await act(async () => how());
  return load;
}

/** Row texts of the dialog's table, action → keys cell. */
function rows(): Record<string, string> {
  const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
  return Object.fromEntries(
    within(dialog)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [within(row).getByRole('rowheader').textContent, within(row).getByRole('cell').textContent]),
  );
}

describe('Keyboard shortcuts help', () => {
  it('the header button opens a dialog listing every action, its keys, and which do not work', async () => {
    const load = await openWith(() => fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' })));
    expect(load).toHaveBeenCalledTimes(1);
    expect(rows()).toEqual({
      Answer: 'Ctrl+Alt+A',
      'Hang up': 'Ctrl+Alt+H Taken by another application',
      'Hold / Resume': 'Ctrl+Alt+P',
      'Mute / Unmute': 'Ctrl+Alt+M',
      Transfer: 'Ctrl+Alt+X',
      'Ready / Not ready': 'Ctrl+Alt+R',
      'Show this list': '? or F1',
      'Search knowledge': 'Ctrl+K',
      'Next or previous pane tab (narrow window)': '← / → on the tabs',
    });
    expect(screen.getByRole('dialog').textContent).toContain('These keys work in any application');
  });

  it('opens with F1 anywhere and with "?" outside text fields', async () => {
    await openWith(() => fireEvent.keyDown(window, { key: 'F1' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('"?" typed into a text field stays text', async () => {
    const input = document.body.appendChild(document.createElement('input'));
    await openWith(() => fireEvent.keyDown(input, { key: '?' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await act(async () => void fireEvent.keyDown(document.body, { key: '?' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    input.remove();
  });

  it('speaks the UI language', async () => {
    await act(() => initI18n('zh-TW'));
    await openWith(() => fireEvent.click(screen.getByRole('button', { name: '鍵盤快速鍵' })));
    const dialog = screen.getByRole('dialog', { name: '鍵盤快速鍵' });
    expect(within(dialog).getByRole('rowheader', { name: '接聽' })).toBeTruthy();
    expect(dialog.textContent).toContain('已被其他應用程式占用');
    await act(() => initI18n('en'));
  });
});
