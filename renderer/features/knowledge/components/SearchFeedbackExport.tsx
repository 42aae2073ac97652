import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@common/errors';
import { useKnowledge } from '../knowledge-state';
import { exportSearchFeedback } from '../feedback-service';

type Outcome = { status: 'idle' | 'working' } | { status: 'done'; count: number } | { status: 'failed'; error: string };

/**
 * "Export search feedback": downloads the queries that led agents to articles, as candidate similar
 * questions for KB authors. Only while the policy turns the feedback loop on (knowledge.feedbackExport).
 */
export function SearchFeedbackExport({ onExport = exportSearchFeedback }: { onExport?: () => Promise<number> }) {
  const { t } = useTranslation();
  const enabled = useKnowledge((s) => s.feedbackExport);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  if (!enabled) return null;
  const run = () => {
    setOutcome({ status: 'working' });
    onExport().then(
      (count) => setOutcome({ status: 'done', count }),
      (error: unknown) => setOutcome({ status: 'failed', error: errorMessage(error) }),
    );
  };
  return (
    <p className="kb-feedback">
      <button type="button" onClick={run} disabled={outcome.status === 'working'}>
        {t('knowledge.feedback.export')}
      </button>
      <span role="status" className="kb-feedback__status">
        {outcome.status === 'done' && (outcome.count > 0 ? t('knowledge.feedback.exported', { count: outcome.count }) : t('knowledge.feedback.empty'))}
        {outcome.status === 'failed' && t('knowledge.feedback.failed', { error: outcome.error })}
      </span>
    </p>
  );
}
