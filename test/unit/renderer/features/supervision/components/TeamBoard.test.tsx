import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TeamBoard } from '@renderer/features/supervision/components/TeamBoard';
import type { TeamMember } from '@renderer/features/supervision/board/team-types';
import { initI18n } from '@renderer/i18n';
import { en } from '@renderer/app/bundles';
import { render, useStore } from '../../../support/app-store';

const now = Date.now();
const member = (name: string, patch: Partial<TeamMember> = {}): TeamMember => ({ uri: `sip:${name}@pbx`, name, state: 'ready', sinceMs: now - 60_000, alerts: [], link: 'live', ...patch });

beforeAll(async () => {
  await initI18n('en', [{ en, 'zh-CN': en, 'zh-TW': en }]);
});

beforeEach(() => {
  useStore.getState().setTeam([
    member('Chen', { state: 'on-call', sinceMs: now - 7 * 60_000, call: { id: 'call-c@pbx', direction: 'incoming', startedAtMs: now - 7 * 60_000, queue: 'loans', customer: '张*', vip: true, quality: 'good' } }),
    member('Ann', { state: 'not-ready', reason: 'Lunch' }),
    member('Bo', { alerts: [{ id: 'k', kind: 'keyword', atMs: now }], help: true }),
    member('Dai', { state: 'offline', link: 'refused' }),
  ]);
});

const rowNames = () => within(screen.getByRole('table', { name: 'Agents' })).getAllByRole('row').slice(1).map((r) => r.getAttribute('aria-label'));

describe('the Team board', () => {
  it('a row per agent, named by the agent, with state, call, masked customer, flags and quality', () => {
    render(<TeamBoard renderActions={(m) => <button type="button">Listen to {m.name}</button>} />);
    const team = screen.getByRole('region', { name: 'Team' });
    const chen = within(team).getByRole('row', { name: 'Chen' });
    const cells = within(chen).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['On call', '07:00', 'In 07:00', 'loans', '', '张*', 'VIP', 'Good', '', 'Listen to Chen']);
    expect(chen.dataset.callId).toBe('call-c@pbx');
    expect(within(screen.getByRole('row', { name: 'Ann' })).getAllByRole('cell')[0]?.textContent).toBe('Not ready: Lunch');
    expect(within(screen.getByRole('row', { name: 'Dai' })).getAllByRole('cell')[0]?.textContent).toBe("Offline (refused: this lead is not in the agent's supervision.leads)");
    expect(screen.getByRole('row', { name: 'Bo' }).className).toContain('team-row--help');
  });

  it('an alert sits beside the agent\'s actions: one click to Listen', () => {
    render(<TeamBoard renderActions={(m) => <button type="button">Listen to {m.name}</button>} />);
    const recent = screen.getByRole('region', { name: 'Recent alerts' });
    const item = within(recent).getByRole('listitem');
    expect(item.textContent).toMatch(/^Bo: Keyword alert at \d\d:\d\d:\d\d/);
    expect(within(item).getByRole('button', { name: 'Listen to Bo' })).toBeTruthy();
  });

  it('sorts by a column header, and the other way on a second click', () => {
    render(<TeamBoard />);
    expect(rowNames()).toEqual(['Ann', 'Bo', 'Chen', 'Dai']);
    fireEvent.click(screen.getByRole('button', { name: 'State' }));
    expect(rowNames()).toEqual(['Chen', 'Ann', 'Bo', 'Dai']);
    expect(screen.getByRole('button', { name: 'State' }).closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: 'State' }));
    expect(rowNames()).toEqual(['Dai', 'Bo', 'Ann', 'Chen']);
  });

  it('filters: on call > 5 min, alerts only', () => {
    render(<TeamBoard />);
    const show = screen.getByRole('combobox', { name: 'Show' });
    fireEvent.change(show, { target: { value: 'long-calls' } });
    expect(rowNames()).toEqual(['Chen']);
    fireEvent.change(show, { target: { value: 'alerts' } });
    expect(rowNames()).toEqual(['Bo']);
  });

  it('arrow keys move between rows', () => {
    render(<TeamBoard />);
    const ann = screen.getByRole('row', { name: 'Ann' });
    ann.focus();
    fireEvent.keyDown(ann, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('row', { name: 'Bo' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(ann);
  });
});
