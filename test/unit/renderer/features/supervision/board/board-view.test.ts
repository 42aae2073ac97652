import { describe, expect, it } from 'vitest';
import { boardRows, type BoardSort } from '@renderer/features/supervision/board/board-view';
import type { TeamMember } from '@renderer/features/supervision/board/team-types';

const NOW = 10_000_000;
const min = 60_000;
const member = (name: string, patch: Partial<TeamMember> = {}): TeamMember => ({ uri: `sip:${name}@pbx`, name, state: 'ready', sinceMs: NOW - min, alerts: [], link: 'live', ...patch });
const onCallFor = (ms: number, queue = 'cards'): Partial<TeamMember> => ({ state: 'on-call', sinceMs: NOW - ms, call: { id: `c${ms}`, direction: 'incoming', startedAtMs: NOW - ms, queue } });

const team = [
  member('Chen', onCallFor(6 * min, 'loans')),
  member('Ann', { state: 'not-ready', reason: 'Lunch', sinceMs: NOW - 20 * min }),
  member('Bo', onCallFor(2 * min, 'cards')),
  member('Dai', { state: 'offline', link: 'unreachable' }),
  member('Eve', { ...onCallFor(9 * min, 'cards'), state: 'on-hold', alerts: [{ id: 'a', kind: 'keyword', atMs: NOW }] }),
  member('Fu', { help: true }),
];
const names = (rows: TeamMember[]) => rows.map((m) => m.name);
const sort = (key: BoardSort['key'], descending = false): BoardSort => ({ key, descending });

describe('the lead\'s table: filters', () => {
  it('"On call > 5 min" keeps agents on (or holding) a call longer than five minutes', () => {
    expect(names(boardRows(team, 'long-calls', sort('name'), NOW))).toEqual(['Chen', 'Eve']);
  });

  it('"Alerts only" keeps agents with alerts or a raised hand', () => {
    expect(names(boardRows(team, 'alerts', sort('name'), NOW))).toEqual(['Eve', 'Fu']);
  });

  it('"All agents" keeps everyone', () => {
    expect(boardRows(team, 'all', sort('name'), NOW)).toHaveLength(6);
  });
});

describe('the lead\'s table: sorting', () => {
  it('by name, both ways', () => {
    expect(names(boardRows(team, 'all', sort('name'), NOW))).toEqual(['Ann', 'Bo', 'Chen', 'Dai', 'Eve', 'Fu']);
    expect(names(boardRows(team, 'all', sort('name', true), NOW))).toEqual(['Fu', 'Eve', 'Dai', 'Chen', 'Bo', 'Ann']);
  });

  it('by state: on a call first, offline last; ties keep the team\'s order', () => {
    expect(names(boardRows(team, 'all', sort('state'), NOW))).toEqual(['Chen', 'Bo', 'Eve', 'Ann', 'Fu', 'Dai']);
  });

  it('by call duration, longest first when descending', () => {
    expect(names(boardRows(team, 'all', sort('callDuration', true), NOW)).slice(0, 3)).toEqual(['Eve', 'Chen', 'Bo']);
  });

  it('by time in state and by queue', () => {
    expect(names(boardRows(team, 'all', sort('timeInState', true), NOW))[0]).toBe('Ann');
    expect(names(boardRows(team, 'all', sort('queue'), NOW)).slice(-3)).toEqual(['Bo', 'Eve', 'Chen']);
  });

  it('by alerts: a raised hand and alerts first when descending', () => {
    expect(names(boardRows(team, 'all', sort('alerts', true), NOW)).slice(0, 2)).toEqual(['Eve', 'Fu']);
  });
});
