import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';

/** One line for the calls refused with 486 while the agent is busy (a flood shows as a number, not as calls). */
export function RefusedCalls() {
  const { t } = useTranslation();
  const count = useAppStore((s) => s.refusedCalls?.count ?? 0);
  if (count === 0) return null;
  return (
    <p className="current-call__refused" role="status">
      {t('call.refused', { count })}
    </p>
  );
}
