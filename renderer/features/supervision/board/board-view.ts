/**
 * What the lead's table shows, in which order: pure sorting and filtering of the team rows, so the
 * component stays a view. Filters: everyone, on a call for more than 5 minutes, with alerts (or a raised
 * hand). Sorting by any column, ascending or descending; ties keep the policy's order.
 */
import type { TeamMember, TeamState } from './team-types';

export const boardFilters = ['all', 'long-calls', 'alerts'] as const;
export type BoardFilter = (typeof boardFilters)[number];

export const boardSortKeys = ['name', 'state', 'timeInState', 'callDuration', 'queue', 'alerts'] as const;
export type BoardSortKey = (typeof boardSortKeys)[number];
export interface BoardSort {
  key: BoardSortKey;
  descending: boolean;
}

/** The "on call > 5 min" filter's threshold. */
export const LONG_CALL_FILTER_MS = 5 * 60_000;

/** States in the order a lead reads them: who needs attention first. */
const STATE_ORDER: Record<TeamState, number> = { 'on-call': 0, 'on-hold': 1, ringing: 2, 'wrap-up': 3, 'not-ready': 4, ready: 5, offline: 6 };

const onCall = (m: TeamMember): boolean => m.state === 'on-call' || m.state === 'on-hold';

/** How long the agent's call has lasted (0 without a call). */
export function callDurationMs(member: TeamMember, now: number): number {
  return member.call && onCall(member) ? Math.max(0, now - member.call.startedAtMs) : 0;
}

export function matchesFilter(member: TeamMember, filter: BoardFilter, now: number): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'long-calls':
      return onCall(member) && callDurationMs(member, now) > LONG_CALL_FILTER_MS;
    case 'alerts':
      return member.alerts.length > 0 || member.help === true;
  }
}

function compare(a: TeamMember, b: TeamMember, key: BoardSortKey, now: number): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'state':
      return STATE_ORDER[a.state] - STATE_ORDER[b.state];
    case 'timeInState':
      return now - a.sinceMs - (now - b.sinceMs);
    case 'callDuration':
      return callDurationMs(a, now) - callDurationMs(b, now);
    case 'queue':
      return (a.call?.queue ?? '').localeCompare(b.call?.queue ?? '');
    case 'alerts':
      return a.alerts.length + (a.help ? 1 : 0) - (b.alerts.length + (b.help ? 1 : 0));
  }
}

/** The rows to show: filtered, then sorted (stable: ties keep the team's order). */
export function boardRows(team: readonly TeamMember[], filter: BoardFilter, sort: BoardSort, now: number): TeamMember[] {
  const sign = sort.descending ? -1 : 1;
  return team
    .map((member, index) => ({ member, index }))
    .filter(({ member }) => matchesFilter(member, filter, now))
    .sort((x, y) => sign * compare(x.member, y.member, sort.key, now) || x.index - y.index)
    .map(({ member }) => member);
}
