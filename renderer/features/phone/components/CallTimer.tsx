import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** mm:ss (h:mm:ss past an hour) since `since`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

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
