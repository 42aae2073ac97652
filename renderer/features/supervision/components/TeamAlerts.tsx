import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../board/team-types';
import { clockTime } from './TeamRow';

const SHOWN = 8;

/**
 * The team's newest alerts (and raised hands), newest first, each with the agent's row actions beside it:
 * one click from an alert to Listen.
 */
export function TeamAlerts({ team, renderActions }: { team: readonly TeamMember[]; renderActions?: (member: TeamMember) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const items = team
    .flatMap((member) => member.alerts.map((alert) => ({ member, alert })))
    .sort((a, b) => b.alert.atMs - a.alert.atMs)
    .slice(0, SHOWN);
  if (items.length === 0) return null;
  return (
    <section className="team-alerts" aria-label={t('supervision.recentAlerts')}>
      <h3>{t('supervision.recentAlerts')}</h3>
      <ul>
        {items.map(({ member, alert }) => (
          <li key={`${member.uri}-${alert.id}`} className={`team-alerts__item team-alerts__item--${alert.kind}`}>
            <span>{t('supervision.alertItem', { name: member.name, kind: t(`supervision.alert.${alert.kind}`), time: clockTime(alert.atMs, i18n.language) })}</span>
            {renderActions?.(member)}
          </li>
        ))}
      </ul>
    </section>
  );
}
