import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { boardFilters, boardRows, callDurationMs, type BoardFilter, type BoardSort, type BoardSortKey } from '../board/board-view';
import { selectTeam } from '../board/team-slice';
import type { TeamMember } from '../board/team-types';
import { TeamAlerts } from './TeamAlerts';
import { TeamRow } from './TeamRow';
import { useNow } from '../../../ui/use-now';
import './supervision.css';

/**
 * The lead's team board: region "Team" with the "Agents" table, one row per agent named by the agent's
 * name. Columns sort with their header buttons (again: the other way); "Show" filters. Arrow keys move
 * between rows. `renderActions` is the row's buttons slot (Listen, Whisper, Barge, Take over).
 */
export function TeamBoard({ renderActions }: { renderActions?: (member: TeamMember) => ReactNode }) {
  const { t } = useTranslation();
  const team = useAppStore(selectTeam);
  const now = useNow(1000);
  const [filter, setFilter] = useState<BoardFilter>('all');
  const [sort, setSort] = useState<BoardSort>({ key: 'name', descending: false });
  const rows = useMemo(() => boardRows(team, filter, sort, now), [team, filter, sort, now]);

  const sortBy = (key: BoardSortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const header = (key: BoardSortKey) => (
    <th key={key} scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="team-board__sort" title={t('supervision.sortBy', { column: t(`supervision.column.${key}`) })} onClick={() => sortBy(key)}>
        {t(`supervision.column.${key}`)}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );

  // Arrow keys move between rows (each row is one tab stop's worth of focus).
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rowEls = [...event.currentTarget.querySelectorAll<HTMLTableRowElement>('tr[data-team-uri]')];
    const index = rowEls.findIndex((row) => row.contains(document.activeElement));
    const next = rowEls[Math.min(rowEls.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <section className="team-board" aria-label={t('supervision.team')}>
      <h2>{t('supervision.team')}</h2>
      <NotificationsPermission />
      <label className="team-board__filter">
        <span>{t('supervision.show')}</span>
        <select value={filter} onChange={(e) => setFilter(e.target.value as BoardFilter)}>
          {boardFilters.map((f) => (
            <option key={f} value={f}>
              {t(`supervision.filter.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <TeamAlerts team={team} renderActions={renderActions} />
      {team.length === 0 ? (
        <p>{t('supervision.noTeam')}</p>
      ) : (
        <table className="team-board__table" aria-label={t('supervision.agents')}>
          <thead>
            <tr>
              {header('name')}
              {header('state')}
              {header('timeInState')}
              {header('callDuration')}
              {header('queue')}
              <th scope="col">{t('supervision.column.intent')}</th>
              <th scope="col">{t('supervision.column.customer')}</th>
              <th scope="col">{t('supervision.column.flags')}</th>
              <th scope="col">{t('supervision.column.quality')}</th>
              {header('alerts')}
              <th scope="col">{t('supervision.column.actions')}</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {rows.map((member, index) => (
              <TeamRow key={member.uri} member={member} now={now} callMs={callDurationMs(member, now)} first={index === 0} renderActions={renderActions} />
            ))}
          </tbody>
        </table>
      )}
      {team.length > 0 && rows.length === 0 && <p>{t('supervision.noAgents')}</p>}
    </section>
  );
}

/** Desktop notifications need the lead's permission, asked from a click (browsers ignore it otherwise). */
function NotificationsPermission() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  if (permission !== 'default') return null;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t('supervision.turnOnNotifications')}
    </button>
  );
}
