import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatTimeSeconds } from '../../../ui/format';
import type { TeamMember } from '../board/team-types';

/** Clock time of an epoch ms, hh:mm:ss in the UI's locale. */
export function clockTime(ms: number, language: string): string {
  return formatTimeSeconds(ms, language);
}

/** One agent's row: named by the agent's name; lit while the agent asks for help or has alerts. */
export function TeamRow({
  member,
  now,
  callMs,
  first,
  renderActions,
}: {
  member: TeamMember;
  now: number;
  callMs: number;
  first: boolean;
  renderActions?: (member: TeamMember) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { call } = member;
  const stateText = member.state === 'not-ready' && member.reason ? t('supervision.notReadyReason', { reason: member.reason }) : t(`supervision.state.${member.state}`);
  const link = member.state === 'offline' && member.link !== 'live' ? t(`supervision.link.${member.link}`) : null;
  const classes = ['team-row', `team-row--${member.state}`, member.help ? 'team-row--help' : '', member.alerts.length > 0 ? 'team-row--alerts' : ''];
  return (
    <tr aria-label={member.name} data-team-uri={member.uri} data-call-id={call?.id} tabIndex={first ? 0 : -1} className={classes.filter(Boolean).join(' ')}>
      <th scope="row">{member.name}</th>
      <td>
        {stateText}
        {link && <span className="team-row__link"> ({link})</span>}
        {member.overdueCallbacks !== undefined && <span className="team-row__callbacks"> · {t('supervision.overdueCallbacks', { count: member.overdueCallbacks })}</span>}
      </td>
      <td>{formatDuration(now - member.sinceMs)}</td>
      <td>{call ? `${t(`supervision.direction.${call.direction}`)} ${formatDuration(callMs)}` : ''}</td>
      <td>{call?.queue ?? ''}</td>
      <td>{call?.intent ?? ''}</td>
      <td>{call?.customer ?? ''}</td>
      <td>
        {call?.vip && <span className="badge badge--vip">{t('supervision.vip')}</span>}
        {call?.elderly && <span className="badge badge--elderly">{t('supervision.elderly')}</span>}
      </td>
      <td>{call?.quality ? t(`supervision.quality.${call.quality as 'good' | 'fair' | 'poor'}`) : ''}</td>
      <td>
        <ul className="team-row__alerts">
          {member.alerts.map((alert) => (
            <li key={alert.id} title={alert.text}>
              {t('supervision.alertAt', { kind: t(`supervision.alert.${alert.kind}`), time: clockTime(alert.atMs, i18n.language) })}
              {alert.text && <q className="team-row__quote">{alert.text}</q>}
            </li>
          ))}
        </ul>
      </td>
      <td>{renderActions?.(member)}</td>
    </tr>
  );
}
