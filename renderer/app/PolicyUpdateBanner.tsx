import { useTranslation } from 'react-i18next';
import { useAppStore } from '../platform/store';

/** Says that a changed policy waits for the end of the call, or why a changed policy was not taken. */
export function PolicyUpdateBanner() {
  const { t } = useTranslation();
  const update = useAppStore((s) => s.policyUpdate);
  if (!update) return null;
  if (update.status === 'pending') {
    return (
      <p role="status" className="policy-update">
        {t('policy.pending')}
      </p>
    );
  }
  return (
    <section role="alert" aria-label={t('policy.problems')} className="policy-update policy-update--invalid">
      <p>{t('policy.changedInvalid', { source: update.source })}</p>
      <ul>
        {update.problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>
            <code>{problem.path}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
