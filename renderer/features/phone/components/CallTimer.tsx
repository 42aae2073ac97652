import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../ui/format';

/** Talk time; a timer role so screen readers do not announce every second. */
export function CallTimer({ since }: { since: number | undefined }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <span role="timer" aria-label={t('call.duration')} className="call-timer">
      {formatDuration(since === undefined ? 0 : now - since)}
    </span>
  );
}
