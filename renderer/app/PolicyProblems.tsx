import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '@common/contract/policy';

/** Every problem in an unusable policy, with its path, so IT can fix it in one go. */
export function PolicyProblems({ source, problems }: { source: string; problems: PolicyProblem[] }) {
  const { t } = useTranslation();
  return (
    <section role="alert" aria-label={t('policy.problems')} className="policy-problems">
      <h2>{t('policy.problems')}</h2>
      <p>{t('policy.intro', { source })}</p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>
            <code>{problem.path}</code>: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
