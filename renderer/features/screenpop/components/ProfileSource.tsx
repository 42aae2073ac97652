import { useEffect, useState } from 'react';
import { formatWhen } from '../../../ui/format';
import { useTranslation } from 'react-i18next';
import type { ProfilePop } from '../screenpop-slice';

/** "3 minutes ago" in the UI language. */
export function relativeAge(ms: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/** Where the profile on screen came from: CTI, Cache (with its age) or CRM. */
export function ProfileSource({ pop }: { pop: ProfilePop }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  let text: string = t('screenpop.sourceCti');
  if (pop.source === 'crm') text = t('screenpop.sourceCrm');
  if (pop.source === 'cache' && pop.fetchedAt !== undefined) {
    const time = formatWhen(pop.fetchedAt, i18n.language);
    text = t('screenpop.sourceCache', { time, age: relativeAge(now - pop.fetchedAt, i18n.language) });
  }
  return (
    <p role="status" aria-label={t('screenpop.source')} className={`profile-source profile-source--${pop.source}`}>
      {text}
    </p>
  );
}
